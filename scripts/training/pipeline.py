"""`scripts/train`: RAVDESS -> augmented WAVs -> C# log-mel -> training -> ONNX fp32 and int8."""

import argparse
import datetime
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import time

import numpy as np
import onnx
import torch

from . import corpus, dataset, export, features, fit, metrics, onnxrun, quantize, reference, smoke
from .corpus import LABELS
from .model import Ensemble, parameter_count

MODEL_VERSION = "2026.11.3"

DEFAULTS = {
    "seed": 20261125, "members": 4, "member_folds": True, "member_last": True, "fold_stop": False,
    "copies": 4, "epochs": 25, "patience": 15, "batch": 32, "passes": 3,
    "lr": 3e-3, "weight_decay": 1e-3, "label_smoothing": 0.05, "mixup": 0.0, "ema": 0.0,
    "targets": "sentiment", "emotion_loss": 0.5,
    "width": 76, "stem": 24, "band_groups": 1, "blocks": "22,22,11,12", "dropout": 0.2, "scale": True,
    "norm": "global", "pool": "stats", "channel_eq": True, "noise_floor": 0.5, "band_limit": 0.3,
    "mix_noise": 0.0, "mix_snr": "0,20", "adversary": 0.0,
    "floor_removal": False, "floor_over": 1.5, "floor_limit_db": 10.0, "floor_channel": False, "warp": 0.0, "rfn": 0.0,
    "frame_length": 0, "fft_size": 0, "train_folds": 0,
    "spec_augment": True, "freq_masks": 2, "freq_width": 8, "time_masks": 2, "time_width": 20,
}


def repo_root():
    folder = os.path.dirname(os.path.abspath(__file__))
    while not os.path.exists(os.path.join(folder, "EdgeSentiment.sln")):
        parent = os.path.dirname(folder)
        if parent == folder:
            raise SystemExit("error: EdgeSentiment.sln not found above scripts/training; run from the repository")
        folder = parent
    return folder


def parse(argv):
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
    for key, value in DEFAULTS.items():
        flag = "--" + key.replace("_", "-")
        if isinstance(value, bool):
            p.add_argument(flag, type=lambda s: s.lower() in ("1", "true", "yes"), default=value,
                           metavar="true|false")
        else:
            p.add_argument(flag, type=type(value), default=value)
    args = p.parse_args(argv)
    if args.evaluate and args.data is None:
        p.error("--evaluate needs --data")
    if not args.smoke and not args.evaluate and (args.data is None or args.out is None):
        p.error("--data and --out are required (or --smoke with --out)")
    if args.train_folds and not 0 < args.train_folds < args.members:
        p.error(f"--train-folds must be between 1 and {args.members - 1} (the folds other than the held-out one)")
    if args.mixup > 0 and args.adversary > 0:
        p.error("--mixup and --adversary cannot be combined")
    if args.smoke and args.out is None:
        p.error("--out is required")
    return args


def extractor_work(work, args):
    """The work folder for this run's extractor settings: the default settings use `work` itself,
    others (--frame-length, --fft-size, experiments the device cannot load) a folder of their own,
    so their feature files never replace the default ones."""
    features.use_extractor(args.frame_length, args.fft_size)
    if not args.frame_length and not args.fft_size:
        return work
    return os.path.join(work, f"extractor-frame{args.frame_length or 'default'}-fft{args.fft_size or 'default'}")


def say(text):
    print(f"==> {text}", file=sys.stderr, flush=True)


def actor_folds(actors, count):
    """Splits the training actors into `count` folds in snake order (0,1,..,n-1,n-1,..,0,0,1,..),
    so odd (male) and even (female) actors spread evenly over the folds."""
    folds = [[] for _ in range(count)]
    for i, actor in enumerate(sorted(set(actors))):
        turn, place = divmod(i, count)
        folds[place if turn % 2 == 0 else count - 1 - place].append(actor)
    return folds


# What the ensemble members share; set before the worker processes fork so they inherit it
# instead of receiving a copy of the features through a pipe.
_MEMBER_JOB = {}


