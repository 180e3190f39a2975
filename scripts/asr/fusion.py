"""Chooses the fusion weight and gate on validation material from `analyze --words --json` output.

Material: RAVDESS validation actors 19-20 (labels from the file names; their words carry no
sentiment, so fusion must not do worse than the voice there: a set whose JSON path contains "ravdess"
is held to that) and, when given, espeak-ng readings
of SST dev sentences (labels from SST). For every voice weight and gate in a small grid it prints
macro-F1 of voice-only, words-only and fused verdicts per set and how often the gate opened, and
picks the setting with the best mean macro-F1 whose RAVDESS macro-F1 is not below voice-only.
It re-implements the C# LateFusion rule (src/EdgeSentiment.Core/Fusion/LateFusion.cs) on the
scores the CLI printed, so the search needs no rebuild per setting.
"""

import argparse
import itertools
import json

LABELS = ("negative", "neutral", "positive")


def macro_f1(pairs):
    scores = []
    for label in LABELS:
        tp = sum(1 for t, p in pairs if t == label and p == label)
        fp = sum(1 for t, p in pairs if t != label and p == label)
        fn = sum(1 for t, p in pairs if t == label and p != label)
        scores.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return sum(scores) / len(scores)


def top(scores):
    return max(LABELS, key=lambda k: scores[k])


def changes(voice, fused):
    """(verdicts the words changed, how many of those were right after, how many were right before)
    from [(truth, voice verdict)] and [(truth, fused verdict)]: fused and voice-only macro-F1 can
    sit a hair apart on a handful of changed verdicts."""
    moved = [(t, v, f) for (t, v), (_, f) in zip(voice, fused) if v != f]
    return len(moved), sum(1 for t, _, f in moved if f == t), sum(1 for t, v, _ in moved if v == t)


def fuse(u, voice_weight, min_words, min_text, min_conf):
    text = u.get("text")
    gate = (text is not None and u["words"] >= min_words and text[top(text)] >= min_text
            and u["transcriptConfidence"] >= min_conf)
    if not gate:
        return top(u["voice"]), False
    fused = {k: voice_weight * u["voice"][k] + (1 - voice_weight) * text[k] for k in LABELS}
    return top(fused), True


def load(path, labels):
    """(true label, utterance) for each file of an analyze --json document with a known label."""
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    items = []
    for file in doc["files"]:
        truth = labels.get(file["file"])
        if truth is None:
            continue
        for u in file.get("utterances", []):
            items.append((truth, u))
    return items


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--set", action="append", nargs=2, metavar=("ANALYZE_JSON", "LABELS_JSON"), required=True,
                        help="analyze --words --json output and a {file: label} map; repeat per set")
    args = parser.parse_args()
    sets = []
    for analysis, labels in args.set:
        with open(labels, encoding="utf-8") as f:
            sets.append((analysis, load(analysis, json.load(f))))

    best = None
    grid = itertools.product((0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9), (1, 2, 3, 4, 6, 8, 10, 12),
                             (0.4, 0.5, 0.6, 0.7, 0.8, 0.9), (0.0, 0.1, 0.2, 0.3))
    for weight, min_words, min_text, min_conf in grid:
        row = []
        for name, items in sets:
            voice = macro_f1([(t, top(u["voice"])) for t, u in items])
            # Words alone: the text verdict, neutral where nothing was heard.
            words = macro_f1([(t, top(u["text"]) if u.get("text") else "neutral") for t, u in items])
            fused = [fuse(u, weight, min_words, min_text, min_conf) for _, u in items]
            both = macro_f1([(t, p) for (t, _), (p, _) in zip(items, fused)])
            opened = sum(1 for _, g in fused if g) / max(1, len(items))
            moved = changes([(t, top(u["voice"])) for t, u in items], [(t, p) for (t, _), (p, _) in zip(items, fused)])
            row.append((name, voice, words, both, opened, moved))
        if any("ravdess" in n and b < v for n, v, _, b, _, _ in row):
            continue
        mean = sum(b for _, _, _, b, _, _ in row) / len(row)
        if best is None or mean > best[0]:
            best = (mean, (weight, min_words, min_text, min_conf), row)
    if best is None:
        print("no setting keeps RAVDESS at or above voice-only")
        return
    _, setting, row = best
    print(f"chosen: voice weight {setting[0]}, min words {setting[1]}, min text confidence {setting[2]}, "
          f"min transcript confidence {setting[3]}")
    for name, voice, words, both, opened, (moved, right, before) in row:
        print(f"  {name}: macro-F1 voice-only {voice:.3f}, words-only {words:.3f}, fused {both:.3f}; gate open {opened:.1%}; "
              f"the words changed {moved} verdicts: {right} right after, {before} right before")


if __name__ == "__main__":
    main()
