// Runs per second of the failure built-in's runs (one ReLU unit on one point, 2000 GD steps, explicit
// starts over a grid of (a0, b0)): trained one by one with runTraining (today's sweep path, default backend)
// against runTrainingBatch (one stacked computation), in the same process, and whether the results agree.
// Usage: npm run build && node bench/batched.mjs [--runs N]
import { parseRunConfig } from "../dist/config/validate.js";
import { runTrainingBatch } from "../dist/train/batched/run-batch.js";
import { runTraining } from "../dist/train/run.js";

const arg = process.argv.indexOf("--runs");
const runs = arg > 0 ? Number(process.argv[arg + 1]) : 512;
const side = Math.ceil(Math.sqrt(runs));
const configs = [];
for (let i = 0; i < side && configs.length < runs; i++) {
  for (let j = 0; j < side && configs.length < runs; j++) {
    const a0 = -1.175 + (2.35 * i) / (side - 1);
    const b0 = -1.2 + (2.4 * j) / (side - 1);
    configs.push(
      parseRunConfig({
        data: { kind: "orthogonal", norms: [1], labels: "positive" },
        model: { hidden: [1], activation: "relu", bias: false },
        init: { scheme: "explicit", weights: [{ W: [[a0]] }, { W: [[b0]] }] },
        loss: { kind: "ce", reduction: "sum" },
        optimizer: { kind: "gd", lr: 0.05 },
        train: { steps: 2000 },
        probes: { schedule: { kind: "log", perDecade: 10 }, include: ["margins"] },
      }),
    );
  }
}
let t0 = performance.now();
const solo = configs.map((c) => runTraining(c));
const soloSeconds = (performance.now() - t0) / 1000;
t0 = performance.now();
const batched = runTrainingBatch(configs);
const batchSeconds = (performance.now() - t0) / 1000;
const same = solo.every((s, r) => JSON.stringify(s.history) === JSON.stringify(batched[r].history));
console.log(
  JSON.stringify({
    runs: configs.length,
    soloRunsPerSecond: configs.length / soloSeconds,
    batchedRunsPerSecond: configs.length / batchSeconds,
    speedup: soloSeconds / batchSeconds,
    identicalHistories: same,
  }),
);
