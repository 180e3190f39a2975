"""`scripts/train`: RAVDESS -> augmented WAVs -> C# log-mel -> training -> ONNX fp32 and int8."""

import argparse
import datetime
import json
import os
import shutil
import sys
import tempfile
import time

import numpy as np
import onnx
import torch

from . import augment, augment_features, config as configuration, corpus, dataset, ensemble, export, features, fit, \
    manifest, metrics, onnxrun, quantize, reference, smoke, wavfile
from .corpus import LABELS
from .model import parameter_count

MODEL_VERSION = "2026.12.1"

# The smoke run: two small members so it goes through the ensemble's folds, export and
# quantization in well under a minute.
SMOKE = {"members": 2, "copies": 1, "epochs": 1, "width": 16, "stem": 8, "batch": 8, "passes": 1}


def repo_root():
    folder = os.path.dirname(os.path.abspath(__file__))
    while not os.path.exists(os.path.join(folder, "EdgeSentiment.sln")):
        parent = os.path.dirname(folder)
        if parent == folder:
            raise SystemExit("error: EdgeSentiment.sln not found above scripts/training; run from the repository")
        folder = parent
    return folder


def parse(argv):
    """(the run's options, its TrainConfig)."""
    p = argparse.ArgumentParser(
        prog="scripts/train",
        description="Train the EdgeSentiment sentiment model end to end and write models/sentiment-fp32.onnx, "
                    "models/sentiment-int8.onnx and models/reference-scores.json.")
    p.add_argument("--data", help="the RAVDESS speech folder (Actor_01 .. Actor_24)")
    p.add_argument("--out", help="output folder for the models (e.g. models/)")
    p.add_argument("--smoke", action="store_true",
                   help="train 1 epoch on a tiny synthetic corpus (checks the pipeline; needs no data)")
    p.add_argument("--work", help="folder for augmented WAVs and feature files (default: .train/ in the repository)")
    p.add_argument("--cli", help="an edgesentiment executable or .dll to extract features with "
                                 "(default: build src/EdgeSentiment.Cli in Release)")
    p.add_argument("--test", action="store_true",
                   help="also report figures on the test actors 21-24 (never used for any choice)")
    p.add_argument("--evaluate", metavar="DIR",
                   help="do not train: report validation and test figures of DIR/sentiment-{fp32,int8}.onnx")
    p.add_argument("--log", help="append the run's settings and figures to this JSON-lines file "
                                 "(default: OUT/training-log.jsonl; none with --smoke)")
    p.add_argument("--note", default="", help="a word on what this run tries, kept in the log")
    p.add_argument("--jobs", type=int, default=2,
                   help="ensemble members trained at once, one thread each (default 2; the machine is shared)")
    p.add_argument("--version", default=MODEL_VERSION, help="edgesentiment.model_version of the models")
    p.add_argument("--manifest", action="append", default=[], metavar="CSV",
                   help="also learn from the clips of this manifest (path,label,speaker[,emotion,language,corpus]; "
                        "paths relative to it; Opus or WAV); repeatable. Its speakers join the folds")
    p.add_argument("--leave-out", metavar="CORPUS",
                   help="learn from every corpus but this one (e.g. nemo, or ravdess: actors 1-20) and report the "
                        "figures of all its clips: the leave-one-corpus-out estimate; writes no reference scores")
    p.add_argument("--smoke-manifest", action="store_true",
                   help="with --smoke: also a tiny generated manifest corpus of Opus clips (needs opus-tools)")
    configuration.add_arguments(p)
    args = p.parse_args(argv)
    config = configuration.from_arguments(args)
    if args.evaluate and args.data is None:
        p.error("--evaluate needs --data")
    if not args.smoke and not args.evaluate and (args.data is None or args.out is None):
        p.error("--data and --out are required (or --smoke with --out)")
    members = config.ensemble.members
    if config.ensemble.train_folds and not 0 < config.ensemble.train_folds < members:
        p.error(f"--train-folds must be between 1 and {members - 1} (the folds other than the held-out one)")
    if config.experiments.mixup > 0 and config.experiments.adversary > 0:
        p.error("--mixup and --adversary cannot be combined")
    if args.smoke and args.out is None:
        p.error("--out is required")
    if config.net.targets == "emotion" and (args.manifest or args.smoke_manifest):
        p.error("--targets emotion needs RAVDESS's eight emotions; it cannot be combined with --manifest")
    return args, config


