#!/usr/bin/python3
"""PyTorch float64 peer of bench/second-order.mjs: gradient and Hessian-vector product times.

Usage: /usr/bin/python3 bench/second_order_torch.py '<json list of workloads>' REPS
Prints {torch, results: [{name, gradient, hvp}]} (median seconds). The gradient is forward + loss +
backward; the HVP is forward + loss + grad(create_graph=True) + grad(<g, v>), the usual double backward
(torch rebuilds the graph per product: it has no cached forward like learndyn's setPoint, so this peer
HVP includes one forward pass).
"""

import json
import statistics
import sys
import time

import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)


def net(w):
    widths = [w["d"], *w["hidden"], 1]
    layers = []
    for i in range(len(widths) - 1):
        layers.append(torch.nn.Linear(widths[i], widths[i + 1], bias=False))
        if i + 2 < len(widths):
            if w["activation"] == "relu":
                layers.append(torch.nn.ReLU())
            elif w["activation"] == "tanh":
                layers.append(torch.nn.Tanh())
    return torch.nn.Sequential(*layers)


def loss_of(w, f, y):
    if w["loss"] == "ce":
        return torch.logaddexp(torch.zeros_like(f), -y * f).sum()
    return (0.5 * (f - y) ** 2).sum()


def timed(fn, reps):
    t0 = time.perf_counter()
    fn()
    inner = max(1, int(0.1 / max(time.perf_counter() - t0, 1e-7)) + 1)
    out = []
    for _ in range(reps):
        t0 = time.perf_counter()
        for _ in range(inner):
            fn()
        out.append((time.perf_counter() - t0) / inner)
    return statistics.median(out)


def main():
    workloads = json.loads(sys.argv[1])
    reps = int(sys.argv[2])
    results = []
    for w in workloads:
        torch.manual_seed(1)
        model = net(w)
        X = torch.randn(w["n"], w["d"])
        y = torch.where(torch.rand(w["n"]) < 0.5, -1.0, 1.0)
        params = list(model.parameters())
        v = [torch.randn_like(p) for p in params]

        def gradient():
            f = model(X).squeeze(1)
            torch.autograd.grad(loss_of(w, f, y), params)

        def hvp():
            f = model(X).squeeze(1)
            g = torch.autograd.grad(loss_of(w, f, y), params, create_graph=True)
            dot = sum((gi * vi).sum() for gi, vi in zip(g, v))
            torch.autograd.grad(dot, params)

        results.append({"name": w["name"], "gradient": timed(gradient, reps), "hvp": timed(hvp, reps)})
    print(json.dumps({"torch": torch.__version__, "results": results}))


if __name__ == "__main__":
    main()
