#!/usr/bin/python3
"""Golden second-order quantities for learndyn's engine, computed independently with PyTorch float64.

Run with Debian's python3 (the one that has torch):  /usr/bin/python3 test/golden/make_second_order_fixtures.py

For small MLPs (every activation, every loss, bias on/off, a diagonal-constrained layer, vector outputs,
spectral decoupling) it writes test/golden/second-order/fixtures.json, one entry per case with:

  spec           learndyn's MlpSpec (inputDim, hidden, activation, bias, leakySlope, diagonalLayers, outputDim)
  loss           learndyn's LossSpec, or null for the vector-output objective 1/2 ||f - T||^2 (targets T)
  spectralDecoupling, X (n x d), y (+-1) or T (n x o)
  params         the flat parameter vector in learndyn's layout (W_1 row-major (out x in), b_1, W_2, ...)
  v[k], Hv[k]    directions and H v by double backward (torch.autograd.grad of <grad, v>)
  gradient       dL/dtheta
  hessianEigenvalues   torch.linalg.eigvalsh of the full Hessian (torch.autograd.functional.hessian),
                       ascending
  trace          trace of that Hessian
  ntk            the empirical NTK Gram J J^T (J = d outputs / d params, rows i*o + c), row-major
  ntkEigenvalues torch.linalg.eigvalsh(ntk), ascending

The loss forms are written from their definitions (as in make_fixtures.py), not from learndyn's code.
A diagonal-constrained layer is W * I inside the forward pass, so derivatives with respect to the
off-diagonal entries are exactly 0, as in learndyn (its Hessian is that of the free parameters).
"""

import json
import os

import numpy as np
import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "second-order", "fixtures.json")


def layout(spec):
    widths = [spec["inputDim"], *spec["hidden"], spec.get("outputDim", 1)]
    shapes = []
    for i in range(len(widths) - 1):
        shapes.append(("W", (widths[i + 1], widths[i])))
        if spec["bias"]:
            shapes.append(("b", (widths[i + 1],)))
    return shapes


def unflatten(spec, theta):
    tensors, offset = [], 0
    for _, shape in layout(spec):
        size = int(np.prod(shape))
        tensors.append(theta[offset:offset + size].reshape(shape))
        offset += size
    return tensors


def act(kind, z, slope):
    if kind == "relu":
        return torch.relu(z)
    if kind == "leaky-relu":
        return torch.nn.functional.leaky_relu(z, slope)
    if kind == "tanh":
        return torch.tanh(z)
    if kind == "linear":
        return z
    raise ValueError(kind)


def model_outputs(spec, theta, X):
    tensors = unflatten(spec, theta)
    per_layer = 2 if spec["bias"] else 1
    layers = len(tensors) // per_layer
    h = X
    for l in range(layers):
        W = tensors[l * per_layer]
        if l in spec.get("diagonalLayers", []):
            W = W * torch.eye(W.shape[0], W.shape[1])
        z = h @ W.T
        if spec["bias"]:
            z = z + tensors[l * per_layer + 1]
        h = act(spec["activation"], z, spec["leakySlope"]) if l + 1 < layers else z
    return h


def objective(case, theta, X):
    f = model_outputs(case["spec"], theta, X)
    n = X.shape[0]
    if case["loss"] is None:
        T = torch.tensor(case["T"])
        return 0.5 * ((f - T) ** 2).sum()
    f = f.squeeze(1)
    y = torch.tensor(case["y"])
    m = y * f
    kind, reduction, margin = case["loss"]["kind"], case["loss"]["reduction"], case["loss"]["margin"]
    if kind == "ce":
        per = torch.logaddexp(torch.zeros_like(m), -m)
    elif kind == "hinge":
        per = torch.relu(margin - m)
    else:
        per = 0.5 * (f - y) ** 2
    L = per.sum() if reduction == "sum" else per.mean()
    sd = case.get("spectralDecoupling", 0)
    return L + (sd / 2) * (f * f).mean() if sd > 0 else L


