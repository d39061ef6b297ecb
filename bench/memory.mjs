// Memory stays flat over a long run: 10^6 full-batch GD steps of the tiny workload (d=2, width 8,
// n=200, 2-layer ReLU, CE), through the trainer, recording heapUsed and rss at intervals.
//
//   npm run build && node --expose-gc bench/memory.mjs [--steps 1000000] [--every 100000]
//
// With --expose-gc each sample is taken after a full collection, so heapUsed is live memory, not
// garbage waiting to be collected. Probes record only at the start and the end (the history is the only
// thing that is meant to grow, by one record per scheduled step).
import { parseRunConfig } from "../dist/config/validate.js";
import { Rng } from "../dist/engine/rng.js";
import { createTrainer } from "../dist/train/trainer.js";

const args = { steps: 1_000_000, every: 100_000 };
for (let i = 2; i < process.argv.length; i += 2) {
  const key = process.argv[i].replace(/^--/, "");
  if (!(key in args)) throw new Error(`unknown argument ${process.argv[i]}; use --steps N --every N`);
  args[key] = Number(process.argv[i + 1]);
}

const n = 200;
const d = 2;
const rng = new Rng(7, "memory-bench");
const x = new Float64Array(n * d).map(() => rng.normal());
const y = new Float64Array(n).map((_, i) => (x[i * d] + 0.5 * x[i * d + 1] >= 0 ? 1 : -1));
const config = parseRunConfig({
  model: { hidden: [8], activation: "relu", bias: false },
  init: { scheme: "he-normal" },
  loss: { kind: "ce", reduction: "sum" },
  optimizer: { kind: "gd", lr: 1e-3 },
  train: { steps: args.steps },
  probes: { schedule: { kind: "every", every: args.steps } },
});
const trainer = createTrainer(config, { train: { name: "tiny", n, d, x, y }, tests: {} });

const gc = globalThis.gc;
const MB = 1024 * 1024;
function sample(step, t0) {
  gc?.();
  const m = process.memoryUsage();
  return {
    step,
    seconds: (performance.now() - t0) / 1000,
    heapUsedMB: m.heapUsed / MB,
    rssMB: m.rss / MB,
    arrayBuffersMB: m.arrayBuffers / MB,
  };
}

const t0 = performance.now();
trainer.advance(1000); // warm-up: let the JIT settle before the baseline sample
const samples = [sample(trainer.step, t0)];
while (trainer.status === "running") {
  trainer.advance(args.every);
  samples.push(sample(trainer.step, t0));
}

console.log(
  `\nmemory over ${args.steps} steps of the tiny workload (${gc ? "after global.gc" : "NO --expose-gc"})\n`,
);
console.log("| step | s | heapUsed MB | rss MB | arrayBuffers MB |");
console.log("|---|---|---|---|---|");
for (const s of samples) {
  console.log(
    `| ${s.step} | ${s.seconds.toFixed(1)} | ${s.heapUsedMB.toFixed(2)} | ${s.rssMB.toFixed(1)} | ${s.arrayBuffersMB.toFixed(3)} |`,
  );
}
const first = samples[0];
const last = samples[samples.length - 1];
const growthKB = ((last.heapUsedMB - first.heapUsedMB) * 1024).toFixed(1);
console.log(
  `\nheapUsed growth ${growthKB} KB, rss growth ${(last.rssMB - first.rssMB).toFixed(1)} MB over ` +
    `${last.step - first.step} steps (${(last.step / last.seconds).toFixed(0)} steps/s, status ${trainer.status}, ` +
    `${trainer.history.length} history records)`,
);
