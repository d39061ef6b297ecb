#!/usr/bin/python3
"""PyTorch float64 peer of bench/engine.mjs: full-batch GD steps/s of a 2-layer ReLU MLP with CE.

Usage: /usr/bin/python3 bench/engine_torch.py '<json list of workloads>'
Each workload: {name, d, hidden: [widths], n, lr, warmup, reps, targetSeconds}; the steps per timed
repetition are chosen from the warm-up's speed so that one repetition takes about targetSeconds (at least 1). Prints one JSON object on stdout:
{torch, threads, blas: [shared libraries with "blas" in their name mapped into this process],
 results: [{name, stepsPerSecond: [per rep], median, cpuStepsPerSecond, cpuMedian}]}, where the cpu
rates divide by this process's CPU time (steadier than wall time on a shared, loaded machine).

Same model as learndyn's bench: Linear(d, h1, bias=False) -> ReLU -> ... -> Linear(h_last, 1, bias=False),
loss sum_i log(1 + exp(-y_i f(x_i))), torch.optim.SGD (plain), float64, 1 thread.
A step is zero_grad, forward, loss, backward, optimizer step (no .item(): learndyn reads its loss
every step for divergence checks, so this favours torch slightly).
"""

import json
import statistics
import sys
import time

import torch
import torch.nn as nn

torch.set_default_dtype(torch.float64)
# Threads: argv[2] (default 1); the BLAS follows OPENBLAS_NUM_THREADS / OMP_NUM_THREADS set by the caller.
torch.set_num_threads(int(sys.argv[2]) if len(sys.argv) > 2 else 1)


def blas_libraries():
    libs = set()
    with open("/proc/self/maps") as fh:
        for line in fh:
            path = line.split()[-1]
            if "blas" in path.lower() or "lapack" in path.lower():
                libs.add(path)
    return sorted(libs)


def bench(w):
    torch.manual_seed(0)
    d, hidden, n = w["d"], w["hidden"], w["n"]
    X = torch.randn(n, d)
    teacher = torch.randn(d)
    y = torch.sign(X @ teacher)
    y[y == 0] = 1
    widths = [d, *hidden]
    layers = []
    for a, b in zip(widths, widths[1:]):
        layers += [nn.Linear(a, b, bias=False), nn.ReLU()]
    layers.append(nn.Linear(widths[-1], 1, bias=False))
    net = nn.Sequential(*layers)
    for lin in net:
        if isinstance(lin, nn.Linear):
            nn.init.kaiming_normal_(lin.weight, nonlinearity="relu")
    opt = torch.optim.SGD(net.parameters(), lr=w["lr"])
    zero = torch.zeros(n)

    def step():
        opt.zero_grad()
        f = net(X).squeeze(1)
        loss = torch.logaddexp(zero, -y * f).sum()
        loss.backward()
        opt.step()

    t0 = time.perf_counter()
    for _ in range(w["warmup"]):
        step()
    per_step = (time.perf_counter() - t0) / w["warmup"]
    k = max(1, round(w["targetSeconds"] / per_step))
    rates, cpu_rates = [], []
    for _ in range(w["reps"]):
        t0, c0 = time.perf_counter(), time.process_time()
        for _ in range(k):
            step()
        rates.append(k / (time.perf_counter() - t0))
        cpu_rates.append(k / (time.process_time() - c0))
    return {"name": w["name"], "stepsPerRep": k, "stepsPerSecond": rates, "median": statistics.median(rates),
            "cpuStepsPerSecond": cpu_rates, "cpuMedian": statistics.median(cpu_rates)}


def main():
    workloads = json.loads(sys.argv[1])
    results = [bench(w) for w in workloads]
    print(json.dumps({"torch": torch.__version__, "threads": torch.get_num_threads(),
                      "blas": blas_libraries(), "results": results}))


if __name__ == "__main__":
    main()
