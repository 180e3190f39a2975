"""Simulated recognition errors: substitutions, deletions and insertions at a target word error rate.

Of the errors, 60 % are substitutions, 20 % deletions and 20 % insertions (a recogniser on read
speech errs mostly by substituting). Substituted and inserted words are drawn by frequency from
the training vocabulary, as a recogniser mostly hallucinates common words. The expected WER
against the clean tokens is the rate asked for.
"""

import bisect
import random
from collections import Counter

SUBSTITUTE, DELETE = 0.6, 0.2  # insertions: the remaining 0.2


class Corrupter:
    def __init__(self, token_lists, seed):
        counts = Counter(t for toks in token_lists for t in toks)
        self._words = list(counts)
        self._cumulative = []
        total = 0
        for w in self._words:
            total += counts[w]
            self._cumulative.append(total)
        self._total = total
        self._random = random.Random(seed)

    def _word(self):
        return self._words[bisect.bisect_right(self._cumulative, self._random.random() * self._total)]

    def corrupt(self, toks, wer):
        """A copy of `toks` with about `wer` errors per word."""
        if wer <= 0:
            return list(toks)
        r = self._random
        out = []
        for token in toks:
            draw = r.random()
            if draw < wer * SUBSTITUTE:
                out.append(self._word())
            elif draw >= wer * (SUBSTITUTE + DELETE):
                out.append(token)
            if r.random() < wer * (1 - SUBSTITUTE - DELETE):
                out.append(self._word())
        return out
