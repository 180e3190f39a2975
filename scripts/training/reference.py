"""Reference probabilities for the sample recordings, window by window as the device cuts them,
so the C# tests can check that both ONNX models agree with PyTorch."""

import json
import os
import sys

import numpy as np
import scipy.io.wavfile
import torch


SAMPLES = ("negative-angry.wav", "neutral.wav", "positive-happy.wav")
TOLERANCE_FP32 = 1e-3
# At least this for int8; more when the int8 graph strays further on these windows (twice its worst).
TOLERANCE_INT8 = 0.05


def window_starts(count, length, hop):
    """Window starts in samples, as RecordingAnalyzer cuts them."""
    if count == 0:
        return []
    if count < length:
        return [0]
    starts = list(range(0, count - length + 1, hop))
    if starts[-1] + length < count:
        starts.append(count - length)
    return starts


def write(model, cli, root, work, out_path, labels, settings, int8_graph=None, window_seconds=2.0, hop_seconds=0.5):
    folder = os.path.join(root, "samples")
    present = [name for name in SAMPLES if os.path.exists(os.path.join(folder, name))]
    if not present:
        print("warning: samples/ has none of the sample recordings; reference-scores.json not written",
              file=sys.stderr)
        return None
    rate = int(settings["sample_rate"])
    length, hop = int(round(window_seconds * rate)), int(round(hop_seconds * rate))
    target = os.path.join(work, "reference")
    os.makedirs(target, exist_ok=True)
    items, cuts = [], []
    for name in present:
        path = os.path.join(folder, name)
        file_rate, data = scipy.io.wavfile.read(path)
        if file_rate != rate or data.ndim != 1 or data.dtype != np.int16:
            raise SystemExit(f"error: {path} must be {rate} Hz mono 16-bit PCM so its windows can be cut exactly")
        starts = window_starts(len(data), length, hop)
        for s in starts:
            window = np.zeros(length, dtype=np.int16)
            piece = data[s:s + length]
            window[:len(piece)] = piece
            wav = os.path.join(target, f"{os.path.splitext(name)[0]}-{s}.wav")
            scipy.io.wavfile.write(wav, rate, window)
            items.append((wav, "unknown"))
            cuts.append((name, s))
    feats = cli.export(items, os.path.join(target, "features"))
    index = feats.by_path()
    model.eval()
    files = {}
    worst_int8 = 0.0
    for (name, start), (wav, _) in zip(cuts, items):
        frames = feats.clip(index[os.path.abspath(wav)])
        with torch.no_grad():
            probs = model(torch.from_numpy(np.ascontiguousarray(frames[None]))).numpy()[0]
        if int8_graph is not None:
            from . import onnxrun
            worst_int8 = max(worst_int8, float(np.abs(onnxrun.run(int8_graph, frames[None])[0] - probs).max()))
        files.setdefault(name, []).append({
            "startSeconds": round(start / rate, 6),
            "endSeconds": round((start + length) / rate, 6),
            "probabilities": {label: round(float(p), 6) for label, p in zip(labels, probs)},
        })
    document = {
        "description": "fp32 PyTorch probabilities of each analysis window of the sample recordings "
                       "(2 s windows every 0.5 s plus one aligned to the end; shorter clips zero-padded), "
                       "computed from the C# extractor's features",
        "labels": list(labels),
        "tolerance": {"fp32": TOLERANCE_FP32,
                      "int8": round(max(TOLERANCE_INT8, 2 * worst_int8), 3)},
        "tolerance_note": "largest allowed absolute difference per probability between these values and "
                          "the ONNX model of that precision in ONNX Runtime",
        "files": [{"file": f"samples/{name}", "windows": windows} for name, windows in files.items()],
    }
    with open(out_path, "w") as handle:
        json.dump(document, handle, indent=2)
        handle.write("\n")
    return document
