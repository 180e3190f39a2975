"""SST sentences as a recogniser would write them: lower case, words joined back, no punctuation."""

import re

# SST is tokenised the Penn Treebank way; the recogniser's dictionary spells words whole.
_CLITICS = re.compile(r" (n't|'s|'re|'ve|'ll|'d|'m)\b")
_BRACKETS = {"-lrb-": "", "-rrb-": "", "-lsb-": "", "-rsb-": "", "-lcb-": "", "-rcb-": ""}
_WORD = re.compile(r"^[a-z][a-z']*$")


def read_sentences(path):
    """(label 1..5, sentence) pairs of an SST file (`__label__K<TAB>sentence`)."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            label, _, text = line.rstrip("\n").partition("\t")
            yield int(label.replace("__label__", "")), text


def spoken_words(sentence):
    """The words of a sentence as a transcript would hold them (e.g. "does n't" -> "doesn't")."""
    text = _CLITICS.sub(r"\1", sentence.lower())
    text = text.replace("ca n't", "can't").replace("wo n't", "won't")
    words = []
    for token in text.split():
        token = _BRACKETS.get(token, token).strip("`'\"")
        token = token.replace("\\/", " ").replace("-", " ")
        for part in token.split():
            if _WORD.match(part):
                words.append(part)
    return words


def dictionary_words(path):
    """The words of a CMU pronunciation dictionary (alternates such as `word(2)` folded)."""
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            head = line.split(" ", 1)[0]
            words.add(head.split("(", 1)[0])
    return words
