#!/usr/bin/python3
"""Golden trajectories for learndyn's engine, computed independently with PyTorch float64.

Run with Debian's python3 (the one that has torch):  /usr/bin/python3 test/golden/make_fixtures.py

Every case builds its data and initial weights here (seeded numpy), trains a torch float64 MLP
(nn.Linear layers) for STEPS full-batch steps with torch.optim, and writes test/golden/fixtures/<name>.json:

  name, description, torch  -- what made it
  config                    -- the learndyn run config WITHOUT `data` and `init` (the test adds
                               data = {kind: "inline", x: X, y} and init = {scheme: "explicit", weights})
  X (n x d), y (+-1)
  initial, final            -- per layer {W (out x in), b?}, first layer to output layer
  loss[s]                   -- data loss (reduced as configured, without penalties) at the parameters
                               after s steps, s = 0..STEPS (learndyn's history[s].loss)
  penalty[s]                -- spectral-decoupling penalty lambda/2 * mean(f^2) (only when lambda > 0)

Loss forms (written from their definitions, not from learndyn's code):
  ce      softplus(-y f) = logaddexp(0, -y f)
  hinge   relu(margin - y f)        (relu, so the subgradient at the kink is 0 as in learndyn)
  squared 0.5 (f - y)^2
"""

import json
import os

import numpy as np
import torch
import torch.nn as nn

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)

STEPS = 100
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")


def make_mlp(d, hidden, activation, bias, slope):
    widths = [d, *hidden, 1]
    layers = []
    for i in range(len(widths) - 1):
        layers.append(nn.Linear(widths[i], widths[i + 1], bias=bias))
        if i + 2 < len(widths):
            if activation == "relu":
                layers.append(nn.ReLU())
            elif activation == "leaky-relu":
                layers.append(nn.LeakyReLU(slope))
            elif activation == "tanh":
                layers.append(nn.Tanh())
            elif activation == "linear":
                pass
            else:
                raise ValueError(activation)
    return nn.Sequential(*layers)


def linears(net):
    return [m for m in net if isinstance(m, nn.Linear)]


def export(net):
    out = []
    for lin in linears(net):
        layer = {"W": lin.weight.detach().tolist()}
        if lin.bias is not None:
            layer["b"] = lin.bias.detach().tolist()
        out.append(layer)
    return out


def data_loss(kind, reduction, margin, f, y):
    m = y * f
    if kind == "ce":
        per = torch.logaddexp(torch.zeros_like(m), -m)
    elif kind == "hinge":
        per = torch.relu(margin - m)
    elif kind == "squared":
        per = 0.5 * (f - y) ** 2
    else:
        raise ValueError(kind)
    return per.sum() if reduction == "sum" else per.mean()


def orthogonalish(rng, n, d, norms, noise):
    """n <= d points: scaled rows of a random orthogonal matrix plus a little noise."""
    q, _ = np.linalg.qr(rng.standard_normal((d, d)))
    x = q[:n] * np.asarray(norms)[:, None]
    return x + noise * rng.standard_normal((n, d))