def extractor(args, config, root):
    """(work folder, features.Extractor) for this run's extractor settings: the default settings
    use the work folder itself, others (--frame-length, --fft-size, experiments the device cannot
    load) a folder of their own, so their feature files never replace the default ones."""
    work = os.path.abspath(args.work or os.path.join(root, ".train"))
    data = config.data
    if data.frame_length or data.fft_size:
        work = os.path.join(work, f"extractor-frame{data.frame_length or 'default'}-fft{data.fft_size or 'default'}")
    command = features.cli_command(args.cli) if args.cli else features.build_cli(root)
    return work, features.Extractor(command, data.frame_length, data.fft_size)


def say(text):
    print(f"==> {text}", file=sys.stderr, flush=True)


def clip_probabilities_onnx(graph, clips, length, floor):
    windows, owner = [], []
    for i, frames in enumerate(clips):
        for w in fit.clip_windows(frames, length, floor):
            windows.append(w)
            owner.append(i)
    probs = np.concatenate([onnxrun.run(graph, np.stack(windows[s:s + 256])) for s in range(0, len(windows), 256)])
    owner = np.array(owner)
    return np.stack([probs[owner == i].mean(axis=0) for i in range(len(clips))])


def evaluate_only(args, config, root):
    """Figures of already exported models on the validation and test actors (clean and 10 dB) and,
    with --manifest, on every clip of each manifest's corpus and of all of them ("manifests")."""
    work, cli = extractor(args, config, root)
    train_clips, val_clips, test_clips = corpus.split(corpus.scan(args.data))
    babble_pool = [wavfile.read(c.path) for c in train_clips[:200]]
    sets = {
        "validation": dataset.evaluation_set(cli, val_clips, work, "validation"),
        "validation_10db": dataset.evaluation_set(cli, val_clips, work, "validation-10db", 10.0, babble_pool, seed=19),
        "test": dataset.evaluation_set(cli, test_clips, work, "test"),
        "test_10db": dataset.evaluation_set(cli, test_clips, work, "test-10db", 10.0, babble_pool, seed=21),
    }
    settings = sets["validation"][2]
    length = export.window_frames(settings)
    floor = float(np.log(float(settings["log_floor"])))
    others = manifest_clips(args.manifest, work)
    if others:
        # The clean features of the training material (made once, shared with the training runs).
        versions, labels, _, _, corpora, _ = dataset.augmented_training_set(
            cli, others, work, config.data.manifest_copies, config.fit.seed)
        for name in ["manifests"] + sorted(set(corpora), key=corpora.index):
            chosen = [i for i, c in enumerate(corpora) if name in ("manifests", c)]
            sets[name] = ([versions[i][0] for i in chosen], np.array([labels[i] for i in chosen]), None)
    for precision in ("fp32", "int8"):
        graph = onnx.load(os.path.join(args.evaluate, f"sentiment-{precision}.onnx"))
        for name, (frames, truth, _) in sets.items():
            figures = metrics.summary(truth, clip_probabilities_onnx(graph, frames, length, floor).argmax(axis=1))
            say(f"{name + '_' + precision:22s} UAR {figures['uar']:.3f} (over its classes {figures['uar_present']:.3f})  "
                f"macro-F1 {figures['macro_f1']:.3f}  accuracy {figures['accuracy']:.3f}  confusion {figures['confusion']}")
    return 0


