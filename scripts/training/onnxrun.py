"""A small evaluator for the operators of the exported graphs, so the Python side can check the
ONNX files themselves (fp32 and QDQ int8) without ONNX Runtime."""

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import numpy_helper


def _attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def _axis_shape(scale, axis, ndim):
    if scale.ndim == 0:
        return scale
    shape = [1] * ndim
    shape[axis] = -1
    return scale.reshape(shape)


def run(model, x):
    """Runs the graph on input x (numpy [N, T, F]); returns the first output as numpy."""
    values = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in model.graph.initializer}
    values[model.graph.input[0].name] = torch.from_numpy(np.ascontiguousarray(x, dtype=np.float32))
    for node in model.graph.node:
        a = _attrs(node)
        inp = [values[n] if n else None for n in node.input]
        op = node.op_type
        if op == "Constant":
            out = torch.from_numpy(numpy_helper.to_array(a["value"]).copy())
        elif op == "Identity":
            out = inp[0]
        elif op == "ReduceMean":
            out = inp[0].mean(dim=tuple(a["axes"]), keepdim=bool(a.get("keepdims", 1)))
        elif op == "ReduceSum":
            out = inp[0].sum(dim=tuple(inp[1].tolist()), keepdim=bool(a.get("keepdims", 1)))
        elif op in ("Sub", "Mul", "Add", "Div"):
            out = {"Sub": torch.sub, "Mul": torch.mul, "Add": torch.add, "Div": torch.div}[op](inp[0], inp[1])
        elif op == "Sqrt":
            out = torch.sqrt(inp[0])
        elif op == "Exp":
            out = torch.exp(inp[0])
        elif op == "Log":
            out = torch.log(inp[0])
        elif op == "ReduceMin":
            out = torch.amin(inp[0], dim=tuple(a["axes"]), keepdim=bool(a.get("keepdims", 1)))
        elif op == "Reshape":
            out = inp[0].reshape(tuple(int(d) for d in inp[1].tolist()))
        elif op == "Unsqueeze":
            out = inp[0]
            for axis in sorted(inp[1].tolist()):
                out = out.unsqueeze(axis)
        elif op == "Concat":
            out = torch.cat(inp, dim=a["axis"])
        elif op == "Clip":
            low = inp[1] if len(inp) > 1 and inp[1] is not None else None
            high = inp[2] if len(inp) > 2 and inp[2] is not None else None
            out = torch.clamp(inp[0], min=None if low is None else float(low), max=None if high is None else float(high))
        elif op == "Max":
            out = torch.maximum(inp[0], inp[1])
        elif op == "Relu":
            out = torch.relu(inp[0])
        elif op == "Softmax":
            out = torch.softmax(inp[0], dim=a.get("axis", -1))
        elif op == "Conv":
            pads = a.get("pads", [0] * (2 * len(a["kernel_shape"])))
            half = len(pads) // 2
            fn = F.conv2d if inp[1].dim() == 4 else F.conv1d
            out = fn(inp[0], inp[1], inp[2], stride=tuple(a.get("strides", [1] * half)),
                     padding=tuple(pads[:half]), dilation=tuple(a.get("dilations", [1] * half)),
                     groups=a.get("group", 1))
        elif op == "Gemm":
            w = inp[1].t() if a.get("transB", 0) else inp[1]
            out = inp[0] @ w
            if inp[2] is not None:
                out = out + inp[2]
        elif op == "Slice":
            out = inp[0]
            axes = inp[3].tolist() if len(inp) > 3 and inp[3] is not None else list(range(len(inp[1])))
            steps = inp[4].tolist() if len(inp) > 4 and inp[4] is not None else [1] * len(axes)
            for start, end, axis, step in zip(inp[1].tolist(), inp[2].tolist(), axes, steps):
                index = [slice(None)] * out.dim()
                index[axis] = slice(start, min(end, out.shape[axis]), step)
                out = out[tuple(index)]
        elif op == "MatMul":
            out = inp[0] @ inp[1]
        elif op == "QuantizeLinear":
            scale = _axis_shape(inp[1], a.get("axis", 1), inp[0].dim())
            zero = inp[2]
            low, high = (0, 255) if zero.dtype == torch.uint8 else (-128, 127)
            out = torch.clamp(torch.round(inp[0] / scale) + zero.to(torch.float32), low, high)
            out = out.to(torch.uint8 if zero.dtype == torch.uint8 else torch.int8)
        elif op == "DequantizeLinear":
            axis = a.get("axis", 1)
            scale = _axis_shape(inp[1], axis, inp[0].dim())
            zero = _axis_shape(inp[2], axis, inp[0].dim()).to(torch.float64)
            out = ((inp[0].to(torch.float64) - zero) * scale.to(torch.float64)).to(torch.float32)
        else:
            raise NotImplementedError(op)
        values[node.output[0]] = out
    return values[model.graph.output[0].name].numpy()
