"""Static post-training quantization of the exported graph to int8 in QDQ form.

Weights of Conv and Gemm nodes become int8 initializers (per output channel, symmetric) behind
DequantizeLinear; their biases int32 at scale input_scale * weight_scale. Activations get a
QuantizeLinear/DequantizeLinear pair (uint8, asymmetric) with ranges calibrated on training
windows: after every Relu (range [0, max], which lets ONNX Runtime fold the Relu and run the
convolutions as QLinearConv) and at the float inputs of Conv/Gemm. The in-graph normalisation
stays float: the log-mel range is too wide for 8 bits before it is normalised.
"""

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper
from torch import nn

QUANTIZED_OPS = ("Conv", "Gemm")


def fuse(model):
    """A copy of model with every Conv2d+BatchNorm2d folded, as the ONNX export folds them."""
    import copy
    from torch.nn.utils.fusion import fuse_conv_bn_eval
    fused = copy.deepcopy(model).eval()
    for module in fused.modules():
        if isinstance(module, nn.Sequential) and len(module) == 3 and isinstance(module[0], nn.Conv2d) \
                and isinstance(module[1], nn.BatchNorm2d):
            module[0] = fuse_conv_bn_eval(module[0], module[1])
            module[1] = nn.Identity()
    return fused


def collect_ranges(model, batches):
    """Calibration in PyTorch: the input range of each Conv/Linear and the output maximum of each
    ReLU, in execution order (the order of the nodes in the exported graph). The range of a
    tensor is the mean over batches of each batch's min and max, which ignores rare outliers."""
    inputs, relus = {}, {}
    order_in, order_relu = [], []
    hooks = []
    for name, module in model.named_modules():
        if isinstance(module, (nn.Conv1d, nn.Conv2d, nn.Linear)):
            def pre(mod, args, name=name):
                if name not in inputs:
                    inputs[name] = []
                    order_in.append(name)
                x = args[0]
                inputs[name].append((float(x.min()), float(x.max())))
            hooks.append(module.register_forward_pre_hook(pre))
        elif isinstance(module, nn.ReLU):
            def post(mod, args, out, name=name):
                if name not in relus:
                    relus[name] = []
                    order_relu.append(name)
                relus[name].append(float(out.max()))
            hooks.append(module.register_forward_hook(post))
    model.eval()
    with torch.no_grad():
        for batch in batches:
            model(batch)
    for hook in hooks:
        hook.remove()
    conv_ranges = [tuple(np.mean(np.array(inputs[n]), axis=0)) for n in order_in]
    relu_max = [float(np.mean(relus[n])) for n in order_relu]
    return conv_ranges, relu_max


def _uint8_params(low, high):
    low, high = min(low, 0.0), max(high, 0.0)
    scale = max((high - low) / 255.0, 1e-8)
    zero = int(np.clip(round(-low / scale), 0, 255))
    return np.float32(scale), np.uint8(zero)