def main(argv):
    args, config = parse(argv)
    # One thread per process when ensemble members train side by side in forked workers;
    # OMP_NUM_THREADS, when set, says how many threads this machine can spare.
    threads = int(os.environ.get("OMP_NUM_THREADS", "2"))
    torch.set_num_threads(1 if config.ensemble.members > 1 and args.jobs > 1 else threads)
    root = repo_root()
    if args.evaluate:
        return evaluate_only(args, config, root)
    temp = None
    if args.smoke:
        temp = tempfile.mkdtemp(prefix="edgesentiment-smoke-")
        args.data = smoke.make(os.path.join(temp, "data"))
        args.work = os.path.join(temp, "work")
        if args.smoke_manifest:
            args.manifest = args.manifest + [smoke.make_manifest(os.path.join(temp, "manifest"))]
        config = config.replace(**SMOKE)
    try:
        return train_and_export(args, config, root)
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)


def train_and_export(args, config, root):
    work, cli = extractor(args, config, root)
    out = os.path.abspath(args.out)
    os.makedirs(work, exist_ok=True)
    os.makedirs(out, exist_ok=True)
    started = time.time()
    seed = config.fit.seed
    clips = corpus.scan(args.data)
    train_clips, val_clips, test_clips = corpus.split(clips)
    if not train_clips or not val_clips:
        raise SystemExit("error: the data has no training (actors 01-18) or validation (19-20) clips")
    say(f"{len(train_clips)} training, {len(val_clips)} validation, {len(test_clips)} test clips")
    versions, labels, actors, emotions, corpora, feat_settings = dataset.augmented_training_set(
        cli, train_clips, work, config.data.copies, seed)
    ravdess_count = len(labels)
    length = export.window_frames(feat_settings)
    floor = float(np.log(float(feat_settings["log_floor"])))
    babble_pool = [wavfile.read(c.path) for c in train_clips[:200]]
    val = dataset.evaluation_set(cli, val_clips, work, "validation")
    val_noisy = dataset.evaluation_set(cli, val_clips, work, "validation-10db", 10.0, babble_pool, seed=19)
    val_telephone = dataset.evaluation_set(cli, val_clips, work, "validation-telephone", channel="telephone")
    # Noise of kinds the training never mixes in (babble of unheard voices, ventilation) at
    # 10 dB SNR, as the test actors' robustness figures use: babble of the other validation
    # actor here, of the other actors of the held-out fold for the training actors.
    val_unseen = dataset.unseen_noise_set(cli, val_clips, work, "validation-unseen-10db", 10.0,
                                          [list(corpus.VALIDATION_ACTORS)], seed=1920)
    validation_sets = {"validation": val[:2], "validation_10db": val_noisy[:2]}

    others = manifest_clips(args.manifest, work)
    if others:
        extra = dataset.augmented_training_set(cli, others, work, config.data.manifest_copies, seed)
        versions, labels, actors, emotions, corpora = (a + b for a, b in zip(
            (versions, labels, actors, emotions, corpora), extra[:5]))
        for name in sorted(set(corpora), key=corpora.index):
            say(f"{name}: {corpora.count(name)} training clips of {len(set(a for a, c in zip(actors, corpora) if c == name))} "
                "speakers")
    templates = dataset.noise_floor_templates(cli, work, seed) if config.fit.noise_floor > 0 else None
    data = dataset.TrainingData(versions, labels, emotions, actors, corpora, length, floor,
                                templates, augment_features.band_centres(feat_settings))
    if args.leave_out:
        return leave_one_out(args, config, data, val, feat_settings)
    say(f"Training ({config.fit.epochs} epochs at most, {length}-frame windows)")
    members, cross_validation, selection, selection_telephone, selection_noise = None, None, None, None, None
    selection_corpora = None
    if config.ensemble.members > 1:
        telephone = dataset.evaluation_set(cli, train_clips, work, "train-telephone", channel="telephone")
        folds = ensemble.speaker_folds(actors, config.ensemble.members) if config.ensemble.member_folds \
            else [sorted(set(actors), key=fit.speaker_key)]
        # Babble of the other RAVDESS actors of the clip's own held-out fold.
        ravdess_folds = [[a for a in fold if isinstance(a, int)] for fold in folds]
        unseen = dataset.unseen_noise_set(cli, train_clips, work, "train-unseen-10db", 10.0, ravdess_folds, seed=118)
        # The telephone and unseen-noise figures stay RAVDESS's (actors 1-20), comparable with the
        # runs before; the manifests' clips stand in as they are (those columns are not reported).
        clean_others = [v[0] for v in versions[ravdess_count:]]
        model, members, cross_validation, oof = ensemble.train(
            config, data, val[:2], args.jobs, conditions=(telephone[0] + clean_others, unseen[0] + clean_others))
        best_epoch = [m["best_epoch"] for m in members]
        history = [m["history"] for m in members]
        for m in members:
            if "held_out" in m:
                say(f"held out {m['held_out_actors']}: best epoch {m['best_epoch']}, "
                    f"UAR {m['held_out']['uar']:.3f}")
        if cross_validation:
            say(f"Cross-validation over the training actors (held-out folds): UAR {cross_validation['uar']:.3f}  "
                f"macro-F1 {cross_validation['macro_f1']:.3f}")
            # The figure runs are compared by: every clip of actors 1-20 scored by networks that
            # never learned from its voice (held-out folds for 1-18, the ensemble for 19-20).
            val_probs = fit.predict_clips(model, val[0], length, floor)
            r = ravdess_count
            selection = metrics.summary(np.concatenate([labels[:r], val[1]]),
                                        np.concatenate([oof[:r, :3], val_probs]).argmax(axis=1))
            say(f"Selection figure (actors 1-20, {r + len(val[1])} unheard clips): "
                f"UAR {selection['uar']:.3f}  macro-F1 {selection['macro_f1']:.3f}")
            if others:
                selection_corpora = corpus_figures(labels, corpora, oof[:, :3], val[1], val_probs)
                for name, figures in selection_corpora.items():
                    say(f"Selection figure, {name} ({figures['clips']} unheard clips): UAR {figures['uar']:.3f} "
                        f"(over its classes {figures['uar_present']:.3f})  macro-F1 {figures['macro_f1']:.3f}  confusion {figures['confusion']}")
            # The same figure with every clip through a telephone-band channel.
            val_telephone_probs = fit.predict_clips(model, val_telephone[0], length, floor)
            selection_telephone = metrics.summary(np.concatenate([labels[:r], val_telephone[1]]),
                                                  np.concatenate([oof[:r, 3:6], val_telephone_probs]).argmax(axis=1))
            say(f"Selection figure through a telephone band: UAR {selection_telephone['uar']:.3f}  "
                f"macro-F1 {selection_telephone['macro_f1']:.3f}")
            # And in unseen noise at 10 dB SNR.
            val_unseen_probs = fit.predict_clips(model, val_unseen[0], length, floor)
            selection_noise = metrics.summary(np.concatenate([labels[:r], val_unseen[1]]),
                                              np.concatenate([oof[:r, 6:9], val_unseen_probs]).argmax(axis=1))
            say(f"Selection figure in unseen noise at 10 dB SNR: UAR {selection_noise['uar']:.3f}  "
                f"macro-F1 {selection_noise['macro_f1']:.3f}")
            kept = os.path.join(work, "predictions", time.strftime("%Y%m%dT%H%M%S") + ".npz")
            os.makedirs(os.path.dirname(kept), exist_ok=True)
            # Speaker ids and emotions as text when a manifest's (text) join RAVDESS's numbers.
            as_kept = (lambda values: np.asarray([str(v) for v in values])) if others else np.asarray
            np.savez(kept, held_out=oof, labels=np.asarray(labels), emotions=as_kept(emotions),
                     actors=as_kept(actors), corpora=np.asarray(corpora), validation=val_probs, validation_labels=val[1],
                     validation_telephone=val_telephone_probs, validation_unseen_10db=val_unseen_probs)
            say(f"Held-out and validation probabilities kept in {kept}")
    else:
        model, best_epoch, history = fit.train(config, data, validation_sets,
                                               log=lambda line: print(line, file=sys.stderr, flush=True))
        say(f"Best validation UAR at epoch {best_epoch}")

    fp32_path = os.path.join(out, "sentiment-fp32.onnx")
    int8_path = os.path.join(out, "sentiment-int8.onnx")
    fp32, int8, props = export_models(model, config, data, feat_settings, args.version, fp32_path, int8_path)

    # Figures of the chosen epoch, from the ONNX files themselves.
    results = {}
    checks = {"validation": val[:2], "validation_10db": val_noisy[:2], "validation_telephone": val_telephone[:2],
              "validation_unseen_10db": val_unseen[:2]}
    if args.test and test_clips:
        test = dataset.evaluation_set(cli, test_clips, work, "test")
        test_noisy = dataset.evaluation_set(cli, test_clips, work, "test-10db", 10.0, babble_pool, seed=21)
        checks.update({"test": test[:2], "test_10db": test_noisy[:2]})
    for name, (frames, truth) in checks.items():
        for precision, graph in (("fp32", fp32), ("int8", int8)):
            probs = clip_probabilities_onnx(graph, frames, length, floor)
            results[f"{name}_{precision}"] = metrics.summary(truth, probs.argmax(axis=1))
    torch_check = metrics.summary(val[1], fit.predict_clips(model, val[0], length, floor).argmax(axis=1))
    for name, figures in results.items():
        say(f"{name:22s} UAR {figures['uar']:.3f}  macro-F1 {figures['macro_f1']:.3f}  "
            f"accuracy {figures['accuracy']:.3f}  confusion {figures['confusion']}")

    if not args.smoke:
        say("Writing reference scores of the sample recordings")
        reference.write(model, cli, root, work, os.path.join(out, "reference-scores.json"), LABELS, feat_settings,
                        int8)

    record = {
        "time": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "note": args.note, "smoke": args.smoke, "settings": config.flat(),
        "features": feat_settings, "parameters": parameter_count(model), "best_epoch": best_epoch,
        "epochs_run": [len(h) for h in history] if members else len(history),
        "minutes": round((time.time() - started) / 60, 1),
        "validation_torch_uar": torch_check["uar"],
        "figures": results, "history": history,
        **({"cross_validation": cross_validation, "selection": selection, "selection_telephone": selection_telephone,
            "selection_noise_10db": selection_noise, "selection_corpora": selection_corpora,
            "manifests": args.manifest,
            "members": [{k: v for k, v in m.items() if k != "history"} for m in members]} if members else {}),
        "sizes": {"fp32": os.path.getsize(fp32_path), "int8": os.path.getsize(int8_path)},
    }
    log = args.log or (None if args.smoke else os.path.join(out, "training-log.jsonl"))
    if log:
        with open(log, "a") as handle:
            handle.write(json.dumps(record) + "\n")
    say(f"Wrote {fp32_path} ({record['sizes']['fp32']} bytes) and {int8_path} ({record['sizes']['int8']} bytes); "
        f"{record['parameters']} parameters; {record['minutes']} min")
    return 0


