"""ONNX export with the model contract's metadata (docs/model-contract.md)."""

import warnings

import onnx
import torch

INPUT_NAME = "logmel"
OUTPUT_NAME = "probabilities"
OPSET = 13
CONTRACT_VERSION = "1"
MODEL_NAME = "ds-cnn-sentiment"
SETTING_KEYS = ("feature", "sample_rate", "frame_length", "hop_length", "fft_size",
                "mel_bands", "fmin", "fmax", "log_floor")


def window_frames(settings, window_seconds=2.0):
    """Frames of one analysis window, counted as the extractor counts them (no padding)."""
    samples = int(round(window_seconds * int(settings["sample_rate"])))
    length, hop = int(settings["frame_length"]), int(settings["hop_length"])
    return 0 if samples < length else 1 + (samples - length) // hop


def _text(value):
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def metadata(settings, labels, version, precision, normalization):
    """The contract's key/value pairs; the feature settings come from the extractor's own export."""
    missing = [k for k in SETTING_KEYS if k not in settings]
    if missing:
        raise SystemExit(f"error: the feature export's settings lack {', '.join(missing)}; "
                         "update src/EdgeSentiment.Cli or docs/model-contract.md so they agree")
    props = {"edgesentiment.contract": CONTRACT_VERSION, "edgesentiment.labels": ",".join(labels)}
    for key in SETTING_KEYS:
        props["edgesentiment." + key] = _text(settings[key])
    props.update({
        "edgesentiment.window_frames": str(window_frames(settings)),
        "edgesentiment.normalization": normalization,
        "edgesentiment.model_name": MODEL_NAME,
        "edgesentiment.model_version": version,
        "edgesentiment.precision": precision,
    })
    return props


def set_metadata(model, props):
    del model.metadata_props[:]
    for key, value in props.items():
        entry = model.metadata_props.add()
        entry.key, entry.value = key, value


def export_fp32(model, path, frames, bands, props):
    """Exports model (eval mode: batch norm folds into the convolutions) with a dynamic batch."""
    model.eval()
    dummy = torch.zeros(1, frames, bands)
    # The clamp in the pooling exports as Clip with a constant bound; torch 1.13 warns about the
    # constant's shape inference although the graph is correct (onnx.checker passes below).
    warnings.filterwarnings("ignore", message="The shape inference of prim::Constant type is missing")
    torch.onnx.export(
        model, dummy, path, opset_version=OPSET, input_names=[INPUT_NAME], output_names=[OUTPUT_NAME],
        dynamic_axes={INPUT_NAME: {0: "batch"}, OUTPUT_NAME: {0: "batch"}}, do_constant_folding=True)
    graph = onnx.load(path)
    graph.producer_name = "edgesentiment-train"
    graph.doc_string = "EdgeSentiment speech sentiment classifier (negative, neutral, positive)."
    set_metadata(graph, props)
    onnx.checker.check_model(graph)
    onnx.save(graph, path)
    return graph