def _train_member(m):
    job = _MEMBER_JOB
    torch.set_num_threads(1)
    settings, held_out = dict(job["settings"]), set(job["folds"][m])
    settings["seed"] = job["settings"]["seed"] + m
    versions, labels, actors, emotions = job["versions"], job["labels"], job["actors"], job["emotions"]
    folds = settings["member_folds"]
    learned = None
    if folds and settings["train_folds"]:
        # Fewer voices per member (a learning curve): the train_folds folds that follow fold m.
        count = len(job["folds"])
        learned = {a for k in range(1, settings["train_folds"] + 1) for a in job["folds"][(m + k) % count]}
    train_idx = [i for i, a in enumerate(actors)
                 if not folds or (a not in held_out and (learned is None or a in learned))]
    out_idx = [i for i, a in enumerate(actors) if a in held_out]
    sets = {"held_out": ([versions[i][0] for i in out_idx], np.array([labels[i] for i in out_idx])),
            "validation": job["validation"]}
    if not folds:
        # Every member sees every training actor; nothing is held out. It keeps its last epoch,
        # or (member_last false) its best epoch on the validation actors, as a single network does.
        sets.pop("held_out")
    tag = f"member {m + 1} (held out actors {','.join(str(a) for a in sorted(held_out)) if folds else 'none'})"
    model, best_epoch, history = fit.train(
        settings, [versions[i] for i in train_idx], [labels[i] for i in train_idx], sets, job["length"],
        job["floor"], log=lambda line: print(f"{tag}: {line}", file=sys.stderr, flush=True),
        noise_templates=job["templates"], train_emotions=[emotions[i] for i in train_idx], centres=job["centres"],
        train_actors=[actors[i] for i in train_idx],
        keep_last=settings["member_last"] if not folds else not settings["fold_stop"])
    if not folds:
        return model, best_epoch, history, [], np.zeros((0, 3))
    held_out_probs = fit.predict_clips(model, sets["held_out"][0], job["length"], job["floor"])
    for condition in job["conditions"]:
        # The same held-out clips through a telephone-band channel or in noise: what the
        # selection figure does not see when it is measured on clean clips only.
        degraded = fit.predict_clips(model, [condition[i] for i in out_idx], job["length"], job["floor"])
        held_out_probs = np.concatenate([held_out_probs, degraded], axis=1)
    return model, best_epoch, history, out_idx, held_out_probs


def train_ensemble(settings, versions, labels, actors, emotions, validation, length, floor, templates, jobs,
                   conditions=(), centres=None):
    """Trains settings["members"] networks with seeds seed, seed+1, ... With member_folds, member m
    learns from every training actor but those of fold m and keeps its best epoch on that fold
    (fold_stop) or its last epoch, when the fold only watches and its figure is a fair estimate;
    without, every member learns from all training actors and keeps its last epoch (or, with
    member_last false, its best epoch on the validation actors; otherwise they only watch).
    conditions lists degraded versions of every training clip (frames, in the order of versions)
    that the held-out members also score. Returns the ensemble, the members' records, (with folds)
    the cross-validation figures of the held-out folds and the held-out probabilities: 3 columns
    for the clean clips, then 3 for each condition."""
    count = settings["members"]
    folds = actor_folds(actors, count)
    _MEMBER_JOB.update(settings=settings, folds=folds, versions=versions, labels=labels, actors=actors,
                       emotions=emotions, conditions=list(conditions), centres=centres,
                       validation=validation, length=length, floor=floor, templates=templates)
    try:
        if jobs > 1:
            with multiprocessing.get_context("fork").Pool(min(jobs, count)) as pool:
                results = pool.map(_train_member, range(count), chunksize=1)
        else:
            results = [_train_member(m) for m in range(count)]
    finally:
        _MEMBER_JOB.clear()
    oof = np.zeros((len(labels), 3 * (1 + len(conditions))))
    members = []
    for m, (model, best_epoch, history, out_idx, probs) in enumerate(results):
        member = {"held_out_actors": folds[m] if settings["member_folds"] else [], "seed": settings["seed"] + m,
                  "best_epoch": best_epoch, "history": history}
        if settings["member_folds"]:
            oof[out_idx] = probs
            member["held_out"] = metrics.summary(np.array([labels[i] for i in out_idx]), probs[:, :3].argmax(axis=1))
        members.append(member)
    cross_validation = metrics.summary(np.asarray(labels), oof[:, :3].argmax(axis=1)) if settings["member_folds"] else None
    return Ensemble([r[0] for r in results]).eval(), members, cross_validation, oof


def clip_probabilities_onnx(graph, clips, length, floor):
    windows, owner = [], []
    for i, frames in enumerate(clips):
        for w in fit.clip_windows(frames, length, floor):
            windows.append(w)
            owner.append(i)
    probs = np.concatenate([onnxrun.run(graph, np.stack(windows[s:s + 256])) for s in range(0, len(windows), 256)])
    owner = np.array(owner)
    return np.stack([probs[owner == i].mean(axis=0) for i in range(len(clips))])


