"""A tiny synthetic corpus in RAVDESS's layout and naming, for the pipeline's smoke test."""

import os
import shutil
import subprocess

import numpy as np

from . import wavfile

RATE = 16000


def _clip(rng, emotion, seconds=2.4):
    t = np.arange(int(seconds * RATE)) / RATE
    if emotion == 5:  # "negative": a low buzzing tone
        f = rng.uniform(90, 140)
        x = np.sign(np.sin(2 * np.pi * f * t)) * 0.3
    elif emotion == 3:  # "positive": a rising bright tone
        f = rng.uniform(300, 500) * (1 + 0.5 * t)
        x = np.sin(2 * np.pi * np.cumsum(f) / RATE) * 0.3
    else:  # "neutral": soft noise
        x = rng.standard_normal(len(t)) * 0.05
    return (x + rng.standard_normal(len(t)) * 0.005).astype(np.float32)


def make(folder, seed=0):
    """Writes a few clips per class for actors 01, 02 (training), 19 (validation) and 21 (test)."""
    rng = np.random.default_rng(seed)
    for actor in (1, 2, 19, 21):
        sub = os.path.join(folder, f"Actor_{actor:02d}")
        os.makedirs(sub, exist_ok=True)
        for emotion in (1, 3, 5):
            for repetition in (1, 2):
                name = f"03-01-{emotion:02d}-01-01-{repetition:02d}-{actor:02d}.wav"
                wavfile.write_pcm16(os.path.join(sub, name), _clip(rng, emotion))
    return folder


def make_manifest(folder, seed=1):
    """Writes a tiny second corpus as Opus files (encoded with opusenc, as the shared corpora are)
    and its manifest: two speakers, one clip per class each, and one clip shorter than a window.
    Returns the manifest's path."""
    if shutil.which("opusenc") is None:
        raise SystemExit("error: opusenc not found; install Debian's opus-tools (apt-get install opus-tools)")
    rng = np.random.default_rng(seed)
    os.makedirs(os.path.join(folder, "audio"), exist_ok=True)
    rows = ["path,label,speaker,emotion,language,corpus"]
    for speaker in ("tiny_01", "tiny_02"):
        for emotion, label, name in ((5, "negative", "anger"), (1, "neutral", "neutral"), (3, "positive", "happiness")):
            seconds = 1.2 if speaker == "tiny_02" and label == "negative" else 2.4
            wav = os.path.join(folder, "audio", f"{speaker}-{name}.wav")
            wavfile.write_pcm16(wav, _clip(rng, emotion, seconds))
            subprocess.run(["opusenc", "--quiet", "--bitrate", "32", wav, wav[:-4] + ".opus"], check=True)
            os.remove(wav)
            rows.append(f"audio/{speaker}-{name}.opus,{label},{speaker},{name},xx,tiny")
    path = os.path.join(folder, "manifest.csv")
    with open(path, "w") as handle:
        handle.write("\n".join(rows) + "\n")
    return path
