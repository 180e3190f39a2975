"""`scripts/train-text`: SST phrases -> hashed n-grams (clean and with simulated recognition
errors) -> linear model -> models/text-sentiment.onnx and models/text-reference-scores.json."""

import argparse
import copy
import datetime
import hashlib
import json
import os
import sys
import tempfile
import time

import numpy as np

from . import export, noise, smoke, sst
from .featurize import Featurizer, Settings, tokens
from .model import Batches, HashedLinear, class_spread, fit, idf_weights, predict

MODEL_VERSION = "2026.12.3"
MODEL_FILE = "text-sentiment.onnx"
REFERENCE_FILE = "text-reference-scores.json"
NOISE_LEVELS = (0.0, 0.15, 0.3, 0.5)
# The simulated errors of dev and test come from seed + these (scripts/sst-to-csv writes the same).
DEV_SEED_OFFSET, TEST_SEED_OFFSET = 1, 2
# Our own sentences (not SST's) whose scores the C# classifier must reproduce from the ONNX file.
REFERENCE_TEXTS = [
    "", "The plot made no sense and the acting was wooden.", "What a wonderful, moving film!",
    "It's a movie about a bank robbery.", "I didn't like it at all", "not bad, not great",
    "the best thing I've seen this year", "Café naïve ½ — “quoted” words, ’90s style…",
    "an utterly boring two hours", "the director can't decide what story to tell",
    "funny and warm and never dull", "uh the the movie was um okay I guess",
]
DEFAULTS = {"seed": 20261204, "buckets": 1 << 18, "word_ngrams": 2, "char_min": 2, "char_max": 5,
            "epochs": 6, "batch": 128, "noisy_copies": 3, "noise_max": 0.5, "weighting": "tfidf",
            "iterations": 800}
WEIGHTINGS = ("tfidf", "plain")
# Tried in every combination; the model and its epoch are chosen by dev figures (see choose()).
# lbfgs solves the regularised problem to the end (strength: c); adagrad and adam take --epochs
# passes of mini-batches at --lr (with --l2). With TF-IDF, --spread k multiplies each bucket's idf by
# 1 + k * class_spread (supervised term weighting: words that take sides count more).
GRID = {"optimizer": "lbfgs", "c": "16", "lr": "0.1", "sentence_weight": "3", "class_weights": "1,1,1",
        "l2": "0", "spread": "0"}
# Offsets added to the neutral logit (the bias in the graph) with --neutral-offset: the one with the
# best dev choice() is kept for each epoch.
NEUTRAL_OFFSETS = np.round(np.arange(-0.5, 1.51, 0.1), 2)


def parse(argv):
    p = argparse.ArgumentParser(prog="scripts/train-text", description=__doc__)
    p.add_argument("--data", help="the SST folder (sst_{train,dev,test}.txt and trees/)")
    p.add_argument("--out", help="output folder for the model and its reference scores (e.g. models/)")
    p.add_argument("--smoke", action="store_true", help="train on a tiny generated corpus (needs no data)")
    p.add_argument("--test", action="store_true", help="also report the SST test figures (never used for a choice)")
    p.add_argument("--version", default=MODEL_VERSION, help=f"edgesentiment.version of the model (default {MODEL_VERSION})")
    p.add_argument("--neutral-offset", action="store_true",
                   help="choose an offset of the neutral logit on dev, for each epoch")
    for key, value in DEFAULTS.items():
        p.add_argument("--" + key.replace("_", "-"), type=type(value), default=value)
    for key, value in GRID.items():
        p.add_argument("--" + key.replace("_", "-"), default=value,
                       help=f"values to try, separated by ';' (default {value})")
    args = p.parse_args(argv)
    if args.weighting not in WEIGHTINGS:
        p.error(f"--weighting must be one of {', '.join(WEIGHTINGS)}")
    if not args.out or (not args.data and not args.smoke):
        p.error("give --out and one of --data FOLDER or --smoke")
    return args


def grid(args):
    combos = [{}]
    for key in GRID:
        combos = [{**c, key: value} for c in combos for value in getattr(args, key).split(";")]
    return combos


