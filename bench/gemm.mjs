// GEMM throughput (GFLOP/s) of the native addon against the wasm kernel, on buffers in the wasm
// backend's (shared) memory, as the engine uses them.
//
//   npm run build && node bench/gemm.mjs [--reps 5] [--isa avx512,avx2,sse2] [--threads 1,2] [--atb]
//
// Shapes m×k×n: C (m × n) = A (m × k) · Bᵀ (B stored n × k), FLOPs 2·m·k·n; with --atb also the
// weight-gradient product Aᵀ·B (A stored k × m). Each cell is the median of --reps timed repetitions,
// each repetition at least 0.2 s of calls, after warm-up. Prints a markdown table. The VM is shared:
// expect ±10 % between runs. Timings live here, never in tests.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createWasmBackend } from "../dist/engine/backend-wasm.js";
import { useNodeThreads } from "../dist/node/threads.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const ADDON = join(ROOT, "native", "build", "learndyn-native.node");

const SHAPES = [
  [1000, 100, 100],
  [2000, 784, 300],
  [50000, 392, 300],
];

function parseArgs(argv) {
  const args = { reps: 5, isas: null, threads: [1, 2], atb: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--reps") args.reps = Number(argv[++i]);
    else if (a === "--isa") args.isas = argv[++i].split(",");
    else if (a === "--threads") args.threads = argv[++i].split(",").map(Number);
    else if (a === "--atb") args.atb = true;
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median GFLOP/s of `call` doing `flops` per call. */
function gflops(call, flops, reps) {
  let per = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < per; i++) call();
    const ms = performance.now() - t0;
    if (ms >= 200 || per >= 1e6) break;
    per = Math.max(per + 1, Math.ceil((per * 220) / Math.max(ms, 0.01)));
  }
  const rates = [];
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    for (let i = 0; i < per; i++) call();
    const s = (performance.now() - t0) / 1000;
    rates.push((flops * per) / s / 1e9);
  }
  return median(rates);
}

const args = parseArgs(process.argv.slice(2));
const addon = existsSync(ADDON) ? createRequire(import.meta.url)(ADDON) : null;
if (!addon) process.stderr.write(`no addon at ${ADDON} (npm run build builds it); wasm only\n`);
const isas = addon ? (args.isas ?? addon.isas()) : [];
useNodeThreads(Math.max(...args.threads));
const columns = args.threads.map((t) => ({
  label: `wasm (exact), ${t} thread${t > 1 ? "s" : ""}`,
  kind: "wasm",
  t,
}));
for (const isa of isas)
  for (const t of args.threads)
    columns.push({ label: `native ${isa}, ${t} thread${t > 1 ? "s" : ""}`, isa, t });

const products = args.atb ? ["ABt", "AtB"] : ["ABt"];
const rows = [];
for (const product of products) {
  for (const [m, k, n] of SHAPES) {
    // A wasm backend per column (its thread count is fixed when it is made), disposed after it; the
    // native addon works on a thread-free wasm backend's buffers.
    const makeWasm = (t) => {
      const backend = createWasmBackend({ threads: t });
      const buf = [backend.alloc(m * k), backend.alloc(n * k), backend.alloc(m * n)];
      for (let i = 0; i < m * k; i++) buf[0][i] = Math.sin(i) * 0.5;
      for (let i = 0; i < n * k; i++) buf[1][i] = Math.cos(i) * 0.5;
      return { backend, buf };
    };
    const [A, B, C] = makeWasm(1).buf;
    const flops = 2 * m * k * n;
    const cells = [];
    for (const col of columns) {
      let call;
      if (col.kind === "wasm") {
        const { backend: w, buf } = makeWasm(col.t);
        const [a, b, c] = buf;
        call = product === "ABt" ? () => w.gemmABt(a, b, c, m, n, k) : () => w.gemmAtB(a, b, c, m, n, k);
        call.dispose = () => w.dispose?.();
      } else {
        addon.setIsa(col.isa);
        addon.setThreads(col.t);
        call =
          product === "ABt" ? () => addon.gemmABt(A, B, C, m, n, k) : () => addon.gemmAtB(A, B, C, m, n, k);
      }
      call();
      cells.push(gflops(call, flops, args.reps).toFixed(1));
      call.dispose?.();
      process.stderr.write(".");
    }
    const label = product === "ABt" ? `${m}×${k}×${n} A·Bᵀ` : `Aᵀ·B, m=${m} k=${k} n=${n}`;
    rows.push(`| ${label} | ${cells.join(" | ")} |`);
  }
}
process.stderr.write("\n");
console.log(
  `GFLOP/s, median of ${args.reps}; node ${process.version}, ${availableParallelism()} CPUs${addon ? `, addon default isa ${addon.isas()[0]}` : ""}\n`,
);
console.log(`| shape (m×k×n) | ${columns.map((c) => c.label).join(" | ")} |`);
console.log(`|---|${columns.map(() => "---").join("|")}|`);
for (const r of rows) console.log(r);