def leave_one_out(args, config, data, val, feat_settings):
    """Learns from every corpus but args.leave_out (an ensemble over the others' folds, or with
    --members 1 one network keeping its last epoch) and prints the figures of all the left-out
    corpus' clips (RAVDESS: actors 1-20); appends them to OUT/leave-one-corpus-out.jsonl."""
    name, started = args.leave_out, time.time()
    keep = [i for i, c in enumerate(data.corpora) if c != name]
    held = [i for i, c in enumerate(data.corpora) if c == name]
    if not held:
        raise SystemExit(f"error: --leave-out {name}: no clips of that corpus; the corpora are "
                         f"{', '.join(sorted(set(data.corpora)))}")
    frames, truth = [data.versions[i][0] for i in held], np.array([data.labels[i] for i in held])
    if name == "ravdess":
        frames, truth = frames + list(val[0]), np.concatenate([truth, val[1]])
    say(f"Leaving out {name}: learning from {len(keep)} clips of {len(set(data.corpora[i] for i in keep))} corpora, "
        f"scoring {len(truth)} clips of {name}")
    if config.ensemble.members > 1:
        model = ensemble.train(config, data.subset(keep), val[:2], args.jobs)[0]
    else:
        model = fit.train(config, data.subset(keep), {"validation": val[:2]}, keep_last=True,
                          log=lambda line: print(line, file=sys.stderr, flush=True))[0]
    say(f"Scoring the {len(truth)} clips of {name}")
    figures = metrics.summary(truth, fit.predict_clips(model, frames, data.length, data.floor).argmax(axis=1))
    say(f"Left out {name}: UAR {figures['uar']:.3f} (over its classes {figures['uar_present']:.3f})  "
        f"macro-F1 {figures['macro_f1']:.3f}  confusion {figures['confusion']}")
    record = {"time": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
              "left_out": name, "clips": int(len(truth)), "note": args.note, "settings": config.flat(),
              "manifests": args.manifest, "figures": figures, "minutes": round((time.time() - started) / 60, 1)}
    os.makedirs(os.path.abspath(args.out), exist_ok=True)
    with open(args.log or os.path.join(os.path.abspath(args.out), "leave-one-corpus-out.jsonl"), "a") as handle:
        handle.write(json.dumps(record) + "\n")
    return 0


