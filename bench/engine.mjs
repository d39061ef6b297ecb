// Engine throughput: steps/s of full-batch GD with CE on ReLU MLPs (no bias), through the trainer users
// run, for every backend and thread count, against the PyTorch float64 peer (bench/engine_torch.py) on
// the same thread counts, with each BLAS Debian has (OpenBLAS and the reference BLAS, chosen per torch
// process through LD_LIBRARY_PATH: the system's alternatives are left alone), when Debian's torch exists.
//
//   npm run bench                       (builds dist/ first)
//   node bench/engine.mjs [--only tiny,paper] [--backend js,wasm,native] [--threads 1,2] [--reps 5]
//                         [--seconds 1] [--blas openblas,reference] [--pin CPU|none] [--no-torch]
//
// The ladder of issue 8: tiny 2-8-1 (n 200), paper 100-100-1 (n 1000), wide 784-300-1 (n 2000), and
// cmnist 392-300-300-1 (n 50,000; the Colored MNIST shapes, Gaussian data), one step per repetition.
//
// Prints a markdown table (median of the timed repetitions, after warm-up) and the BLAS torch uses.
// Timings live here, never in tests. The VM is shared: expect ±10–20 % between runs, compare ratios.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseRunConfig } from "../dist/config/validate.js";
import { BACKENDS, createBackend } from "../dist/engine/backends.js";
import "../dist/node/native-addon.js";
import { Rng } from "../dist/engine/rng.js";
import { useNodeThreads } from "../dist/node/threads.js";
import { createTrainer } from "../dist/train/trainer.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const PYTHON = "/usr/bin/python3";
/** Where Debian's BLAS builds keep a libblas.so.3 (torch links libblas.so.3). */
const BLAS_DIRS = {
  openblas: "/usr/lib/x86_64-linux-gnu/openblas-pthread",
  reference: "/usr/lib/x86_64-linux-gnu/blas",
};

/** The ladder from the issue. lr is small enough that no run diverges during a benchmark. */
const WORKLOADS = [
  { name: "tiny", d: 2, hidden: [8], n: 200, lr: 1e-3, warmup: 2000 },
  { name: "paper", d: 100, hidden: [100], n: 1000, lr: 1e-4, warmup: 20 },
  { name: "wide", d: 784, hidden: [300], n: 2000, lr: 1e-5, warmup: 3 },
  // One step per repetition (a step is ~60 GFLOP), at most 3 repetitions.
  { name: "cmnist", d: 392, hidden: [300, 300], n: 50_000, lr: 1e-7, warmup: 1, oneStep: true, maxReps: 3 },
];