def scores(truth, decided):
    """Accuracy and macro-F1 (mean over the classes present), as `eval-text` computes them."""
    truth, decided = np.asarray(truth), np.asarray(decided)
    f1s = []
    for c in range(len(sst.LABELS)):
        tp = np.sum((truth == c) & (decided == c))
        support, chosen = np.sum(truth == c), np.sum(decided == c)
        if support == 0:
            continue
        p = tp / chosen if chosen else 0.0
        r = tp / support
        f1s.append(0.0 if p + r == 0 else 2 * p * r / (p + r))
    return {"accuracy": round(float(np.mean(truth == decided)), 4), "macroF1": round(float(np.mean(f1s)), 4)}


def noisy_features(featurizer, rows, seed, vocabulary):
    """{level: features} of [(tokens, class)] clean and at each simulated WER (the same copies every run)."""
    out = {}
    for level in NOISE_LEVELS:
        corrupter = noise.Corrupter(vocabulary, seed)
        out[level] = Batches([featurizer.features(corrupter.corrupt(toks, level)) for toks, _ in rows])
    return out


def evaluate(model, by_level, rows, levels=NOISE_LEVELS):
    truth = [c for _, c in rows]
    return {f"wer{int(level * 100)}": scores(truth, predict(model, by_level[level]).argmax(axis=1)) for level in levels}


def neutral_offset(model, by_level, rows):
    """The offset of the neutral logit with the best dev choice() (0 wins ties), and its figures."""
    truth = [c for _, c in rows]
    logs = {level: np.log(np.maximum(predict(model, by_level[level]), 1e-30)) for level in (0.0, 0.3)}
    best = None
    for offset in sorted(NEUTRAL_OFFSETS, key=abs):
        shift = np.array([0.0, offset, 0.0])
        figures = {f"wer{int(level * 100)}": scores(truth, (log + shift).argmax(axis=1)) for level, log in logs.items()}
        if best is None or choose(figures) > choose(best[1]):
            best = (float(offset) + 0.0, figures)
    return best


def choose(figures):
    """What a choice maximises: macro-F1 on dev, clean and at 30 % WER equally."""
    return (figures["wer0"]["macroF1"] + figures["wer30"]["macroF1"]) / 2


def training_set(args, featurizer, train, vocabulary, log):
    """Features of every training phrase, plus noisy copies of each sentence. Cached under the
    system temp folder by what determines them (never in the repository: they derive from SST)."""
    key = hashlib.sha256(json.dumps([args.data, args.smoke, args.seed, args.noisy_copies, args.noise_max,
                                     featurizer.settings.metadata()], sort_keys=True).encode()).hexdigest()[:16]
    cache = os.path.join(tempfile.gettempdir(), "edgesentiment-text-features", key + ".npz")
    if not args.smoke and os.path.exists(cache):
        log(f"features from {cache}")
        with np.load(cache) as saved:
            return Batches.from_arrays(saved["ids"], saved["values"], saved["lengths"]), saved["labels"], saved["sentence"]
    corrupter = noise.Corrupter(vocabulary, args.seed)
    examples, labels, is_sentence = [], [], []
    for toks, label, root in train:
        if not toks:
            continue
        examples.append(featurizer.features(toks))
        labels.append(label)
        is_sentence.append(root)
        if root:
            # Copies of each sentence as a recogniser might have heard it, at WERs up to noise_max.
            for n in range(args.noisy_copies):
                level = args.noise_max * (n + 1) / args.noisy_copies
                examples.append(featurizer.features(corrupter.corrupt(toks, level)))
                labels.append(label)
                is_sentence.append(True)
    batches = Batches(examples)
    labels, is_sentence = np.array(labels, dtype=np.int64), np.array(is_sentence)
    if not args.smoke:
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        np.savez(cache, ids=batches.ids, values=batches.values, lengths=batches.lengths,
                 labels=labels, sentence=is_sentence)
    return batches, labels, is_sentence


