// Time per full-batch step of the Colored MNIST protocol (starvation-cmnist): MLP 392-300-300-1 with
// biases, ReLU, mean BCE + SD penalty, Adam, N images (paper: 50,000), float64; split into forward,
// backward (with gradient accumulation over chunks) and the Adam update; wall and CPU time.
// The PyTorch float64 peer is bench/cmnist_step_torch.py on the same thread counts, with OpenBLAS and with
// the reference BLAS (chosen per process through LD_LIBRARY_PATH), run when Debian's torch exists.
//
//   npm run build && node bench/cmnist-step.mjs [--n 50000] [--reps 3] [--backend js,wasm,native]
//                                               [--threads 1,2] [--chunk 2000] [--blas openblas,reference] [--no-torch]
//
// Timings live here, never in tests. The VM is shared: the CPU columns are steadier than wall time.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { resident } from "../dist/engine/backend.js";
import { createBackend } from "../dist/engine/backends.js";
import "../dist/node/native-addon.js";
import { initialize } from "../dist/engine/init.js";
import { adamStep } from "../dist/engine/kernels-js.js";
import { createMlp } from "../dist/engine/mlp.js";
import { backward, forward } from "../dist/engine/propagate.js";
import { Rng } from "../dist/engine/rng.js";
import { createWorkspace } from "../dist/engine/workspace.js";
import { useNodeThreads } from "../dist/node/threads.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const BLAS_DIRS = {
  openblas: "/usr/lib/x86_64-linux-gnu/openblas-pthread",
  reference: "/usr/lib/x86_64-linux-gnu/blas",
};
const args = {
  n: 50000,
  reps: 3,
  backends: ["wasm"],
  threads: [1, 2],
  chunk: 2000,
  torch: true,
  blas: Object.keys(BLAS_DIRS),
};
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === "--n") args.n = Number(argv[++i]);
  else if (a === "--reps") args.reps = Number(argv[++i]);
  else if (a === "--backend") args.backends = argv[++i].split(",");
  else if (a === "--chunk") args.chunk = Number(argv[++i]);
  else if (a === "--threads") args.threads = argv[++i].split(",").map(Number);
  else if (a === "--blas") args.blas = argv[++i].split(",");
  else if (a === "--no-torch") args.torch = false;
  else
    throw new Error(
      `unknown argument ${a}; use --n N --reps R --backend js,wasm,native --threads 1,2 --chunk C --blas openblas,reference --no-torch`,
    );
}
const D = 392;
const H = [300, 300];
/** Multiply-adds ×2 of forward (3 products) and backward (5: dW for 3 layers, dH for 2; no input grad). */
const flopPerStep = (n) => 2 * n * (D * H[0] + H[0] * H[1] + H[1]) * 3 - 2 * n * D * H[0];

