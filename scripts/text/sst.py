"""Reads the Stanford Sentiment Treebank copy: sentences and the labelled phrases of its trees.

SST's five labels fold into three: very negative and negative -> negative, neutral -> neutral,
positive and very positive -> positive (the dataset README's three-class view).
"""

import os

LABELS = ("negative", "neutral", "positive")
# Sentence files use 1..5, tree files 0..4.
_SENTENCE_CLASS = {"1": 0, "2": 0, "3": 1, "4": 2, "5": 2}
_TREE_CLASS = {"0": 0, "1": 0, "2": 1, "3": 2, "4": 2}


def sentences(folder, split):
    """[(text, class)] of sst_{split}.txt."""
    path = os.path.join(folder, f"sst_{split}.txt")
    out = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            label, sep, text = line.partition("\t")
            if not sep or not label.startswith("__label__") or label[9:] not in _SENTENCE_CLASS:
                raise SystemExit(f"error: {path}:{number}: expected '__label__K<TAB>sentence' with K in 1..5")
            out.append((text, _SENTENCE_CLASS[label[9:]]))
    return out


def _parse_tree(line, path, number):
    """Yields (leaf words, class, is_root) for every node of one bracketed tree."""
    stack = []  # [label, words]
    pos, n = 0, len(line)
    while pos < n:
        c = line[pos]
        if c == "(":
            end = line.index(" ", pos)
            stack.append([line[pos + 1:end], []])
            pos = end + 1
        elif c == ")":
            label, words = stack.pop()
            if label not in _TREE_CLASS:
                raise SystemExit(f"error: {path}:{number}: unknown phrase label '{label}'")
            yield words, _TREE_CLASS[label], not stack
            if stack:
                stack[-1][1].extend(words)
            pos += 1
        elif c == " ":
            pos += 1
        else:
            end = pos
            while end < n and line[end] not in "()":
                end += 1
            stack[-1][1].append(line[pos:end].strip())
            pos = end
    if stack:
        raise SystemExit(f"error: {path}:{number}: unbalanced brackets")


def phrases(folder, split):
    """[(text, class, is_sentence)] of trees/{split}.txt: every distinct labelled phrase once."""
    path = os.path.join(folder, "trees", f"{split}.txt")
    seen = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            for words, label, root in _parse_tree(line, path, number):
                text = " ".join(words)
                if text not in seen or root:
                    seen[text] = (label, root or seen.get(text, (0, False))[1])
    return [(text, label, root) for text, (label, root) in seen.items()]