def main(argv):
    args = parse(argv)
    log = lambda message: print(message, file=sys.stderr, flush=True)  # noqa: E731
    started = time.time()
    settings = Settings(args.buckets, args.word_ngrams, args.char_min, args.char_max)
    featurizer = Featurizer(settings)
    if args.smoke:
        train, dev, test = smoke.corpus(args.seed)
    else:
        train = [(tokens(text), label, root) for text, label, root in sst.phrases(args.data, "train")]
        dev = [(tokens(text), label) for text, label in sst.sentences(args.data, "dev")]
        test = [(tokens(text), label) for text, label in sst.sentences(args.data, "test")]
    vocabulary = [toks for toks, _, root in train if root]
    log(f"train: {len(train)} phrases ({len(vocabulary)} sentences), dev {len(dev)}, test {len(test)}")

    batches, labels, is_sentence = training_set(args, featurizer, train, vocabulary, log)
    dev_features = noisy_features(featurizer, dev, args.seed + DEV_SEED_OFFSET, vocabulary)
    log(f"{len(labels)} training examples featurized in {time.time() - started:.0f} s")

    # TF-IDF: each bucket's idf over the training texts rides in the graph (export.write).
    idf = idf_weights(batches, settings.buckets) if args.weighting == "tfidf" else None
    spread = class_spread(batches, labels, settings.buckets) if idf is not None else None
    best, tried = None, []
    for combo in grid(args):
        hyper = {"seed": args.seed, "epochs": args.epochs, "batch": args.batch, "lr": float(combo["lr"]),
                 "class_weights": [float(w) for w in combo["class_weights"].split(",")],
                 "l2": float(combo["l2"]), "optimizer": combo["optimizer"], "c": float(combo["c"]),
                 "iterations": args.iterations}
        weights = [float(combo["sentence_weight"]) if s else 1.0 for s in is_sentence]
        k = float(combo["spread"])
        if k and idf is None:
            raise SystemExit("--spread needs --weighting tfidf")
        term_weights = idf * (1.0 + k * spread) if k else idf
        model = HashedLinear(settings.buckets, idf=term_weights)
        for epoch in fit(model, batches, labels, weights, hyper, log):
            offset, figures = neutral_offset(model, dev_features, dev) if args.neutral_offset \
                else (0.0, evaluate(model, dev_features, dev, (0.0, 0.3)))
            score = choose(figures)
            tried.append({**combo, "epoch": epoch, "neutral_offset": offset, "dev": figures})
            log(f"{combo} epoch {epoch} neutral offset {offset}: dev {json.dumps(figures)}")
            if best is None or score > best[0]:
                state = copy.deepcopy(model.state_dict())
                state["bias"][1] += offset
                best = (score, {**combo, "epoch": epoch, "neutral_offset": offset}, state, term_weights)
    chosen = best[1]
    model = HashedLinear(settings.buckets, idf=best[3])
    model.load_state_dict(best[2])
    log(f"chosen on dev: {chosen}")

    figures = {"dev": evaluate(model, dev_features, dev)}
    if args.test:
        figures["test"] = evaluate(model, noisy_features(featurizer, test, args.seed + TEST_SEED_OFFSET, vocabulary), test)
    for split, by_level in figures.items():
        for level, f in by_level.items():
            log(f"{split} {level}: accuracy {f['accuracy']:.4f} macro-F1 {f['macroF1']:.4f}")

    os.makedirs(args.out, exist_ok=True)
    options = {**{k: getattr(args, k) for k in DEFAULTS}, **chosen}
    path = os.path.join(args.out, MODEL_FILE)
    export.write(model, settings, path, args.version,
                 {"edgesentiment.trained_on": "smoke corpus" if args.smoke else
                  "SST train phrases (Socher et al. 2013), three classes",
                  "edgesentiment.training": json.dumps(options, sort_keys=True)})
    reference = []
    for text in REFERENCE_TEXTS:
        ids, values = featurizer.features(text)
        probabilities = predict(model, Batches([(ids, values)]))[0]
        reference.append({"text": text, "features": len(ids), "probabilities": [float(p) for p in probabilities]})
    with open(os.path.join(args.out, REFERENCE_FILE), "w", encoding="utf-8") as f:
        json.dump({"model": MODEL_FILE, "version": args.version, "tolerance": 1e-5, "texts": reference},
                  f, indent=1, ensure_ascii=False)
        f.write("\n")
    record = {"time": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "version": args.version, "options": options, "figures": figures, "tried": tried,
              "bytes": os.path.getsize(path), "seconds": round(time.time() - started)}
    with open(os.path.join(args.out, "text-training-log.jsonl"), "a", encoding="utf-8") as f:
        f.write(json.dumps(record, sort_keys=True) + "\n")
    log(f"wrote {path} ({os.path.getsize(path)} bytes) in {time.time() - started:.0f} s")
    print(json.dumps(record["figures"], sort_keys=True))
    return 0
