"""A trigram language model in ARPA format: counting, absolute discounting and back-off weights.

Small enough to read: p(w | h) = (c(h w) - D) / c(h) for n-grams seen at least `min_count` times,
the rest of the mass given to the next lower order through a back-off weight that makes each
history's distribution sum to one. Unigrams are smoothed with add-one over the vocabulary.
"""

import math
from collections import Counter, defaultdict

BOS, EOS, UNK = "<s>", "</s>", "<unk>"


def count(sentences, vocabulary):
    """N-gram counts of orders 1-3 over sentences (lists of words), out-of-vocabulary words as <unk>."""
    counts = [Counter(), Counter(), Counter()]
    for words in sentences:
        tokens = [BOS] + [w if w in vocabulary else UNK for w in words] + [EOS]
        for n in range(3):
            for i in range(len(tokens) - n):
                gram = tuple(tokens[i:i + n + 1])
                if n == 0 and gram[0] == BOS:
                    continue
                counts[n][gram] += 1
    return counts


def estimate(counts, discount=0.7, min_count=2):
    """Log10 probabilities and back-off weights per order: ({gram: logp}, {history: log_bow}) x 3."""
    unigrams = counts[0]
    total = sum(unigrams.values())
    vocab = sorted(set(g[0] for g in unigrams) | {EOS, UNK})
    probs = [{}, {}, {}]
    for w in vocab:
        probs[0][(w,)] = (unigrams.get((w,), 0) + 1) / (total + len(vocab))
    probs[0][(BOS,)] = 0.0  # never predicted; ARPA writes -99

    # History counts from the lower order's own counts (<s> counts as a history once per sentence).
    for n in (1, 2):
        history_totals = Counter()
        for gram, c in counts[n].items():
            history_totals[gram[:-1]] += c
        for gram, c in counts[n].items():
            if c >= min_count and gram[-1] != BOS:
                probs[n][gram] = (c - discount) / history_totals[gram[:-1]]

    def lower(gram):
        """p of gram's last word given its shortened history, backing off as the model will."""
        n = len(gram) - 1
        if n == 0:
            return probs[0][gram]
        if gram in probs[n]:
            return probs[n][gram]
        return bows[n - 1].get(gram[:-1], 1.0) * lower(gram[1:])

    bows = [{}, {}]
    for n in (1, 2):
        seen = defaultdict(list)
        for gram in probs[n]:
            seen[gram[:-1]].append(gram)
        for history, grams in seen.items():
            kept = sum(probs[n][g] for g in grams)
            lower_kept = sum(lower(g[1:]) for g in grams)
            bows[n - 1][history] = max(1e-12, 1.0 - kept) / max(1e-12, 1.0 - lower_kept)
    return probs, bows


def write_arpa(path, probs, bows):
    """Writes the model as ARPA text, the format PocketSphinx reads (log10 values)."""

    def log10(p):
        return -99.0 if p <= 0 else math.log10(p)

    with open(path, "w", encoding="utf-8") as f:
        f.write("\\data\\\n")
        for n in range(3):
            f.write(f"ngram {n + 1}={len(probs[n])}\n")
        for n in range(3):
            f.write(f"\n\\{n + 1}-grams:\n")
            for gram in sorted(probs[n]):
                line = f"{log10(probs[n][gram]):.4f}\t{' '.join(gram)}"
                if n < 2:
                    # bows[0] belongs to one-word histories (unigram lines), bows[1] to two-word ones.
                    bow = bows[n].get(gram)
                    line += f"\t{math.log10(bow):.4f}" if bow else "\t0.0000"
                f.write(line + "\n")
        f.write("\n\\end\\\n")
