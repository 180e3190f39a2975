"""The fusion's figures: the weight and gate chosen on validation material, then voice-only, words-only
and fused verdicts on the test material, and the text model on recognised test sentences.

Validation (every choice): all clips of the RAVDESS validation actors 19-20 and espeak-ng readings of
every k-th SST dev sentence, each through `edgesentiment analyze --words --json`, then
`python3 -m scripts.asr.fusion` on them. Test (scored once, with the settings in the code): all clips
of the RAVDESS test actors 21-24 and readings of every k-th SST test sentence; per utterance the
voice's verdict, the words' verdict (neutral where nothing was heard) and the CLI's fused verdict;
then `edgesentiment eval-text` on the recognised SST test sentences (the utterances' transcripts of
a reading joined) and on the same sentences as clean text.

The recordings and analyses go into --work (outside the repository: SST sentences may not ship);
an analysis already there is reused, so a part can be re-run without transcribing again.
"""

import argparse
import csv
import json
import os
import re
import subprocess
import sys

from . import fusion, sst_text
from .wer import wer

RAVDESS_NAME = re.compile(r"^03-01-(\d\d)-\d\d-\d\d-\d\d-(\d\d)\.wav$")
RAVDESS_CLASS = {"01": "neutral", "02": "neutral", "03": "positive", "08": "positive",
                 "04": "negative", "05": "negative", "06": "negative", "07": "negative"}
SST_CLASS = {1: "negative", 2: "negative", 3: "neutral", 4: "positive", 5: "positive"}


def ravdess(folder, actors):
    """{wav: label} for every clip of the given actors."""
    labels = {}
    for actor in actors:
        directory = os.path.join(folder, f"Actor_{actor:02d}")
        for name in sorted(os.listdir(directory)):
            match = RAVDESS_NAME.match(name)
            if match:
                labels[os.path.join(directory, name)] = RAVDESS_CLASS[match.group(1)]
    return labels


def sst_readings(sst_dir, split, every, out_dir):
    """Every k-th sentence of an SST split read by espeak-ng: {wav: label}, {wav: spoken words}."""
    os.makedirs(out_dir, exist_ok=True)
    rows = list(sst_text.read_sentences(os.path.join(sst_dir, f"sst_{split}.txt")))[::every]
    labels, words = {}, {}
    for i, (label, sentence) in enumerate(rows):
        text = " ".join(sst_text.spoken_words(sentence))
        wav = os.path.join(out_dir, f"sst-{split}-{i:04d}.wav")
        if not os.path.exists(wav):
            subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", wav, text], check=True)
        labels[wav] = SST_CLASS[label]
        words[wav] = text
    return labels, words


def analyze(cli, work, name, labels):
    """Runs `analyze --words --json` on the set once; returns the path of its output and of its label map."""
    out = os.path.join(work, f"{name}.json")
    label_file = os.path.join(work, f"{name}.labels.json")
    with open(label_file, "w", encoding="utf-8") as f:
        json.dump(labels, f)
    if not os.path.exists(out):
        print(f"analyzing {name} ({len(labels)} files)", file=sys.stderr, flush=True)
        result = subprocess.run([cli, "analyze", *labels, "--words", "--json"], check=True,
                                capture_output=True, text=True)
        with open(out + ".tmp", "w", encoding="utf-8") as f:
            f.write(result.stdout)
        os.replace(out + ".tmp", out)
    return out, label_file


def accuracy(pairs):
    return sum(1 for t, p in pairs if t == p) / max(1, len(pairs))


def verdict_table(name, path, labels):
    """Voice-only, words-only and the CLI's fused verdict on one set, per utterance."""
    items = fusion.load(path, labels)
    voice = [(t, fusion.top(u["voice"])) for t, u in items]
    words = [(t, fusion.top(u["text"]) if u.get("text") else "neutral") for t, u in items]
    fused = [(t, u["fused"]["label"]) for t, u in items]
    opened = sum(1 for _, u in items if u["fused"]["wordsUsed"]) / max(1, len(items))
    changed, fixed, broke = fusion.changes(voice, fused)
    with open(path, encoding="utf-8") as f:
        files = len(json.load(f)["files"])
    print(f"| {name} ({files} files, {len(items)} utterances) | "
          + " | ".join(f"{fusion.macro_f1(p):.3f} / {accuracy(p):.3f}" for p in (voice, words, fused))
          + f" | {opened:.1%} | {changed}: {fixed} / {broke} |")


