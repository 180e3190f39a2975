"""The training, validation and test material: augmented WAV copies written to a work folder,
then log-mel features of every file from the product's extractor."""

import dataclasses
import hashlib
import json
import os
import sys

import numpy as np

from . import augment, features, wavfile
from .corpus import LABELS

# Bump when the augmentation changes, so cached copies are made again.
AUGMENT_VERSION = 3


def _stamp(folder, content, name="stamp.json"):
    path = os.path.join(folder, name)
    if os.path.exists(path):
        with open(path) as handle:
            if json.load(handle) == content:
                return True
    return False


def _write_stamp(folder, content, name="stamp.json"):
    with open(os.path.join(folder, name), "w") as handle:
        json.dump(content, handle)




def augmented_training_set(cli, clips, work, copies, seed):
    """For each training clip: its clean features and `copies` augmented ones, its label, its
    actor and its corpus emotion code (the clean version is always first). Cached in `work`
    while the clips, the number of copies, the seed, the augmentation and the extractor are the same."""
    names = hashlib.sha1("\n".join(c.path for c in clips).encode()).hexdigest()[:12]
    folder = os.path.join(work, f"train-k{copies}-s{seed}-{names}")
    wav_stamp = {"version": AUGMENT_VERSION, "copies": copies, "seed": seed, "clips": len(clips)}
    feature_stamp = {**wav_stamp, **cli.identity()}
    prefix = os.path.join(folder, "features")
    os.makedirs(folder, exist_ok=True)
    items = []
    for i, clip in enumerate(clips):
        items.append((clip.path, clip.label))
        items += [(os.path.join(folder, f"{i:05d}-{k}.wav"), clip.label) for k in range(copies)]
    if not _stamp(folder, wav_stamp, "wav-stamp.json"):
        print(f"==> Writing {copies} augmented copies of {len(clips)} training clips to {folder}", file=sys.stderr)
        rng = np.random.default_rng(seed)
        pool = [wavfile.read(c.path) for c in clips]
        for i in range(len(clips)):
            for k in range(copies):
                wavfile.write_pcm16(os.path.join(folder, f"{i:05d}-{k}.wav"), augment.augment(rng, pool[i], pool))
            if (i + 1) % 1000 == 0:
                print(f"    augmented {i + 1}/{len(clips)} clips", file=sys.stderr, flush=True)
        _write_stamp(folder, wav_stamp, "wav-stamp.json")
    if _stamp(folder, feature_stamp) and os.path.exists(prefix + ".json"):
        print(f"==> Reusing the training features in {folder}", file=sys.stderr)
        feats = features.load(prefix)
    else:
        print(f"==> Extracting log-mel features of {len(items)} files with the C# extractor", file=sys.stderr)
        feats = cli.export(items, prefix)
        _write_stamp(folder, feature_stamp)
    index = feats.by_path()
    versions, labels, actors, emotions, corpora = [], [], [], [], []
    for i, clip in enumerate(clips):
        paths = [clip.path] + [os.path.join(folder, f"{i:05d}-{k}.wav") for k in range(copies)]
        found = [feats.clip(index[os.path.abspath(p)]) for p in paths if os.path.abspath(p) in index]
        if found:
            versions.append(found)
            labels.append(LABELS.index(clip.label))
            actors.append(clip.actor)
            emotions.append(clip.emotion)
            corpora.append(clip.corpus)
    return versions, labels, actors, emotions, corpora, feats.settings


NOISE_FLOOR_DBFS = -30.0


def noise_floor_templates(cli, work, seed):
    """Log-mel frames of 10 s of white, pink and brown noise at NOISE_FLOOR_DBFS (RMS), from the
    product's extractor. Training shifts them below the speech and adds their power to a window's, so the
    model also sees speech over a quiet floor (a cheap microphone, 8-bit audio, dither) and never
    learns to rely on digital silence between words."""
    folder = os.path.join(work, f"noise-floor-s{seed}")
    stamp = {"version": AUGMENT_VERSION, "level": NOISE_FLOOR_DBFS, "seed": seed, **cli.identity()}
    prefix = os.path.join(folder, "features")
    kinds = (("white", 0.0), ("pink", 1.0), ("brown", 2.0))
    paths = [os.path.join(folder, f"{name}.wav") for name, _ in kinds]
    if _stamp(folder, stamp) and os.path.exists(prefix + ".json"):
        feats = features.load(prefix)
    else:
        os.makedirs(folder, exist_ok=True)
        rng = np.random.default_rng(seed)
        gain = 10.0 ** (NOISE_FLOOR_DBFS / 20.0)
        for path, (_, exponent) in zip(paths, kinds):
            wavfile.write_pcm16(path, gain * augment.coloured_noise(rng, 10 * augment.SAMPLE_RATE, exponent))
        feats = cli.export([(p, "neutral") for p in paths], prefix)
        _write_stamp(folder, stamp)
    index = feats.by_path()
    return [np.asarray(feats.clip(index[os.path.abspath(p)]), dtype=np.float32) for p in paths]


