#!/usr/bin/python3
"""PyTorch float64 peer of bench/batched.mjs: the `failure` ensemble trained batched.

Usage: /usr/bin/python3 bench/batched_torch.py '{"side": 256, "steps": 2000, "lr": 0.05, "threads": 2}'
Runs side x side one-unit ReLU nets f = b * relu(a * x) on the point x = 1, y = +1 (the `failure` built-in's
data), starts (a0, b0) on the built-in's grid (a0 in [-1.175, 1.175], b0 in [-1.2, 1.2]), CE with sum
reduction, plain GD for `steps` steps, the runs as stacks of `chunk` runs (default all at once) with torch.bmm products (this
torch has no torch.func.vmap). Gradients are written by hand (forward, dL/df, backward with bmm: the fastest
honest torch form, no autograd graph); records (loss, error, margin of every run) at learndyn's log schedule
with perDecade 10. No per-step divergence check (learndyn does one per run per step: this favours torch).
Prints one JSON object: {torch, threads, runs, steps, seconds, cpuSeconds, runsPerSecond, cpuRunsPerSecond,
failed (runs whose final error is 1)}.
"""

import json
import math
import sys
import time

import torch

cfg = json.loads(sys.argv[1]) if len(sys.argv) > 1 else {}
side = int(cfg.get("side", 256))
steps = int(cfg.get("steps", 2000))
lr = float(cfg.get("lr", 0.05))
threads = int(cfg.get("threads", 1))
per_decade = int(cfg.get("perDecade", 10))
chunk = int(cfg.get("chunk", 0)) or side * side
torch.set_num_threads(threads)
dt = torch.float64


def record_steps(total, per_decade):
    """learndyn's log schedule (src/train/schedule.ts): 0, then round(10^(k/perDecade)), then total."""
    out = {0}
    k = 0
    while True:
        s = round(10 ** (k / per_decade))
        if s >= total:
            break
        out.add(s)
        k += 1
    out.add(total)
    return sorted(out)


a0 = torch.linspace(-1.175, 1.175, side, dtype=dt)
b0 = torch.linspace(-1.2, 1.2, side, dtype=dt)
A, Bg = torch.meshgrid(a0, b0, indexing="ij")
R = side * side
records = set(record_steps(steps, per_decade))
failed = 0


def train(W1, W2):
    """GD on one stack of runs; returns the final record's error per run."""
    runs = W1.shape[0]
    x = torch.ones(runs, 1, 1, dtype=dt)  # (runs, n 1, d 1)
    y = torch.ones(runs, 1, 1, dtype=dt)
    history = []
    for step in range(steps + 1):
        z1 = torch.bmm(x, W1.transpose(1, 2))  # (runs, n, h)
        h = torch.relu(z1)
        f = torch.bmm(h, W2.transpose(1, 2))  # (runs, n, 1)
        m = y * f
        if step in records:
            loss = torch.nn.functional.softplus(-m).sum(dim=(1, 2))
            error = (m <= 0).to(dt).mean(dim=(1, 2))
            history.append((step, loss, error, m.amin(dim=(1, 2))))
        if step == steps:
            break
        dz2 = -y * torch.sigmoid(-m)  # dL/df, sum reduction
        gW2 = torch.bmm(dz2.transpose(1, 2), h)  # (runs, 1, h)
        dh = torch.bmm(dz2, W2)  # (runs, n, h)
        dz1 = dh * (z1 > 0)
        gW1 = torch.bmm(dz1.transpose(1, 2), x)  # (runs, h, d)
        W1 -= lr * gW1
        W2 -= lr * gW2
    return history[-1][2]


t0, c0 = time.perf_counter(), time.process_time()
flatA, flatB = A.reshape(R), Bg.reshape(R)
for start in range(0, R, chunk):
    W1 = flatA[start : start + chunk].reshape(-1, 1, 1).clone()  # (runs, hidden 1, d 1)
    W2 = flatB[start : start + chunk].reshape(-1, 1, 1).clone()  # (runs, out 1, hidden 1)
    failed += int((train(W1, W2) == 1).sum())
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
print(
    json.dumps(
        {
            "torch": torch.__version__,
            "threads": threads,
            "runs": R,
            "steps": steps,
            "seconds": seconds,
            "cpuSeconds": cpu,
            "runsPerSecond": R / seconds,
            "cpuRunsPerSecond": R / cpu,
            "chunk": chunk,
            "failed": failed,
        }
    )
)
