"""Writes the trained HashedLinear as an ONNX graph the device runs with ONNX Runtime.

Inputs `ids` (int64 [N]) and `values` (float [N]); padding is id 0 with value 0. Output
`probabilities` (float [1, 3]: negative, neutral, positive). A model with idf weights multiplies
each value by its bucket's idf and scales the text's values to unit length inside the graph, so the
device's featurizer is the same for both kinds. The featurizer's settings ride in the
metadata so the device hashes exactly as training did.
"""

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

from .sst import LABELS

INPUT_IDS, INPUT_VALUES, OUTPUT = "ids", "values", "probabilities"
KIND = "text-sentiment"


def write(model, settings, path, version, extra_metadata):
    weight = model.weight.weight.detach().numpy().astype(np.float32)
    bias = model.bias.detach().numpy().astype(np.float32).reshape(1, -1)
    initializers = []
    values = INPUT_VALUES
    if model.idf is not None:
        initializers = [numpy_helper.from_array(model.idf.numpy().astype(np.float32), "idf"),
                        numpy_helper.from_array(np.array(1e-12, dtype=np.float32), "tiny")]
        values = "unit"
    nodes = [
        helper.make_node("Gather", ["idf", INPUT_IDS], ["idfs"], axis=0),
        helper.make_node("Mul", [INPUT_VALUES, "idfs"], ["weighted"]),
        helper.make_node("Mul", ["weighted", "weighted"], ["squares"]),
        helper.make_node("ReduceSum", ["squares", "axis0"], ["square_length"], keepdims=1),
        helper.make_node("Sqrt", ["square_length"], ["length"]),
        helper.make_node("Max", ["length", "tiny"], ["divisor"]),
        helper.make_node("Div", ["weighted", "divisor"], [values]),
    ] if model.idf is not None else []
    nodes += [
        helper.make_node("Gather", ["weight", INPUT_IDS], ["rows"], axis=0),
        helper.make_node("Unsqueeze", [values, "axis1"], ["column"]),
        helper.make_node("Mul", ["rows", "column"], ["scaled"]),
        helper.make_node("ReduceSum", ["scaled", "axis0"], ["summed"], keepdims=1),
        helper.make_node("Add", ["summed", "bias"], ["logits"]),
        helper.make_node("Softmax", ["logits"], [OUTPUT], axis=1),
    ]
    graph = helper.make_graph(
        nodes, "edgesentiment-text",
        [helper.make_tensor_value_info(INPUT_IDS, TensorProto.INT64, ["features"]),
         helper.make_tensor_value_info(INPUT_VALUES, TensorProto.FLOAT, ["features"])],
        [helper.make_tensor_value_info(OUTPUT, TensorProto.FLOAT, [1, len(LABELS)])],
        initializer=[numpy_helper.from_array(weight, "weight"), numpy_helper.from_array(bias, "bias"),
                     numpy_helper.from_array(np.array([1], dtype=np.int64), "axis1"),
                     numpy_helper.from_array(np.array([0], dtype=np.int64), "axis0"), *initializers])
    onnx_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                                   producer_name="edgesentiment-scripts/train-text")
    onnx_model.ir_version = 8
    metadata = {"edgesentiment.kind": KIND, "edgesentiment.version": version,
                "edgesentiment.labels": ",".join(LABELS),
                "edgesentiment.text.weighting": "tfidf" if model.idf is not None else "plain",
                **settings.metadata(), **extra_metadata}
    for key, value in metadata.items():
        onnx_model.metadata_props.add(key=key, value=value)
    onnx.checker.check_model(onnx_model)
    onnx.save(onnx_model, path)
