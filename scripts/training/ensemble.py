"""Ensemble members trained side by side, each holding out one fold of the training speakers."""

import dataclasses
import multiprocessing
import pickle
import queue
import sys
import traceback

import numpy as np
import torch

from . import fit, metrics
from .model import Ensemble


def speaker_folds(speakers, count):
    """Splits the training speakers into `count` folds in snake order (0,1,..,n-1,n-1,..,0,0,1,..),
    so RAVDESS's odd (male) and even (female) actors, and each corpus' speakers, spread evenly."""
    folds = [[] for _ in range(count)]
    for i, speaker in enumerate(sorted(set(speakers), key=fit.speaker_key)):
        turn, place = divmod(i, count)
        folds[place if turn % 2 == 0 else count - 1 - place].append(speaker)
    return folds


@dataclasses.dataclass(frozen=True)
class MemberJob:
    """What every member shares: the settings, the folds, the training material (a
    dataset.TrainingData), the validation set and degraded versions of every training clip."""
    config: object
    folds: list
    data: object
    validation: tuple
    conditions: tuple = ()


def train_member(job, m):
    """Member m: seed + m; with member_folds it learns from every fold but fold m (or, with
    train_folds, from the train_folds folds after it) and scores fold m's clips, clean and in each
    condition. Returns (model, best epoch, history, indices of the held-out clips, their probabilities)."""
    torch.set_num_threads(1)
    config = job.config.replace(seed=job.config.fit.seed + m)
    folds, data = config.ensemble.member_folds, job.data
    held_out = set(job.folds[m])
    learned = None
    if folds and config.ensemble.train_folds:
        # Fewer voices per member (a learning curve): the train_folds folds that follow fold m.
        count = len(job.folds)
        learned = {a for k in range(1, config.ensemble.train_folds + 1) for a in job.folds[(m + k) % count]}
    train_idx = [i for i, a in enumerate(data.speakers)
                 if not folds or (a not in held_out and (learned is None or a in learned))]
    out_idx = [i for i, a in enumerate(data.speakers) if a in held_out]
    held_out_set = ([data.versions[i][0] for i in out_idx], np.array([data.labels[i] for i in out_idx]))
    keep_last = config.ensemble.member_last if not folds else not config.ensemble.fold_stop
    sets = {"held_out": held_out_set, "validation": job.validation}
    if not folds or keep_last:
        # Without folds every member sees every training speaker and nothing is held out; it keeps
        # its last epoch, or (member_last false) its best epoch on the validation actors, as a
        # single network does. A member that keeps its last epoch only watches its fold, which is
        # scored once, after the last epoch (with 147 voices watching cost a quarter of each epoch).
        sets.pop("held_out")
    shown = ",".join(str(a) for a in sorted(held_out, key=fit.speaker_key))
    if len(held_out) > 6:
        shown = f"{len(held_out)} speakers"
    tag = f"member {m + 1} (held out {shown if folds else 'none'})"
    model, best_epoch, history = fit.train(
        config, data.subset(train_idx), sets, log=lambda line: print(f"{tag}: {line}", file=sys.stderr, flush=True),
        keep_last=keep_last)
    if not folds:
        return model, best_epoch, history, [], np.zeros((0, 3))
    probs = fit.predict_clips(model, held_out_set[0], data.length, data.floor)
    for condition in job.conditions:
        # The same held-out clips through a telephone-band channel or in noise: what the
        # selection figure does not see when it is measured on clean clips only.
        degraded = fit.predict_clips(model, [condition[i] for i in out_idx], data.length, data.floor)
        probs = np.concatenate([probs, degraded], axis=1)
    return model, best_epoch, history, out_idx, probs


def run_forked(function, job, count, jobs):
    """[function(job, m) for m in range(count)], at most `jobs` at a time in forked processes:
    they inherit job (the features) instead of receiving a copy through a pipe."""
    if jobs <= 1 or count == 1:
        return [function(job, m) for m in range(count)]
    context = multiprocessing.get_context("fork")
    results_queue = context.Queue()

    def child(m):
        try:
            # Plain pickle bytes: a queue would pass tensors as shared-memory handles, which die
            # with this process before the parent reads them.
            results_queue.put((m, pickle.dumps(function(job, m)), None))
        except BaseException:  # reported by the parent, which stops the run
            results_queue.put((m, None, traceback.format_exc()))

    processes, results = {}, {}
    try:
        while len(results) < count:
            while len(processes) < count and len(processes) - len(results) < jobs:
                m = len(processes)
                processes[m] = context.Process(target=child, args=(m,))
                processes[m].start()
            try:
                m, result, error = results_queue.get(timeout=5)
            except queue.Empty:
                dead = [m for m, p in processes.items() if m not in results and p.exitcode not in (None, 0)]
                if dead:
                    raise SystemExit(f"error: ensemble member {dead[0] + 1} died (exit code "
                                     f"{processes[dead[0]].exitcode}); out of memory? try --jobs 1")
                continue
            if error is not None:
                raise SystemExit(f"error: ensemble member {m + 1} failed:\n{error}")
            results[m] = pickle.loads(result)
    finally:
        for p in processes.values():
            if p.is_alive() and len(results) < count:
                p.terminate()
            p.join()
    return [results[m] for m in range(count)]


def train(config, data, validation, jobs, conditions=()):
    """Trains config.ensemble.members networks with seeds seed, seed+1, ... With member_folds,
    member m learns from every training speaker but those of fold m and keeps its best epoch on
    that fold (fold_stop) or its last epoch, when the fold only watches and its figure is a fair
    estimate; without, every member learns from all training speakers and keeps its last epoch
    (or, with member_last false, its best epoch on the validation actors).
    conditions lists degraded versions of every training clip (frames, in the order of
    data.versions) that the held-out members also score. Returns the ensemble, the members'
    records, (with folds) the cross-validation figures of the held-out folds and the held-out
    probabilities: 3 columns for the clean clips, then 3 for each condition."""
    settings = config.ensemble
    folds = speaker_folds(data.speakers, settings.members)
    job = MemberJob(config, folds, data, validation, tuple(conditions))
    results = run_forked(train_member, job, settings.members, jobs)
    oof = np.zeros((len(data.labels), 3 * (1 + len(conditions))))
    members = []
    for m, (model, best_epoch, history, out_idx, probs) in enumerate(results):
        member = {"held_out_actors": folds[m] if settings.member_folds else [], "seed": config.fit.seed + m,
                  "best_epoch": best_epoch, "history": history}
        if settings.member_folds:
            oof[out_idx] = probs
            member["held_out"] = metrics.summary(np.array([data.labels[i] for i in out_idx]),
                                                 probs[:, :3].argmax(axis=1))
        members.append(member)
    cross_validation = metrics.summary(np.asarray(data.labels), oof[:, :3].argmax(axis=1)) \
        if settings.member_folds else None
    return Ensemble([r[0] for r in results]).eval(), members, cross_validation, oof