def manifest_clips(paths, work):
    """The clips of every manifest, decoded to WAV once and padded to one window."""
    clips = []
    for path in paths:
        clips += manifest.read(path)
    if not clips:
        return []
    window_samples = int(round(2.0 * augment.SAMPLE_RATE))
    return manifest.decode(clips, work, window_samples)


def corpus_figures(labels, corpora, probs, validation_labels, validation_probs):
    """The selection figure of each corpus, of the manifests' corpora together and of all of them:
    every training clip scored by its held-out member; RAVDESS also counts actors 19-20, scored by
    the ensemble."""
    labels, corpora = np.asarray(labels), np.asarray(corpora)
    figures = {}
    for name in ["all", "manifests"] + sorted(set(corpora), key=list(corpora).index):
        mask = np.ones(len(labels), bool) if name == "all" else corpora != "ravdess" if name == "manifests" \
            else corpora == name
        truth, scores = labels[mask], probs[mask]
        if name in ("all", "ravdess"):
            truth, scores = np.concatenate([truth, validation_labels]), np.concatenate([scores, validation_probs])
        figures[name] = {**metrics.summary(truth, scores.argmax(axis=1)), "clips": int(len(truth))}
    return figures


def export_models(model, config, data, feat_settings, version, fp32_path, int8_path):
    """Writes the fp32 graph and its int8 twin (activation ranges calibrated on training windows);
    returns (fp32 graph, int8 graph, metadata)."""
    net = config.net
    fused = quantize.fuse(model)
    normalization = "in-graph:" + ("floor-removal-channel," if net.floor_channel else
                                   "floor-removal," if net.floor_removal else "") + \
        ("band-mean" if net.norm == "band" else "window-mean") + (",window-std" if net.scale else "")
    props = export.metadata(feat_settings, LABELS, version, "fp32", normalization)
    fp32 = export.export_fp32(fused, fp32_path, data.length, int(feat_settings["mel_bands"]), props)

    say("Calibrating activation ranges on training windows and quantizing to int8 (QDQ)")
    rng = np.random.default_rng(config.fit.seed + 1)
    versions = data.versions
    calibration = []
    for _ in range(8):
        idx = rng.integers(0, len(versions), 64)
        calibration.append(torch.from_numpy(np.stack(
            [augment_features.crop(versions[i][rng.integers(len(versions[i]))], data.length, rng, data.floor)
             for i in idx])))
    conv_ranges, relu_max = quantize.collect_ranges(fused, calibration)
    int8 = quantize.quantize(fp32, conv_ranges, relu_max, {**props, "edgesentiment.precision": "int8"})
    onnx.save(int8, int8_path)
    return fp32, int8, props
