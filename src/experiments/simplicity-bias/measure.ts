import { parseRunConfig } from "../../config/validate.js";
import type { Dataset } from "../../data/dataset.js";
import { lmsData, randomizeColumns } from "../../data/lms.js";
import { jsBackend } from "../../engine/backend-js.js";
import { forward } from "../../engine/propagate.js";
import { Rng } from "../../engine/rng.js";
import { createWorkspace } from "../../engine/workspace.js";
import { createTrainer, type Trainer } from "../../train/trainer.js";
import { type FfSetting, measureFrequency } from "./frequency.js";
import type { SbSettings } from "./settings.js";

/** Accuracies of one seed on the test set, S-randomised (linear column shuffled) and Sᶜ-randomised (slabs shuffled). */
export interface SbSeed {
  train: number;
  test: number;
  sRandomized: number;
  scRandomized: number;
}

export interface SbMeasurement {
  /** The LMS half, per seed. */
  seeds: SbSeed[];
  /** The feature-frequency half, per (p, r_B) setting. */
  frequency: FfSetting[];
}

/** Share of `data`'s points the trained net classifies right. */
export function accuracy(trainer: Trainer, data: Dataset): number {
  const ws = createWorkspace(trainer.mlp, data.n, jsBackend);
  const f = forward(trainer.mlp, trainer.mlp.params, data.x, data.n, ws, jsBackend);
  let right = 0;
  for (let i = 0; i < data.n; i++) if (f[i] * data.y[i] > 0) right++;
  return right / data.n;
}

/** Trains one 2-layer ReLU net per seed on LMS data and measures the three accuracies; then the frequency half. */
export function measureSb(s: SbSettings, seed: number): SbMeasurement {
  const seeds: SbSeed[] = [];
  for (let k = 0; k < s.seeds; k++) {
    const rng = new Rng(seed + k, "simplicity-bias");
    const bundle = lmsData({ n: s.n, nTest: s.nTest, slabs: s.slabs, k: s.k }, rng.fork("data"));
    const config = parseRunConfig(
      {
        name: `lms-${s.k} seed ${seed + k}`,
        seed: seed + k,
        data: { kind: "orthogonal", norms: [1, 1] },
        model: { hidden: [s.width], activation: "relu", bias: true },
        loss: { kind: "ce", reduction: "mean" },
        optimizer: { kind: "gd", lr: s.lr, momentum: s.momentum },
        train: { steps: s.steps },
      },
      "simplicity-bias config",
    );
    const trainer = createTrainer(config, bundle);
    trainer.run();
    const test = bundle.tests.test;
    const slabCols = Array.from({ length: s.slabs }, (_, j) => j + 1);
    seeds.push({
      train: accuracy(trainer, bundle.train),
      test: accuracy(trainer, test),
      sRandomized: accuracy(trainer, randomizeColumns(test, [0], rng.fork("s"))),
      scRandomized: accuracy(trainer, randomizeColumns(test, slabCols, rng.fork("sc"))),
    });
  }
  return { seeds, frequency: measureFrequency(s, seed) };
}
