#!/usr/bin/python3
"""PyTorch float64 peer of bench/cmnist-step.mjs: one full-batch step of the Colored MNIST protocol.

Usage: /usr/bin/python3 bench/cmnist_step_torch.py N REPS
MLP 392-300-300-1 with biases, ReLU, Xavier-uniform; loss = mean BCE + 2e-5 * mean(f^2) on N inputs
shaped like colored MNIST; torch.optim.Adam; float64, 1 thread. Times forward (incl. loss), backward and
the Adam step separately, wall and CPU (time.process_time); prints one JSON object (median over REPS,
after one warm-up) with the same keys as the learndyn rows.
"""

import json
import sys
import time

import torch

torch.set_default_dtype(torch.float64)
torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
n, reps = int(sys.argv[1]), int(sys.argv[2])
g = torch.Generator().manual_seed(0)
x = torch.zeros(n, 392)
half = torch.rand(n, generator=g) < 0.5
pix = torch.rand(n, 196, generator=g) * (torch.rand(n, 196, generator=g) < 0.2)
x[half, :196] = pix[half]
x[~half, 196:] = pix[~half]
y = (torch.rand(n, 1, generator=g) < 0.5).double()
lins = [torch.nn.Linear(392, 300), torch.nn.Linear(300, 300), torch.nn.Linear(300, 1)]
for lin in lins:
    torch.nn.init.xavier_uniform_(lin.weight)
    torch.nn.init.zeros_(lin.bias)
mlp = torch.nn.Sequential(lins[0], torch.nn.ReLU(True), lins[1], torch.nn.ReLU(True), lins[2])
opt = torch.optim.Adam(mlp.parameters(), lr=1e-7)
rows = []
for r in range(reps + 1):
    w0, c0 = time.perf_counter(), time.process_time()
    logits = mlp(x)
    loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, y) + 2e-5 * (logits**2).mean()
    w1 = time.perf_counter()
    opt.zero_grad()
    loss.backward()
    w2 = time.perf_counter()
    opt.step()
    w3, c3 = time.perf_counter(), time.process_time()
    if r > 0:
        rows.append({"wall": w3 - w0, "cpu": c3 - c0, "forward": w1 - w0, "backward": w2 - w1, "update": w3 - w2})


def med(k):
    v = sorted(row[k] for row in rows)
    return v[len(v) // 2]


print(json.dumps({"name": f"torch {torch.__version__} float64", **{k: med(k) for k in rows[0]}}))
