// Cost of the second-order tools against a gradient, per backend, and against PyTorch float64's double
// backward (bench/second_order_torch.py) when Debian's torch exists:
//
//   npm run build && node bench/second-order.mjs [--backend js,wasm,native] [--reps 5] [--no-torch]
//
// Per workload: gradient (forward + loss + backward, the cost of a training step without the update),
// setPoint (the forward pass the products reuse), one Hessian-vector product (apply), sharpness by
// Lanczos (top 1, cold start, tolerance 1e-8), Hutchinson's trace (32 products), and the NTK Gram matrix
// of the first min(n, 1000) points. Medians of the timed repetitions after one warm-up; the ratio
// column is each item's time ÷ the gradient's (HVP ÷ gradient is the peer ratio to compare with torch).
// Timings live here, never in tests. The VM is shared: expect ±10–20 % between runs, compare ratios.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createBackend } from "../dist/engine/backends.js";
import "../dist/node/native-addon.js";
import { hutchinsonTrace } from "../dist/engine/hutchinson.js";
import { hessianOperator } from "../dist/engine/hvp.js";
import { lanczosTop } from "../dist/engine/lanczos.js";
import { createMlp } from "../dist/engine/mlp.js";
import { ntkOperator } from "../dist/engine/ntk.js";
import { lossObjective } from "../dist/engine/output-curvature.js";
import { backward, forward } from "../dist/engine/propagate.js";
import { Rng } from "../dist/engine/rng.js";
import { createWorkspace } from "../dist/engine/workspace.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const WORKLOADS = [
  { name: "eos-tanh", d: 1, hidden: [100], n: 20, activation: "tanh", loss: "squared" },
  { name: "paper", d: 100, hidden: [100], n: 1000, activation: "relu", loss: "ce" },
  { name: "deep-linear", d: 50, hidden: Array(19).fill(50), n: 50, activation: "linear", loss: "squared" },
];

function parseArgs(argv) {
  const args = { backends: ["js", "wasm", "native"], reps: 5, torch: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--backend") args.backends = argv[++i].split(",");
    else if (argv[i] === "--reps") args.reps = Number(argv[++i]);
    else if (argv[i] === "--no-torch") args.torch = false;
  }
  return args;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Median seconds of fn over reps, after one warm-up. Each repetition runs fn enough times to last about
 * 0.1 s (at least once), so short items are not timer noise.
 */
function time(fn, reps) {
  const t0 = process.hrtime.bigint();
  fn();
  const once = Number(process.hrtime.bigint() - t0) / 1e9;
  const inner = Math.max(1, Math.ceil(0.1 / Math.max(once, 1e-7)));
  const out = [];
  for (let r = 0; r < reps; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < inner; i++) fn();
    out.push(Number(process.hrtime.bigint() - t0) / 1e9 / inner);
  }
  return median(out);
}

function setup(w, backend) {
  const rng = new Rng(1);
  const mlp = createMlp(
    { inputDim: w.d, hidden: w.hidden, activation: w.activation, bias: false, leakySlope: 0.01 },
    backend,
  );
  for (let i = 0; i < mlp.size; i++) mlp.params[i] = rng.normal() / Math.sqrt(50);
  const X = backend.alloc(w.n * w.d);
  for (let i = 0; i < X.length; i++) X[i] = rng.normal();
  const y = Float64Array.from({ length: w.n }, () => (rng.uniform() < 0.5 ? -1 : 1));
  return { mlp, X, y };
}

function benchJs(w, name, reps) {
  const backend = createBackend(name);
  const { mlp, X, y } = setup(w, backend);
  const spec = { kind: w.loss, reduction: "sum", margin: 1 };
  const objective = lossObjective(spec, y);
  const ws = createWorkspace(mlp, w.n, backend);
  const grad = backend.alloc(mlp.size);
  const gradient = time(() => {
    forward(mlp, mlp.params, X, w.n, ws, backend);
    objective.gradient(ws.logits, w.n, ws.dLogits);
    backward(mlp, mlp.params, X, w.n, ws, backend, grad);
  }, reps);
  const H = hessianOperator(mlp, X, w.n, objective, backend);
  const setPoint = time(() => H.setPoint(mlp.params), reps);
  const v = Float64Array.from({ length: mlp.size }, (_, i) => Math.sin(i));
  const out = new Float64Array(mlp.size);
  H.setPoint(mlp.params);
  const hvp = time(() => H.apply(v, out), reps);
  let matvecs = 0;
  const sharpness = time(
    () => {
      H.setPoint(mlp.params);
      matvecs = lanczosTop((a, b) => H.apply(a, b), mlp.size, { k: 1, basis: 20, tolerance: 1e-8 }).matvecs;
    },
    Math.min(reps, 3),
  );
  const trace = time(
    () => hutchinsonTrace((a, b) => H.apply(a, b), mlp.size, { samples: 32 }),
    Math.min(reps, 3),
  );
  const nNtk = Math.min(w.n, 1000);
  const ntk = ntkOperator(mlp, X.subarray(0, nNtk * w.d), nNtk, backend);
  const ntkTime = time(() => ntk.compute(mlp.params), Math.min(reps, 3));
  backend.dispose?.();
  return { gradient, setPoint, hvp, sharpness, matvecs, trace, ntk: ntkTime, nNtk, params: mlp.size };
}

function torchPeer(reps) {
  if (!existsSync("/usr/bin/python3")) return null;
  try {
    execFileSync("/usr/bin/python3", ["-c", "import torch"], { stdio: "ignore" });
  } catch {
    return null;
  }
  const out = execFileSync(
    "/usr/bin/python3",
    [join(HERE, "second_order_torch.py"), JSON.stringify(WORKLOADS), String(reps)],
    {
      encoding: "utf8",
      env: { ...process.env, OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1" },
    },
  );
  return JSON.parse(out);
}

const args = parseArgs(process.argv.slice(2));
const ms = (s) => (s * 1e3).toPrecision(3);
console.log(
  `load average at start: ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} (2 vCPUs, shared)\n`,
);
console.log(
  "| workload | params | backend | gradient ms | setPoint ms | HVP ms | HVP ÷ grad | sharpness ms (products) | trace(32) ms | NTK ms (n) |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const w of WORKLOADS) {
  for (const b of args.backends) {
    const r = benchJs(w, b, args.reps);
    console.log(
      `| ${w.name} | ${r.params} | ${b} | ${ms(r.gradient)} | ${ms(r.setPoint)} | ${ms(r.hvp)} | ${(r.hvp / r.gradient).toFixed(2)} | ${ms(r.sharpness)} (${r.matvecs}) | ${ms(r.trace)} | ${ms(r.ntk)} (${r.nNtk}) |`,
    );
  }
}
if (args.torch) {
  const peer = torchPeer(args.reps);
  if (!peer) console.log("\n(torch not found: no peer row)");
  else {
    console.log(`\nPyTorch float64 (${peer.torch}, 1 thread): double backward`);
    console.log("| workload | gradient ms | HVP ms (double backward, graph rebuilt) | HVP ÷ grad |");
    console.log("|---|---|---|---|");
    for (const r of peer.results)
      console.log(`| ${r.name} | ${ms(r.gradient)} | ${ms(r.hvp)} | ${(r.hvp / r.gradient).toFixed(2)} |`);
  }
}