def _frames_and_labels(feats, paths, clips):
    """(frame arrays, labels, extractor settings) of the files of paths that the export read."""
    index = feats.by_path()
    frames, labels = [], []
    for p, clip in zip(paths, clips):
        if os.path.abspath(p) in index:
            frames.append(feats.clip(index[os.path.abspath(p)]))
            labels.append(LABELS.index(clip.label))
    return frames, np.array(labels), feats.settings


def evaluation_set(cli, clips, work, name, noise_db=None, pool=None, seed=0, channel=None):
    """Features of clips as they are, with noise at noise_db SNR (white, pink, babble, film in
    turn) or through a channel ("telephone"), for validation or test.
    Returns (list of frame arrays, labels, settings)."""
    names = hashlib.sha1("\n".join(c.path for c in clips).encode()).hexdigest()[:12]
    folder = os.path.join(work, f"{name}-{names}")
    stamp = {"version": AUGMENT_VERSION, "noise_db": noise_db, "seed": seed, **cli.identity()}
    if channel is not None:
        stamp["channel"] = channel
    prefix = os.path.join(folder, "features")
    paths = [c.path for c in clips]
    if noise_db is not None or channel is not None:
        paths = [os.path.join(folder, f"{i:05d}.wav") for i in range(len(clips))]
    if _stamp(folder, stamp) and os.path.exists(prefix + ".json"):
        feats = features.load(prefix)
    else:
        os.makedirs(folder, exist_ok=True)
        if noise_db is not None:
            rng = np.random.default_rng(seed)
            kinds = ("white", "pink", "babble", "film")
            for i, clip in enumerate(clips):
                x = wavfile.read(clip.path)
                noise = augment.make_noise(rng, kinds[i % len(kinds)], len(x), pool)
                wavfile.write_pcm16(paths[i], augment.add_at_snr(x, noise, noise_db))
        elif channel == "telephone":
            for i, clip in enumerate(clips):
                wavfile.write_pcm16(paths[i], augment.telephone(wavfile.read(clip.path)))
        feats = cli.export([(p, c.label) for p, c in zip(paths, clips)], prefix)
        _write_stamp(folder, stamp)
    return _frames_and_labels(feats, paths, clips)


def unseen_noise_set(cli, clips, work, name, snr_db, groups, seed):
    """Features of clips with noise of kinds the training never mixes in, at snr_db SNR, made as
    scripts/make-robustness-set makes the test actors' noise: every other clip gets babble of
    six clips of other actors of its own group (groups: lists of actors, e.g. the held-out folds,
    so the babble is of voices the network scoring the clip never heard), the rest ventilation
    noise (as is every clip whose group has no other actor). Returns (list of frame arrays, labels,
    settings)."""
    names = hashlib.sha1("\n".join(c.path for c in clips).encode()).hexdigest()[:12]
    folder = os.path.join(work, f"{name}-{names}")
    stamp = {"version": AUGMENT_VERSION, "unseen_noise_db": snr_db, "seed": seed,
             "groups": [sorted(g) for g in groups], **cli.identity()}
    prefix = os.path.join(folder, "features")
    paths = [os.path.join(folder, f"{i:05d}.wav") for i in range(len(clips))]
    if _stamp(folder, stamp) and os.path.exists(prefix + ".json"):
        feats = features.load(prefix)
    else:
        os.makedirs(folder, exist_ok=True)
        group_of = {actor: g for g in groups for actor in g}
        rng = np.random.default_rng(seed)
        for i, clip in enumerate(clips):
            x = wavfile.read(clip.path)
            mates = [c for c in clips if c.actor in group_of[clip.actor] and c.actor != clip.actor]
            if i % 2 == 0 and len(mates) >= 6:
                noise = augment.unseen_babble(rng, len(x), mates, clip.actor, wavfile.read)
            else:  # (or a group of one actor, as in the smoke corpus)
                noise = augment.ventilation(rng, len(x))
            wavfile.write_pcm16(paths[i], augment.add_at_snr(x, noise, snr_db))
        feats = cli.export([(p, c.label) for p, c in zip(paths, clips)], prefix)
        _write_stamp(folder, stamp)
    return _frames_and_labels(feats, paths, clips)


@dataclasses.dataclass(frozen=True)
class TrainingData:
    """What a network learns from: every version of each training clip (the clean one first) with
    its label index, corpus emotion, speaker and corpus; the window length and the silence floor
    in frames' units; noise templates and band centres for the log-mel augmentations."""
    versions: list
    labels: list
    emotions: list
    speakers: list
    corpora: list
    length: int
    floor: float
    templates: list = None
    centres: np.ndarray = None

    def subset(self, indices):
        """The same material for the clips at indices only."""
        pick = lambda values: [values[i] for i in indices]  # noqa: E731
        return dataclasses.replace(self, versions=pick(self.versions), labels=pick(self.labels),
                                   emotions=pick(self.emotions), speakers=pick(self.speakers),
                                   corpora=pick(self.corpora))