def run_case(case, perturb=0.0):
    """Trains one case; `perturb` scales X by (1 + perturb) to measure sensitivity to rounding."""
    rng = np.random.default_rng(case["seed"])
    model = {"hidden": case["hidden"], "activation": case.get("activation", "relu"),
             "bias": case.get("bias", False), "leakySlope": case.get("leakySlope", 0.01)}
    loss = {"kind": case.get("loss", "ce"), "reduction": case.get("reduction", "sum"),
            "margin": case.get("margin", 1)}
    opt = {"kind": case.get("optimizer", "gd"), "lr": case["lr"], "momentum": case.get("momentum", 0),
           "nesterov": case.get("nesterov", False), "weightDecay": case.get("weightDecay", 0)}
    if opt["kind"] == "adam":
        opt.update({"beta1": 0.9, "beta2": 0.999, "eps": 1e-8})
    sd = case.get("spectralDecoupling", 0)

    n, d = case["n"], case["d"]
    if case["data"] == "orthogonal":
        X = orthogonalish(rng, n, d, case.get("norms", [1.0] * n), case.get("noise", 0.0))
    else:
        X = rng.standard_normal((n, d))
    y = np.where(rng.random(n) < 0.5, -1.0, 1.0)
    if case.get("alternating"):
        y = np.array([1.0 if i % 2 == 0 else -1.0 for i in range(n)])

    net = make_mlp(d, model["hidden"], model["activation"], model["bias"], model["leakySlope"])
    scale = case.get("initScale", 0.5)
    with torch.no_grad():
        for lin in linears(net):
            fan_in = lin.weight.shape[1]
            lin.weight.copy_(torch.from_numpy(rng.standard_normal(lin.weight.shape) * scale / np.sqrt(fan_in)))
            if lin.bias is not None:
                lin.bias.copy_(torch.from_numpy(0.1 * rng.standard_normal(lin.bias.shape)))
    initial = export(net)

    if opt["kind"] == "adam":
        optimizer = torch.optim.Adam(net.parameters(), lr=opt["lr"], betas=(0.9, 0.999), eps=1e-8,
                                     weight_decay=opt["weightDecay"])
    else:
        optimizer = torch.optim.SGD(net.parameters(), lr=opt["lr"], momentum=opt["momentum"],
                                    nesterov=opt["nesterov"], weight_decay=opt["weightDecay"])

    Xt = torch.from_numpy(X * (1 + perturb))
    yt = torch.from_numpy(y)
    losses, penalties = [], []
    for step in range(STEPS + 1):
        f = net(Xt).squeeze(1)
        L = data_loss(loss["kind"], loss["reduction"], loss["margin"], f, yt)
        P = (sd / 2) * (f * f).mean()
        losses.append(L.item())
        penalties.append(P.item())
        if step == STEPS:
            break
        optimizer.zero_grad()
        (L + P if sd > 0 else L).backward()
        optimizer.step()

    config = {
        "seed": 0,
        "model": model,
        "loss": loss,
        "optimizer": opt,
        "regularization": {"spectralDecoupling": sd},
        "train": {"steps": STEPS},
        "probes": {"schedule": {"kind": "every", "every": 1}},
    }
    fixture = {
        "name": case["name"],
        "description": case["description"],
        "torch": f"torch {torch.__version__} float64, 1 thread, torch.optim.{type(optimizer).__name__}",
        "config": config,
        "X": X.tolist(),
        "y": y.tolist(),
        "initial": initial,
        "loss": losses,
        "final": export(net),
    }
    if sd > 0:
        fixture["penalty"] = penalties
    return fixture