function parseArgs(argv) {
  const args = {
    only: null,
    backends: [...BACKENDS],
    threads: [1, 2],
    reps: 5,
    torch: true,
    seconds: 1,
    blas: Object.keys(BLAS_DIRS),
    // The vCPU for one-thread runs (null: no pinning); default the last one, where taskset exists.
    pin: existsSync("/usr/bin/taskset") ? os.availableParallelism() - 1 : null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--only") args.only = argv[++i].split(",");
    else if (a === "--backend") args.backends = argv[++i].split(",");
    else if (a === "--threads") args.threads = argv[++i].split(",").map(Number);
    else if (a === "--blas") args.blas = argv[++i].split(",");
    else if (a === "--pin") {
      const v = argv[++i];
      args.pin = v === "none" ? null : Number(v);
    } else if (a === "--reps") args.reps = Number(argv[++i]);
    else if (a === "--seconds") args.seconds = Number(argv[++i]);
    else if (a === "--no-torch") args.torch = false;
    else
      throw new Error(
        `unknown argument ${a}; use --only a,b --backend js,wasm,native --threads 1,2 --reps N --seconds S --blas openblas,reference --pin CPU|none --no-torch`,
      );
  }
  return args;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Gaussian inputs, labels from a random linear teacher (as the torch peer, with its own numbers). */
function makeData(w) {
  const rng = new Rng(1, "bench-data");
  const x = new Float64Array(w.n * w.d);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  const teacher = Array.from({ length: w.d }, () => rng.normal());
  const y = new Float64Array(w.n);
  for (let i = 0; i < w.n; i++) {
    let s = 0;
    for (let j = 0; j < w.d; j++) s += teacher[j] * x[i * w.d + j];
    y[i] = s >= 0 ? 1 : -1;
  }
  return { train: { name: `bench-${w.name}`, n: w.n, d: w.d, x, y }, tests: {} };
}

function makeTrainer(w, backend, data) {
  const config = parseRunConfig({
    name: `bench-${w.name}`,
    model: { hidden: w.hidden, activation: "relu", bias: false },
    init: { scheme: "he-normal" },
    loss: { kind: "ce", reduction: "sum" },
    optimizer: { kind: "gd", lr: w.lr },
    train: { steps: 1e9 },
    probes: { schedule: { kind: "every", every: 1e9 } },
  });
  return createTrainer(config, data, { backend });
}

/** A backend of `name` on `threads` threads (wasm: helper threads; native: its own pool). */
function makeBackend(name, threads) {
  useNodeThreads(threads);
  return createBackend(name);
}

/** Waits (up to 5 s) until a threaded backend's helpers are running, so timing starts at full strength. */
async function helpersUp(backend) {
  const want = (backend.threads ?? 1) - 1;
  for (let i = 0; i < 500 && backend.helpersReady && backend.helpersReady() < want; i++)
    await new Promise((r) => setTimeout(r, 10));
}

async function benchLearndyn(w, backend, data, reps, seconds) {
  const trainer = makeTrainer(w, backend, data);
  trainer.advance(1); // the first large product starts the helper threads
  await helpersUp(backend);
  let t0 = process.hrtime.bigint();
  trainer.advance(w.warmup);
  const perStep = Number(process.hrtime.bigint() - t0) / 1e9 / w.warmup;
  const k = w.oneStep ? 1 : Math.max(1, Math.round(seconds / perStep));
  if (w.maxReps) reps = Math.min(reps, w.maxReps);
  const rates = [];
  const cpuRates = [];
  for (let r = 0; r < reps; r++) {
    t0 = process.hrtime.bigint();
    const c0 = process.cpuUsage();
    trainer.advance(k);
    rates.push(k / (Number(process.hrtime.bigint() - t0) / 1e9));
    const c = process.cpuUsage(c0);
    cpuRates.push(k / ((c.user + c.system) / 1e6));
  }
  if (trainer.status !== "running") throw new Error(`${w.name}: run ended early (${trainer.stopReason})`);
  trainer.dispose();
  backend.dispose?.();
  return {
    stepsPerRep: k,
    stepsPerSecond: rates,
    median: median(rates),
    cpuStepsPerSecond: cpuRates,
    cpuMedian: median(cpuRates),
  };
}

function torchAvailable() {
  if (!existsSync(PYTHON)) return false;
  try {
    execFileSync(PYTHON, ["-c", "import torch"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

function benchTorch(workloads, reps, seconds, blas, threads, pin) {
  const spec = workloads.map((w) => ({
    ...w,
    reps: w.maxReps ? Math.min(reps, w.maxReps) : reps,
    targetSeconds: w.oneStep ? 0 : seconds,
  }));
  const t = String(threads);
  const [file, ...rest] = pinned(
    [PYTHON, join(HERE, "engine_torch.py"), JSON.stringify(spec), t],
    threads,
    pin,
  );
  const out = execFileSync(file, rest, {
    encoding: "utf8",
    env: {
      ...process.env,
      LD_LIBRARY_PATH: BLAS_DIRS[blas],
      OMP_NUM_THREADS: t,
      OPENBLAS_NUM_THREADS: t,
      MKL_NUM_THREADS: t,
    },
    maxBuffer: 1 << 20,
  });
  const parsed = JSON.parse(out);
  return { ...parsed, maps: parsed.blas, blas, threads };
}

const fmt = (v, digits = 3) => (v >= 100 ? v.toFixed(0) : v.toPrecision(digits));

/**
 * One (workload, backend, threads) measurement in a fresh Node process, as a user runs one backend per
 * process: in one process, the engine's call sites turn polymorphic over several backends and the
 * first-measured backend pays for the JIT (seen: tiny 99k vs 142k steps/s depending on order).
 */
function measureInChild(task, pin) {
  const command = [process.execPath, fileURLToPath(import.meta.url), "--child", JSON.stringify(task)];
  const [file, ...rest] = pinned(command, task.threads, pin);
  const out = execFileSync(file, rest, { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  return JSON.parse(out);
}

/**
 * One-thread runs (learndyn and torch alike) on the same vCPU, via taskset: on this VM the two vCPUs
 * differ by ~30 % (vCPU 0: 350–360 paper steps/s, vCPU 1: 505–530, same process pinned), so unpinned
 * one-thread ratios depended on where each process landed. Multi-thread runs use every core.
 */
function pinned(command, threads, pin) {
  return threads === 1 && pin != null ? ["taskset", "-c", String(pin), ...command] : command;
}

async function child(task) {
  const w = WORKLOADS.find((x) => x.name === task.workload);
  const backend = makeBackend(task.backend, task.threads);
  const r = await benchLearndyn(w, backend, makeData(w), task.reps, task.seconds);
  process.stdout.write(
    JSON.stringify({ ...w, backend: backend.name, requested: task.backend, threads: task.threads, ...r }),
  );
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const workloads = WORKLOADS.filter((w) => !args.only || args.only.includes(w.name));
  const blases = args.blas.filter((b) => existsSync(join(BLAS_DIRS[b] ?? "/nonexistent", "libblas.so.3")));
  const torch = [];
  if (args.torch && torchAvailable())
    for (const blas of blases)
      for (const t of args.threads)
        torch.push(benchTorch(workloads, args.reps, args.seconds, blas, t, args.pin));
  const runs = [];
  for (const w of workloads)
    for (const name of args.backends)
      for (const threads of name === "js" ? [1] : args.threads)
        runs.push(
          measureInChild(
            {
              workload: w.name,
              backend: name,
              threads,
              reps: args.reps,
              seconds: args.seconds,
            },
            args.pin,
          ),
        );

  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  console.log("\nlearndyn engine: full-batch GD, CE (sum), ReLU MLP without bias, float64");
  console.log(
    `Node ${process.version}, ${cpu}, ${os.cpus().length} vCPU, load ${os.loadavg()[0].toFixed(2)}`,
  );
  for (const t of torch)
    console.log(`PyTorch ${t.torch} float64, ${t.threads} thread(s), ${t.blas}: maps ${t.maps.join(", ")}`);
  console.log(
    `median of ${args.reps} repetitions of ~${args.seconds} s after warm-up (cmnist: 1 step, ≤ 3 reps);`,
  );
  console.log(
    `ratios: learndyn / torch steps per second on the same thread count (wall clock); 1-thread runs pinned to vCPU ${args.pin ?? "none"}\n`,
  );
  const torchCols = blases.filter(() => torch.length > 0);
  console.log(
    `| workload | backend | threads | learndyn steps/s | ms/step |${torchCols.map((b) => ` torch ${b} steps/s | ratio vs ${b} |`).join("")}`,
  );
  console.log(`|---|---|---|---|---|${torchCols.map(() => "---|---|").join("")}`);
  for (const r of runs) {
    const cols = torchCols.map((b) => {
      const t = torch
        .find((x) => x.blas === b && x.threads === r.threads)
        ?.results.find((x) => x.name === r.name);
      return t ? ` ${fmt(t.median)} | **${(r.median / t.median).toFixed(2)}×** |` : " – | – |";
    });
    const label = r.backend === r.requested ? r.backend : `${r.requested} → ${r.backend}`;
    console.log(
      `| ${r.name} ${[r.d, ...r.hidden, 1].join("-")} n=${r.n} | ${label} | ${r.threads} | ${fmt(r.median)} | ${fmt(1000 / r.median)} |${cols.join("")}`,
    );
  }
  const dir = join(HERE, "results");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `engine-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(
    file,
    JSON.stringify({ node: process.version, cpu, load: os.loadavg(), runs, torch }, null, 2),
  );
  console.log(`\nraw numbers: ${file}`);
}

if (process.argv[2] === "--child") await child(JSON.parse(process.argv[3]));
else await main();