function cpuSeconds(since) {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

async function benchBackend(name, threads) {
  useNodeThreads(threads);
  const backend = createBackend(name);
  const rng = new Rng(1, "bench-cmnist");
  // Inputs shaped like colored MNIST: one of two channels zero, pixels in [0, 1] (values do not change speed).
  const xs = new Float64Array(args.n * D);
  for (let i = 0; i < args.n; i++) {
    const c = rng.uniform() < 0.5 ? 0 : 196;
    for (let p = 0; p < 196; p++) xs[i * D + c + p] = rng.uniform() < 0.2 ? rng.uniform() : 0;
  }
  const x = resident(backend, xs);
  const y = Float64Array.from({ length: args.n }, () => (rng.uniform() < 0.5 ? -1 : 1));
  const mlp = createMlp({ inputDim: D, hidden: H, activation: "relu", bias: true, leakySlope: 0 }, backend);
  const layer = { scheme: "xavier-uniform", scale: 0, gain: 1, diagonal: "half-normal" };
  initialize(mlp, { kind: "layers", layers: [layer], balanced: false }, rng.fork("init"));
  const grad = backend.alloc(mlp.size);
  const chunkGrad = backend.alloc(mlp.size);
  const m = backend.alloc(mlp.size);
  const v = backend.alloc(mlp.size);
  const chunk = Math.min(args.chunk, args.n);
  const ws = createWorkspace(mlp, chunk, backend);
  const reps = [];
  for (let r = 0; r <= args.reps; r++) {
    // Timing starts with the helper threads running (they start at the first large product).
    if (r === 1)
      for (let i = 0; i < 500 && backend.helpersReady && backend.helpersReady() < backend.threads - 1; i++)
        await new Promise((res) => setTimeout(res, 10));
    const t = { forward: 0, backward: 0, adam: 0 };
    const cpu0 = process.cpuUsage();
    const w0 = performance.now();
    for (let s = 0; s < args.n; s += chunk) {
      const n = Math.min(chunk, args.n - s);
      const X = x.subarray(s * D, (s + n) * D);
      let a = performance.now();
      const f = forward(mlp, mlp.params, X, n, ws, backend);
      for (let i = 0; i < n; i++) {
        const mg = y[s + i] * f[i];
        const sig = mg >= 0 ? Math.exp(-mg) / (1 + Math.exp(-mg)) : 1 / (1 + Math.exp(mg));
        ws.dLogits[i] = (-y[s + i] * sig + 4e-5 * f[i]) / args.n;
      }
      t.forward += performance.now() - a;
      a = performance.now();
      backward(mlp, mlp.params, X, n, ws, backend, chunkGrad);
      if (s === 0) grad.set(chunkGrad);
      else for (let k = 0; k < mlp.size; k++) grad[k] += chunkGrad[k];
      t.backward += performance.now() - a;
    }
    const a = performance.now();
    const step = r + 1;
    const f = backend.adamStep ?? ((...p) => adamStep(...p));
    f.call(
      backend,
      mlp.params,
      grad,
      m,
      v,
      mlp.size,
      0.9,
      0.999,
      1e-7 / (1 - 0.9 ** step),
      Math.sqrt(1 - 0.999 ** step),
      1e-8,
      0,
    );
    t.adam = performance.now() - a;
    const wall = (performance.now() - w0) / 1000;
    if (r > 0) reps.push({ wall, cpu: cpuSeconds(cpu0), ...t });
  }
  const med = (k) => reps.map((r) => r[k]).sort((a, b) => a - b)[reps.length >> 1];
  backend.dispose?.();
  return {
    name: `learndyn ${backend.name}, ${threads} thread${threads > 1 ? "s" : ""}`,
    wall: med("wall"),
    cpu: med("cpu"),
    forward: med("forward") / 1000,
    backward: med("backward") / 1000,
    update: med("adam") / 1000,
  };
}

const rows = [];
for (const name of args.backends)
  for (const t of name === "js" ? [1] : args.threads) rows.push(await benchBackend(name, t));
if (args.torch && existsSync("/usr/bin/python3")) {
  for (const blas of args.blas.filter((b) => existsSync(join(BLAS_DIRS[b] ?? "/x", "libblas.so.3"))))
    for (const t of args.threads) {
      try {
        const out = execFileSync(
          "/usr/bin/python3",
          [join(HERE, "cmnist_step_torch.py"), String(args.n), String(args.reps), String(t)],
          {
            encoding: "utf8",
            stdio: ["ignore", "pipe", "inherit"],
            env: {
              ...process.env,
              LD_LIBRARY_PATH: BLAS_DIRS[blas],
              OMP_NUM_THREADS: String(t),
              OPENBLAS_NUM_THREADS: String(t),
            },
          },
        );
        const row = JSON.parse(out);
        rows.push({ ...row, name: `${row.name}, ${blas}, ${t} thread${t > 1 ? "s" : ""}` });
      } catch (e) {
        console.error(`torch peer failed: ${e.message}`);
      }
    }
}
const gf = flopPerStep(args.n) / 1e9;
console.log(
  `Colored MNIST step, n = ${args.n}, ${fmt(gf)} GFLOP per step, median of ${args.reps} (after 1 warm-up), load ${(
    await import("node:os")
  )
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}\n`,
);
console.log("| engine | s/step wall | s/step CPU | forward s | backward s | update s | GFLOP/s (CPU) |");
console.log("|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(
    `| ${r.name} | ${fmt(r.wall)} | ${fmt(r.cpu)} | ${fmt(r.forward)} | ${fmt(r.backward)} | ${fmt(r.update, 2)} | ${fmt(gf / r.cpu)} |`,
  );
}
function fmt(v, digits = 3) {
  return Number.isFinite(v) ? Number(v.toPrecision(digits)).toString() : "–";
}