CASES = [
    dict(name="theory-relu2-orthogonal", seed=1, data="orthogonal", n=4, d=4, hidden=[4], lr=0.1,
         norms=[1.0, 0.8, 1.2, 0.6], noise=0.02, alternating=True, initScale=0.3,
         description="THEORY.md's net: 2-layer ReLU, no bias, d=4, width 4, 4 near-orthogonal points, CE sum, GD"),
    dict(name="theory-relu2-random", seed=2, data="random", n=4, d=4, hidden=[4], lr=0.1, initScale=0.5,
         description="2-layer ReLU, no bias, d=4, width 4, 4 Gaussian points, CE sum, GD"),
    dict(name="relu2-wider", seed=3, data="random", n=24, d=6, hidden=[12], lr=0.05, initScale=0.8,
         description="2-layer ReLU, no bias, d=6, width 12, 24 Gaussian points, CE sum, GD"),
    dict(name="tanh3-bias-mean", seed=4, data="random", n=10, d=3, hidden=[5, 4, 3], activation="tanh",
         bias=True, reduction="mean", lr=0.2, initScale=1.0,
         description="3 hidden tanh layers with bias, CE mean, GD"),
    dict(name="leaky-momentum", seed=5, data="random", n=8, d=3, hidden=[6], activation="leaky-relu",
         leakySlope=0.1, bias=True, lr=0.02, momentum=0.9,
         description="leaky-relu(0.1) with bias, CE sum, heavy-ball momentum 0.9"),
    dict(name="leaky-nesterov", seed=6, data="random", n=8, d=3, hidden=[6], activation="leaky-relu",
         leakySlope=0.1, bias=True, lr=0.02, momentum=0.9, nesterov=True,
         description="leaky-relu(0.1) with bias, CE sum, Nesterov momentum 0.9"),
    dict(name="sgd-momentum-weight-decay", seed=7, data="random", n=8, d=4, hidden=[5], bias=True, lr=0.05,
         momentum=0.5, weightDecay=0.01,
         description="ReLU with bias, CE sum, momentum 0.5, coupled weight decay 0.01"),
    dict(name="adam-weight-decay", seed=8, data="random", n=12, d=4, hidden=[8], bias=True,
         reduction="mean", optimizer="adam", lr=0.01, weightDecay=0.01,
         description="ReLU with bias, CE mean, Adam (0.9, 0.999, 1e-8), coupled weight decay 0.01"),
    dict(name="hinge-relu", seed=9, data="random", n=10, d=3, hidden=[6], lr=0.02, initScale=0.8,
         loss="hinge", description="ReLU, no bias, hinge max(0, 1 - y f) sum, GD"),
    # kappa != 1, so a gradient that tests m < 1 instead of m < kappa changes the trajectory: during the 100
    # steps the points' margins cross 1 on their way to 2.5 (and some stay between).
    dict(name="hinge-margin", seed=14, data="random", n=10, d=3, hidden=[6], lr=0.02, initScale=0.8,
         loss="hinge", margin=2.5, reduction="sum",
         description="ReLU, no bias, hinge max(0, 2.5 - y f) sum (margin kappa = 2.5), GD"),
    dict(name="squared-tanh-mean", seed=10, data="random", n=10, d=3, hidden=[6], activation="tanh",
         bias=True, loss="squared", reduction="mean", lr=0.2,
         description="tanh with bias, squared loss 1/2 (f - y)^2 mean, GD"),
    dict(name="ce-mean-relu2", seed=2, data="random", n=4, d=4, hidden=[4], lr=0.4, reduction="mean",
         initScale=0.5, description="same data and init as theory-relu2-random, CE mean, lr 4x (same flow)"),
    dict(name="spectral-decoupling", seed=11, data="random", n=10, d=4, hidden=[6], lr=0.05,
         spectralDecoupling=0.5, initScale=0.8,
         description="ReLU, no bias, CE sum plus spectral decoupling 0.5/2 * mean(f^2), GD"),
    dict(name="linear-model", seed=12, data="random", n=12, d=5, hidden=[], lr=0.05, bias=True,
         description="linear model f = w.x + b (hidden []), CE sum, GD"),
    dict(name="deep-linear", seed=13, data="random", n=8, d=3, hidden=[4, 3], activation="linear", lr=0.05,
         initScale=0.8, description="deep linear net (identity activation), hidden [4, 3], no bias, CE sum, GD"),
]


def sensitivity(case, fixture):
    """Largest relative loss change when X is scaled by (1 + 1e-15): how much the trajectory amplifies
    rounding. A case above ~1e-12 is chaotic (e.g. lr past the edge of stability) and cannot be a
    golden fixture at tolerance 1e-10, since two correct float64 implementations differ in rounding."""
    other = run_case(case, perturb=1e-15)
    return max(abs(a - b) / max(abs(a), abs(b)) for a, b in zip(fixture["loss"], other["loss"]))


def main():
    os.makedirs(OUT, exist_ok=True)
    for case in CASES:
        fixture = run_case(case)
        amp = sensitivity(case, fixture)
        if amp > 1e-12:
            raise SystemExit(f"{case['name']}: trajectory amplifies a 1e-15 input change to {amp:.2e}; "
                             "lower lr or change the case")
        path = os.path.join(OUT, f"{case['name']}.json")
        with open(path, "w") as fh:
            json.dump(fixture, fh, separators=(",", ":"))
            fh.write("\n")
        print(f"{case['name']:28s} loss {fixture['loss'][0]:.6g} -> {fixture['loss'][-1]:.6g}"
              f"   sensitivity to 1e-15 in X: {amp:.1e}")


if __name__ == "__main__":
    main()