def make_case(name, seed, spec, n, loss, scale=0.8, sd=0.0, description=""):
    rng = np.random.default_rng(seed)
    spec = {"leakySlope": 0.1, "diagonalLayers": [], **spec}
    size = sum(int(np.prod(s)) for _, s in layout(spec))
    theta0 = rng.standard_normal(size) * scale
    # Diagonal layers: off-diagonal entries are 0 in learndyn (init and training keep them there).
    offset = 0
    per_layer = 2 if spec["bias"] else 1
    for j, (kind, shape) in enumerate(layout(spec)):
        count = int(np.prod(shape))
        if kind == "W" and (j // per_layer) in spec["diagonalLayers"]:
            block = theta0[offset:offset + count].reshape(shape)
            block *= np.eye(shape[0], shape[1])
        offset += count
    X = rng.standard_normal((n, spec["inputDim"]))
    case = {"name": name, "description": description, "spec": spec, "loss": loss, "spectralDecoupling": sd,
            "X": X.tolist(), "params": theta0.tolist()}
    outputs = spec.get("outputDim", 1)
    if loss is None:
        case["T"] = rng.standard_normal((n, outputs)).tolist()
    else:
        case["y"] = np.where(rng.random(n) < 0.5, -1.0, 1.0).tolist()

    Xt = torch.tensor(X)
    theta = torch.tensor(theta0, requires_grad=True)
    L = objective(case, theta, Xt)
    (g,) = torch.autograd.grad(L, theta, create_graph=True)
    case["gradient"] = g.detach().tolist()
    case["v"], case["Hv"] = [], []
    for _ in range(2):
        v = torch.tensor(rng.standard_normal(size))
        (hv,) = torch.autograd.grad(g, theta, grad_outputs=v, retain_graph=True)
        case["v"].append(v.tolist())
        case["Hv"].append(hv.tolist())
    H = torch.autograd.functional.hessian(lambda t: objective(case, t, Xt), theta.detach())
    case["hessianEigenvalues"] = torch.linalg.eigvalsh(H).tolist()
    case["trace"] = torch.trace(H).item()
    J = torch.autograd.functional.jacobian(lambda t: model_outputs(spec, t, Xt).reshape(-1), theta.detach())
    K = J @ J.T
    case["ntk"] = K.reshape(-1).tolist()
    case["ntkEigenvalues"] = torch.linalg.eigvalsh(K).tolist()
    case["torch"] = f"torch {torch.__version__} float64, autograd double backward"
    return case


def ce(reduction="sum"):
    return {"kind": "ce", "reduction": reduction, "margin": 1}


CASES = [
    make_case("relu-ce", 1, {"inputDim": 4, "hidden": [5], "activation": "relu", "bias": False}, 9, ce(),
              description="2-layer ReLU, no bias, CE sum"),
    make_case("leaky-hinge-bias", 2, {"inputDim": 3, "hidden": [4, 3], "activation": "leaky-relu", "bias": True},
              10, {"kind": "hinge", "reduction": "sum", "margin": 1.5},
              description="leaky-relu(0.1) [4, 3] with bias, hinge margin 1.5 (its own curvature is 0 a.e.)"),
    make_case("tanh-squared-mean-bias", 3, {"inputDim": 3, "hidden": [4, 3], "activation": "tanh", "bias": True},
              8, {"kind": "squared", "reduction": "mean", "margin": 1},
              description="tanh [4, 3] with bias, squared loss mean"),
    make_case("deep-linear-ce", 4, {"inputDim": 3, "hidden": [3, 3], "activation": "linear", "bias": False},
              7, ce(), description="deep linear [3, 3], CE sum"),
    make_case("diagonal-relu-ce", 5, {"inputDim": 4, "hidden": [4], "activation": "relu", "bias": False,
                                      "diagonalLayers": [0]}, 6, ce(),
              description="first layer diagonal-constrained, ReLU, CE sum"),
    make_case("tanh-ce-mean-sd", 6, {"inputDim": 2, "hidden": [6], "activation": "tanh", "bias": True}, 12,
              ce("mean"), sd=0.5, description="tanh with bias, CE mean plus spectral decoupling 0.5"),
    make_case("tanh-vector-squared", 7, {"inputDim": 2, "hidden": [4], "activation": "tanh", "bias": True,
                                         "outputDim": 2}, 6, None,
              description="vector outputs (2), tanh with bias, 1/2 ||f - T||^2 summed"),
]


def main():
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump(CASES, fh, separators=(",", ":"))
        fh.write("\n")
    for c in CASES:
        print(f"{c['name']:24s} params {len(c['params']):3d}  top eigenvalue {c['hessianEigenvalues'][-1]:.6g}"
              f"  trace {c['trace']:.6g}  top NTK eigenvalue {c['ntkEigenvalues'][-1]:.6g}")


if __name__ == "__main__":
    main()
