/**
 * The feature-frequency half of simplicity bias: THEORY.md §7's data (A in every point, B in a fraction p,
 * both label-correlated, each alone separating the classes), trained with the LMS half's net and
 * optimizer, then tested with A shuffled and with B shuffled — Shah et al.'s S- and Sᶜ-randomisation with
 * the frequent feature in the role of the linear coordinate. C5 says the mode of feature j grows at a rate
 * ∝ p_j·r_j, so A (rate r_A) is learned first when ρ = p·r_B/r_A < 1 and starves B (C7); for ρ > 1 the
 * roles swap. The net then relies on the faster feature only: one mechanism behind both studies.
 */
import { parseRunConfig } from "../../config/validate.js";
import { randomizeColumns } from "../../data/lms.js";
import { Rng } from "../../engine/rng.js";
import { starvationRho } from "../../theory/starvation.js";
import { buildData } from "../../train/build-data.js";
import { createTrainer } from "../../train/trainer.js";
import { accuracy } from "./measure.js";
import type { SbFrequencyPoint, SbSettings } from "./settings.js";

/** Accuracies of one seed: every feature intact, A shuffled across the test points, B shuffled. */
export interface FfSeed {
  test: number;
  aRandomized: number;
  bRandomized: number;
}

/** One (p, r_B) setting over seeds. */
export interface FfSetting extends SbFrequencyPoint {
  /** ρ = p·r_B/r_A (r_A = 1): the ratio of B's early growth rate to A's (C5). */
  rho: number;
  seeds: FfSeed[];
}

/** The run config of one frequency-half run (the LMS half's net, optimizer and steps). */
export function frequencyConfig(s: SbSettings, point: SbFrequencyPoint, seed: number) {
  const f = s.frequency;
  return parseRunConfig(
    {
      name: `frequency p=${point.p} rB=${point.rB} seed ${seed}`,
      seed,
      data: {
        kind: "features",
        n: f.n,
        nTest: f.nTest,
        noiseDims: f.noiseDims,
        noiseStd: f.noiseStd,
        features: [
          { name: "A", norm: 1, frequency: 1, correlation: "correlated" },
          { name: "B", norm: point.rB, frequency: point.p, correlation: "correlated" },
        ],
      },
      model: { hidden: [s.width], activation: "relu", bias: true },
      loss: { kind: "ce", reduction: "mean" },
      optimizer: { kind: "gd", lr: s.lr, momentum: s.momentum },
      train: { steps: s.steps },
    },
    "simplicity-bias frequency config",
  );
}

/** Trains every (p, r_B) setting once per seed and measures the three accuracies on the "all" test set. */
export function measureFrequency(s: SbSettings, seed: number): FfSetting[] {
  return s.frequency.points.map((point) => {
    const seeds: FfSeed[] = [];
    for (let k = 0; k < s.seeds; k++) {
      const config = frequencyConfig(s, point, seed + k);
      const bundle = buildData(config);
      const trainer = createTrainer(config, bundle);
      trainer.run();
      const all = bundle.tests.all;
      const rng = new Rng(seed + k, "simplicity-bias-frequency");
      seeds.push({
        test: accuracy(trainer, all),
        aRandomized: accuracy(trainer, randomizeColumns(all, [0], rng.fork("A"))),
        bRandomized: accuracy(trainer, randomizeColumns(all, [1], rng.fork("B"))),
      });
      trainer.dispose();
    }
    return { ...point, rho: starvationRho(point.p, 1, point.rB), seeds };
  });
}
