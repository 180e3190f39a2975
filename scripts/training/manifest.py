"""Corpora beside RAVDESS, listed by a manifest (`path,label,speaker,...`, paths relative to the
manifest's folder), and their Opus files decoded once into the work folder."""

import csv
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from . import wavfile
from .corpus import LABELS, Clip

# Bump when decoding or padding changes, so decoded files are made again.
DECODE_VERSION = 1


def read(path):
    """The clips of a manifest: absolute paths, speaker ids as given (unique across corpora),
    labels checked against LABELS; the corpus column when there is one, else the manifest's name."""
    if not os.path.isfile(path):
        raise SystemExit(f"error: manifest {path} does not exist; pass --manifest with a CSV of path,label,speaker")
    folder = os.path.dirname(os.path.abspath(path))
    fallback = os.path.splitext(os.path.basename(path))[0]
    clips = []
    with open(path, newline="") as handle:
        reader = csv.DictReader(handle)
        missing = {"path", "label", "speaker"} - set(reader.fieldnames or ())
        if missing:
            raise SystemExit(f"error: manifest {path} has no {', '.join(sorted(missing))} column; "
                             "the header must start path,label,speaker")
        for line, row in enumerate(reader, start=2):
            if row["label"] not in LABELS:
                raise SystemExit(f"error: {path} line {line}: label '{row['label']}' is not one of {', '.join(LABELS)}")
            clips.append(Clip(os.path.join(folder, row["path"]), row["speaker"], row.get("emotion") or row["label"],
                              label=row["label"], corpus=row.get("corpus") or fallback))
    if not clips:
        raise SystemExit(f"error: manifest {path} lists no clips")
    return clips


def _decoded_path(clip, folder):
    name = os.path.splitext(os.path.basename(clip.path))[0]
    parent = os.path.basename(os.path.dirname(clip.path))
    return os.path.join(folder, clip.corpus, parent, name + ".wav")


def _decode_one(source, target, window_samples):
    """Decodes source to 16 kHz 16-bit mono WAV at target (WAV files are copied), then zero-pads
    a clip shorter than one analysis window at its end, as the device pads a short recording."""
    partial = target[:-4] + ".part.wav"  # opusdec writes raw samples unless the name ends in .wav
    if source.lower().endswith(".wav"):
        shutil.copyfile(source, partial)
    else:
        result = subprocess.run(["opusdec", "--quiet", "--rate", "16000", source, partial],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            return f"{source}: opusdec: {result.stderr.strip()[-200:]}"
    samples = wavfile.read(partial)
    if len(samples) < window_samples:
        samples = np.concatenate([samples, np.zeros(window_samples - len(samples), np.float32)])
    wavfile.write_pcm16(target, samples)
    os.remove(partial)
    return None


def decode(clips, work, window_samples, jobs=2):
    """Returns the clips with their paths moved to 16 kHz WAV copies under work/decoded (made once;
    files already decoded are kept). Clips that cannot be decoded are reported and left out."""
    if shutil.which("opusdec") is None:
        raise SystemExit("error: opusdec not found; install Debian's opus-tools (apt-get install opus-tools)")
    folder = os.path.join(work, f"decoded-v{DECODE_VERSION}-w{window_samples}")
    todo = []
    for clip in clips:
        target = _decoded_path(clip, folder)
        if not os.path.exists(target):
            if not os.path.exists(clip.path):
                raise SystemExit(f"error: {clip.path} (listed in a manifest) does not exist")
            os.makedirs(os.path.dirname(target), exist_ok=True)
            todo.append((clip.path, target))
    failed = []
    if todo:
        print(f"==> Decoding {len(todo)} clips to 16 kHz WAV in {folder}", file=sys.stderr, flush=True)
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            for done, error in enumerate(pool.map(lambda t: _decode_one(t[0], t[1], window_samples), todo), 1):
                if error:
                    failed.append(error)
                if done % 500 == 0 or done == len(todo):
                    print(f"    decoded {done}/{len(todo)}", file=sys.stderr, flush=True)
    for error in failed[:10]:
        print(f"warning: could not decode {error}", file=sys.stderr)
    decoded = []
    for clip in clips:
        target = _decoded_path(clip, folder)
        if os.path.exists(target):
            decoded.append(Clip(target, clip.actor, clip.emotion, label=clip.label, corpus=clip.corpus))
    return decoded