def quantize(fp32_model, conv_ranges, relu_max, props):
    """Returns the QDQ int8 model built from the exported fp32 graph and the calibrated ranges."""
    model = onnx.ModelProto()
    model.CopyFrom(fp32_model)
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    # Constant folding can leave Identity nodes that alias one initializer under another name.
    aliases = {n.output[0]: n.input[0] for n in graph.node if n.op_type == "Identity" and n.input[0] in inits}

    def array(name):
        return numpy_helper.to_array(inits[aliases.get(name, name)])

    new_inits, scales = [], {}

    def qdq(tensor, low, high, tag):
        """Adds Q/DQ of tensor; returns (nodes, dequantized name)."""
        scale, zero = _uint8_params(low, high)
        s, z = f"{tag}_scale", f"{tag}_zero_point"
        new_inits.append(numpy_helper.from_array(np.array(scale, dtype=np.float32), s))
        new_inits.append(numpy_helper.from_array(np.array(zero, dtype=np.uint8), z))
        q, dq = f"{tag}_quantized", f"{tag}_dequantized"
        scales[dq] = float(scale)
        return [helper.make_node("QuantizeLinear", [tensor, s, z], [q], name=f"{tag}_QuantizeLinear"),
                helper.make_node("DequantizeLinear", [q, s, z], [dq], name=f"{tag}_DequantizeLinear")], dq

    quantized_nodes = [n for n in graph.node if n.op_type in QUANTIZED_OPS]
    relu_nodes = [n for n in graph.node if n.op_type == "Relu"]
    if len(quantized_nodes) != len(conv_ranges) or len(relu_nodes) != len(relu_max):
        raise RuntimeError("calibration does not match the exported graph "
                           f"({len(quantized_nodes)}/{len(conv_ranges)} Conv+Gemm, {len(relu_nodes)}/{len(relu_max)} Relu)")

    output_nodes = {}  # node name -> nodes to add after it
    renamed = {}  # tensor -> its dequantized name (for every consumer)
    for i, node in enumerate(relu_nodes):
        nodes, dq = qdq(node.output[0], 0.0, relu_max[i], f"relu{i}")
        output_nodes[node.name] = nodes
        renamed[node.output[0]] = dq

    input_nodes = {}  # node name -> nodes to add before it
    for i, node in enumerate(quantized_nodes):
        x = node.input[0]
        before = []
        if x not in renamed:
            low, high = conv_ranges[i]
            before, dq = qdq(x, low, high, f"input{i}")
            node.input[0] = dq
        else:
            dq = renamed[x]
        x_scale = scales[dq]
        weight = array(node.input[1]).astype(np.float64)
        channels = weight.shape[0]
        w_max = np.abs(weight.reshape(channels, -1)).max(axis=1)
        w_scale = np.maximum(w_max / 127.0, 1e-12)
        shape = (channels,) + (1,) * (weight.ndim - 1)
        w_q = np.clip(np.round(weight / w_scale.reshape(shape)), -127, 127).astype(np.int8)
        tag = f"weight{i}"
        new_inits += [numpy_helper.from_array(w_q, f"{tag}_quantized"),
                      numpy_helper.from_array(w_scale.astype(np.float32), f"{tag}_scale"),
                      numpy_helper.from_array(np.zeros(channels, dtype=np.int8), f"{tag}_zero_point")]
        before.append(helper.make_node("DequantizeLinear", [f"{tag}_quantized", f"{tag}_scale", f"{tag}_zero_point"],
                                       [f"{tag}_dequantized"], name=f"{tag}_DequantizeLinear", axis=0))
        node.input[1] = f"{tag}_dequantized"
        if len(node.input) > 2 and node.input[2]:
            bias = array(node.input[2]).astype(np.float64)
            b_scale = (x_scale * w_scale).astype(np.float32)
            b_q = np.round(bias / b_scale.astype(np.float64)).astype(np.int32)
            btag = f"bias{i}"
            new_inits += [numpy_helper.from_array(b_q, f"{btag}_quantized"),
                          numpy_helper.from_array(b_scale, f"{btag}_scale"),
                          numpy_helper.from_array(np.zeros(channels, dtype=np.int32), f"{btag}_zero_point")]
            before.append(helper.make_node("DequantizeLinear", [f"{btag}_quantized", f"{btag}_scale", f"{btag}_zero_point"],
                                           [f"{btag}_dequantized"], name=f"{btag}_DequantizeLinear", axis=0))
            node.input[2] = f"{btag}_dequantized"
        input_nodes[node.name] = before

    # Every consumer of a Relu output reads the dequantized tensor.
    for node in graph.node:
        if node.op_type == "QuantizeLinear":
            continue
        for k, name in enumerate(node.input):
            if name in renamed:
                node.input[k] = renamed[name]

    ordered = []
    for node in graph.node:
        if node.op_type == "Identity" and node.input[0] in inits and node.output[0] in aliases:
            continue
        ordered.extend(input_nodes.get(node.name, []))
        ordered.append(node)
        ordered.extend(output_nodes.get(node.name, []))
    del graph.node[:]
    graph.node.extend(ordered)

    used = {name for node in graph.node for name in node.input}
    kept = [init for init in graph.initializer if init.name in used]
    del graph.initializer[:]
    graph.initializer.extend(kept + new_inits)
    from .export import set_metadata
    set_metadata(model, props)
    onnx.checker.check_model(model)
    return model