def eval_text(cli, csv_path):
    out = subprocess.run([cli, "eval-text", "--manifest", csv_path, "--json"], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def write_csv(path, rows):
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["text", "label"])
        writer.writerows(rows)


def validation(args, cli):
    sets = {
        "ravdess-19-20": ravdess(args.ravdess, (19, 20)),
        "sst-dev-espeak": sst_readings(args.sst, "dev", args.dev_every, os.path.join(args.work, "sst-dev"))[0],
    }
    outputs = [analyze(cli, args.work, name, labels) for name, labels in sets.items()]
    print("validation: python3 -m scripts.asr.fusion " + " ".join(f"--set {a} {b}" for a, b in outputs), flush=True)
    subprocess.run([sys.executable, "-m", "scripts.asr.fusion",
                    *[arg for a, b in outputs for arg in ("--set", a, b)]], check=True)


def test(args, cli):
    ravdess_test = ravdess(args.ravdess, (21, 22, 23, 24))
    sst_test, spoken = sst_readings(args.sst, "test", args.test_every, os.path.join(args.work, "sst-test"))
    print("\ntest, per utterance: macro-F1 / accuracy; fused and gate as the code's FusionSettings.Default decide")
    print("| set | voice only | words only | fused | gate open | verdicts the words changed: to the right class / away from it |")
    print("|---|---|---|---|---|---|")
    for name, labels in (("ravdess-21-24", ravdess_test), ("sst-test-espeak", sst_test)):
        path, _ = analyze(cli, args.work, name, labels)
        verdict_table(name, path, labels)

    with open(os.path.join(args.work, "sst-test-espeak.json"), encoding="utf-8") as f:
        doc = json.load(f)
    heard = {d["file"]: " ".join(u["transcript"] for u in d.get("utterances", []) if u["transcript"]) for d in doc["files"]}
    recognised = os.path.join(args.work, "sst-test-recognised.csv")
    clean = os.path.join(args.work, "sst-test-clean.csv")
    write_csv(recognised, [(heard.get(wav, ""), label) for wav, label in sst_test.items()])
    write_csv(clean, [(spoken[wav], label) for wav, label in sst_test.items()])
    references = [(spoken[wav], heard.get(wav, "")) for wav in sst_test]
    print(f"\ntext model on the same {len(sst_test)} SST test sentences (edgesentiment eval-text --manifest CSV --json)")
    print("| text | accuracy | macro-F1 | F1 negative / neutral / positive |")
    print("|---|---|---|---|")
    for name, path in (("clean (the spoken words)", clean),
                       (f"espeak-ng + recognition (WER {wer(references):.3f})", recognised)):
        r = eval_text(cli, path)
        f1 = " / ".join(f"{r['perClass'][k]['f1']:.3f}" for k in fusion.LABELS)
        print(f"| {name} | {r['accuracy']:.3f} | {r['macroF1']:.3f} | {f1} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cli", required=True, help="the edgesentiment executable")
    parser.add_argument("--work", required=True, help="a folder outside the repository for readings and analyses")
    parser.add_argument("--part", choices=("validation", "test", "all"), default="all")
    parser.add_argument("--sst", default="/work/shared/datasets/sst5-movie-sentences")
    parser.add_argument("--ravdess", default="/work/shared/datasets/ravdess-speech-16k")
    parser.add_argument("--dev-every", type=int, default=8, help="read every k-th SST dev sentence")
    parser.add_argument("--test-every", type=int, default=10, help="read every k-th SST test sentence")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    if args.part in ("validation", "all"):
        validation(args, args.cli)
    if args.part in ("test", "all"):
        test(args, args.cli)


if __name__ == "__main__":
    main()
