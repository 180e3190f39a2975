"""Text -> hashed word and character n-gram features, the same as `Core/Text/TextFeaturizer.cs`.

The C# featurizer on the device must give the same ids and values as this file; the test
`TextFeaturizerParityTests` runs `scripts/text-features` on tricky strings and compares. Change
one side only together with the other, and bump NORMALIZATION when the tokens change.

Tokens: apostrophe look-alikes become ', then each other non-ASCII character its NFKD with the
combining marks (category Mn) dropped (accents fall off: "café" -> "cafe", "½" -> "1 2"); then only
ASCII letters, digits and apostrophes count, lower-cased; anything else separates words. The
device reads the non-ASCII answers from a table this file writes (scripts/text-fold-table), so
both sides fold with the same Unicode data. Clitics
are split the Penn Treebank way, as SST writes them ("don't" -> "do n't", "it's" -> "it 's"), so a
recogniser's "don't" and SST's "do n't" are the same tokens.

Features of each token in order: its word id, the bigram with the previous token, then the
character n-grams of "<token>". Ids are FNV-1a (32-bit) of a kind byte and the ASCII text, modulo
the bucket count. Word features (unigrams, bigrams) get the value 1/sqrt(their count), character
n-grams 1/sqrt(theirs): both families have unit length when nothing collides.
"""

import functools
import math
import re
import unicodedata

NORMALIZATION = "nfkd-ascii-lower-ptb-clitics-v1"
HASH = "fnv1a32"
APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"}
CLITICS = ("s", "re", "ve", "ll", "d", "m")
WORD_KIND, BIGRAM_KIND, CHAR_KIND = ord("w"), ord("b"), ord("c")

_APOSTROPHE_TABLE = str.maketrans(APOSTROPHES)
_RUN = re.compile(r"[a-z0-9']+")
_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})


class Settings:
    """What the featurizer needs; travels in the ONNX model's metadata (edgesentiment.text.*)."""

    def __init__(self, buckets=1 << 18, word_ngrams=2, char_min=2, char_max=5, capacity=4096):
        if buckets & (buckets - 1):
            raise ValueError("buckets must be a power of two")
        self.buckets, self.word_ngrams = buckets, word_ngrams
        self.char_min, self.char_max, self.capacity = char_min, char_max, capacity

    def metadata(self):
        return {
            "edgesentiment.text.normalization": NORMALIZATION,
            "edgesentiment.text.hash": HASH,
            "edgesentiment.text.buckets": str(self.buckets),
            "edgesentiment.text.word_ngrams": str(self.word_ngrams),
            "edgesentiment.text.char_ngrams": f"{self.char_min}-{self.char_max}",
            "edgesentiment.text.capacity": str(self.capacity),
        }


def _clean(part):
    return part.replace("'", "")


@functools.lru_cache(maxsize=None)
def fold(char):
    """What one non-ASCII character becomes: apostrophe look-alikes ', else its NFKD with the
    combining marks (category Mn) dropped and any other non-ASCII character a space. Per character,
    so the device can hold the same answers as a table (scripts/text-fold-table)."""
    if char in APOSTROPHES:
        return "'"
    out = []
    for c in unicodedata.normalize("NFKD", char):
        if c.isascii():
            out.append(c.translate(_APOSTROPHE_TABLE))
        elif c in APOSTROPHES:
            out.append("'")
        elif unicodedata.category(c) != "Mn":
            out.append(" ")
    return "".join(out)


def tokens(text):
    """The tokens of `text` (see the module comment)."""
    folded = text.translate(_APOSTROPHE_TABLE)
    if not folded.isascii():
        folded = "".join(c if c.isascii() else fold(c) for c in folded)
    out = []
    for run in _RUN.findall(folded.translate(_LOWER)):
        run = run.rstrip("'")
        core = run.lstrip("'")
        if not core:
            continue
        if core != run and core in CLITICS:
            out.append("'" + core)  # SST's detached clitic: it 's
            continue
        if core == "n't":
            out.append(core)
            continue
        if len(core) > 3 and core.endswith("n't"):
            stem = _clean(core[:-3])
            if stem:
                out.append(stem)
            out.append("n't")
            continue
        cut = core.rfind("'")
        if cut > 0 and core[cut + 1:] in CLITICS:
            stem = _clean(core[:cut])
            if stem:
                out.append(stem)
            out.append(core[cut:])
            continue
        word = _clean(core)
        if word:
            out.append(word)
    return out


def fnv1a(kind, *parts):
    h = (2166136261 ^ kind) * 16777619 & 0xFFFFFFFF
    for part in parts:
        for byte in part.encode("ascii"):
            h = (h ^ byte) * 16777619 & 0xFFFFFFFF
    return h


class Featurizer:
    """Hashes token lists; caches per token, since a corpus repeats its words."""

    def __init__(self, settings):
        self.settings = settings
        self._mask = settings.buckets - 1
        self._word = {}
        self._chars = {}
        self._bigram = {}

    def _word_id(self, token):
        i = self._word.get(token)
        if i is None:
            i = self._word[token] = fnv1a(WORD_KIND, token) & self._mask
        return i

    def _bigram_id(self, first, second):
        key = (first, second)
        i = self._bigram.get(key)
        if i is None:
            i = self._bigram[key] = fnv1a(BIGRAM_KIND, first, " ", second) & self._mask
        return i

    def _char_ids(self, token):
        ids = self._chars.get(token)
        if ids is None:
            s = self.settings
            marked = "<" + token + ">"
            ids = [fnv1a(CHAR_KIND, marked[start:start + n]) & self._mask
                   for n in range(s.char_min, s.char_max + 1)
                   for start in range(0, len(marked) - n + 1)]
            self._chars[token] = ids
        return ids

    def features(self, text_or_tokens):
        """(ids, values) for a text or a token list, at most `capacity` of them, in emission order."""
        toks = tokens(text_or_tokens) if isinstance(text_or_tokens, str) else text_or_tokens
        s = self.settings
        ids, is_word = [], []
        full = False
        for i, token in enumerate(toks):
            emitted = [(self._word_id(token), True)]
            if s.word_ngrams >= 2 and i > 0:
                emitted.append((self._bigram_id(toks[i - 1], token), True))
            emitted.extend((c, False) for c in self._char_ids(token))
            for feature, word in emitted:
                if len(ids) == s.capacity:
                    full = True
                    break
                ids.append(feature)
                is_word.append(word)
            if full:
                break
        words = sum(is_word)
        chars = len(ids) - words
        word_value = 1.0 / math.sqrt(words) if words else 0.0
        char_value = 1.0 / math.sqrt(chars) if chars else 0.0
        return ids, [word_value if w else char_value for w in is_word]
