import type { Scale } from "../experiment.js";
import type { GanBenchSettings, GanOptimizer } from "./runs.js";

/** Bench sizes: the default runs in minutes on one core; "full" is the literature-sized setting. */
export const GAN_SCALES: Record<Scale, GanBenchSettings> = {
  default: {
    seeds: 10,
    width: 32,
    batchSize: 64,
    iterations: 4000,
    recordEvery: 200,
    adamLr: 1e-3,
    sgdLr: 0.05,
    dSteps: 1,
    snapshots: [0.05, 0.25, 0.5, 1],
    snapshotPoints: 500,
  },
  full: {
    seeds: 10,
    width: 128,
    batchSize: 256,
    iterations: 25000,
    recordEvery: 500,
    adamLr: 1e-4,
    sgdLr: 0.01,
    dSteps: 1,
    snapshots: [0.05, 0.25, 0.5, 1],
    snapshotPoints: 1000,
  },
};

/** The two toy mixtures. */
export const DATA = ["ring", "grid"] as const;
/** The optimizers compared. */
export const OPTIMIZERS: GanOptimizer[] = ["adam", "sgd"];