def evaluate_only(args, root):
    """Figures of already exported models on the validation and test actors (clean and 10 dB)."""
    work = extractor_work(os.path.abspath(args.work or os.path.join(root, ".train")), args)
    cli = features.cli_command(args.cli) if args.cli else features.build_cli(root)
    train_clips, val_clips, test_clips = corpus.split(corpus.scan(args.data))
    from . import wavfile
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
    for precision in ("fp32", "int8"):
        graph = onnx.load(os.path.join(args.evaluate, f"sentiment-{precision}.onnx"))
        for name, (frames, truth, _) in sets.items():
            figures = metrics.summary(truth, clip_probabilities_onnx(graph, frames, length, floor).argmax(axis=1))
            say(f"{name + '_' + precision:22s} UAR {figures['uar']:.3f}  macro-F1 {figures['macro_f1']:.3f}  "
                f"accuracy {figures['accuracy']:.3f}  confusion {figures['confusion']}")
    return 0


def main(argv):
    args = parse(argv)
    # One thread per process when ensemble members train side by side in forked workers;
    # OMP_NUM_THREADS, when set, says how many threads this machine can spare.
    threads = int(os.environ.get("OMP_NUM_THREADS", "2"))
    torch.set_num_threads(1 if args.members > 1 and args.jobs > 1 else threads)
    root = repo_root()
    if args.evaluate:
        return evaluate_only(args, root)
    settings = {k: getattr(args, k) for k in DEFAULTS}
    temp = None
    if args.smoke:
        temp = tempfile.mkdtemp(prefix="edgesentiment-smoke-")
        args.data = smoke.make(os.path.join(temp, "data"))
        args.work = os.path.join(temp, "work")
        # Two members so the smoke run goes through the ensemble's folds, export and quantization too.
        settings.update({"members": 2, "copies": 1, "epochs": 1, "width": 16, "stem": 8, "batch": 8, "passes": 1})
    work = extractor_work(os.path.abspath(args.work or os.path.join(root, ".train")), args)
    out = os.path.abspath(args.out)
    os.makedirs(work, exist_ok=True)
    os.makedirs(out, exist_ok=True)
    started = time.time()
    try:
        cli = features.cli_command(args.cli) if args.cli else features.build_cli(root)
        clips = corpus.scan(args.data)
        train_clips, val_clips, test_clips = corpus.split(clips)
        if not train_clips or not val_clips:
            raise SystemExit("error: the data has no training (actors 01-18) or validation (19-20) clips")
        say(f"{len(train_clips)} training, {len(val_clips)} validation, {len(test_clips)} test clips")
        versions, labels, actors, emotions, feat_settings = dataset.augmented_training_set(
            cli, train_clips, work, settings["copies"], settings["seed"])
        length = export.window_frames(feat_settings)
        floor = float(np.log(float(feat_settings["log_floor"])))
        pool = [np.asarray(v[0], dtype=np.float32) for v in versions[:0]]  # unused: babble uses WAVs
        from . import wavfile
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

        templates = dataset.noise_floor_templates(cli, work, settings["seed"]) if settings["noise_floor"] > 0 else None
        say(f"Training ({settings['epochs']} epochs at most, {length}-frame windows)")
        members, cross_validation, selection, selection_telephone, selection_noise = None, None, None, None, None
        if settings["members"] > 1:
            telephone = dataset.evaluation_set(cli, train_clips, work, "train-telephone", channel="telephone")
            folds = actor_folds(actors, settings["members"]) if settings["member_folds"] else [sorted(set(actors))]
            unseen = dataset.unseen_noise_set(cli, train_clips, work, "train-unseen-10db", 10.0, folds, seed=118)
            model, members, cross_validation, oof = train_ensemble(
                settings, versions, labels, actors, emotions, val[:2], length, floor, templates, args.jobs,
                conditions=(telephone[0], unseen[0]), centres=fit.band_centres(feat_settings))
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
                selection = metrics.summary(np.concatenate([labels, val[1]]),
                                            np.concatenate([oof[:, :3], val_probs]).argmax(axis=1))
                say(f"Selection figure (actors 1-20, {len(labels) + len(val[1])} unheard clips): "
                    f"UAR {selection['uar']:.3f}  macro-F1 {selection['macro_f1']:.3f}")
                # The same figure with every clip through a telephone-band channel.
                val_telephone_probs = fit.predict_clips(model, val_telephone[0], length, floor)
                selection_telephone = metrics.summary(np.concatenate([labels, val_telephone[1]]),
                                                      np.concatenate([oof[:, 3:6], val_telephone_probs]).argmax(axis=1))
                say(f"Selection figure through a telephone band: UAR {selection_telephone['uar']:.3f}  "
                    f"macro-F1 {selection_telephone['macro_f1']:.3f}")
                # And in unseen noise at 10 dB SNR.
                val_unseen_probs = fit.predict_clips(model, val_unseen[0], length, floor)
                selection_noise = metrics.summary(np.concatenate([labels, val_unseen[1]]),
                                                  np.concatenate([oof[:, 6:9], val_unseen_probs]).argmax(axis=1))
                say(f"Selection figure in unseen noise at 10 dB SNR: UAR {selection_noise['uar']:.3f}  "
                    f"macro-F1 {selection_noise['macro_f1']:.3f}")
                kept = os.path.join(work, "predictions", time.strftime("%Y%m%dT%H%M%S") + ".npz")
                os.makedirs(os.path.dirname(kept), exist_ok=True)
                np.savez(kept, held_out=oof, labels=np.asarray(labels), emotions=np.asarray(emotions),
                         actors=np.asarray(actors), validation=val_probs, validation_labels=val[1],
                         validation_telephone=val_telephone_probs, validation_unseen_10db=val_unseen_probs)
                say(f"Held-out and validation probabilities kept in {kept}")
        else:
            model, best_epoch, history = fit.train(settings, versions, labels, validation_sets, length, floor,
                                                   log=lambda line: print(line, file=sys.stderr, flush=True),
                                                   noise_templates=templates, train_emotions=emotions, train_actors=actors,
                                                   centres=fit.band_centres(feat_settings))
            say(f"Best validation UAR at epoch {best_epoch}")

        fused = quantize.fuse(model)
        fp32_path = os.path.join(out, "sentiment-fp32.onnx")
        int8_path = os.path.join(out, "sentiment-int8.onnx")
        normalization = "in-graph:" + ("floor-removal-channel," if settings["floor_channel"] else
                                       "floor-removal," if settings["floor_removal"] else "") + ("band-mean" if settings["norm"] == "band" else "window-mean") + \
            (",window-std" if settings["scale"] else "")
        props = export.metadata(feat_settings, LABELS, args.version, "fp32", normalization)
        fp32 = export.export_fp32(fused, fp32_path, length, int(feat_settings["mel_bands"]), props)

        say("Calibrating activation ranges on training windows and quantizing to int8 (QDQ)")
        rng = np.random.default_rng(settings["seed"] + 1)
        calibration = []
        for _ in range(8):
            idx = rng.integers(0, len(versions), 64)
            calibration.append(torch.from_numpy(np.stack(
                [fit.crop(versions[i][rng.integers(len(versions[i]))], length, rng, floor) for i in idx])))
        conv_ranges, relu_max = quantize.collect_ranges(fused, calibration)
        int8 = quantize.quantize(fp32, conv_ranges, relu_max, {**props, "edgesentiment.precision": "int8"})
        onnx.save(int8, int8_path)

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
            "note": args.note, "smoke": args.smoke, "settings": settings,
            "features": feat_settings, "parameters": parameter_count(model), "best_epoch": best_epoch,
            "epochs_run": [len(h) for h in history] if members else len(history), "minutes": round((time.time() - started) / 60, 1),
            "validation_torch_uar": torch_check["uar"],
            "figures": results, "history": history,
            **({"cross_validation": cross_validation, "selection": selection, "selection_telephone": selection_telephone,
                "selection_noise_10db": selection_noise,
                "members": [{k: v for k, v in m.items() if k != "history"} for m in members]} if members else {}),
            "sizes": {"fp32": os.path.getsize(fp32_path), "int8": os.path.getsize(int8_path)},
        }
        log = args.log or (None if args.smoke else os.path.join(out, "training-log.jsonl"))
        if log:
            with open(log, "a") as handle:
                handle.write(json.dumps(record) + "\n")
        say(f"Wrote {fp32_path} ({record['sizes']['fp32']} bytes) and {int8_path} ({record['sizes']['int8']} bytes); "
            f"{record['parameters']} parameters; {record['minutes']} min")
    finally:
        if temp is not None:
            shutil.rmtree(temp, ignore_errors=True)
    return 0
