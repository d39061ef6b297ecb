import type { Scale } from "../experiment.js";

/** Sizes of the saxe study. */
export interface SaxeSettings {
  /** Singular values of the correlated task's Σ_yx (distinct, > 0). */
  singularValues: number[];
  /** Input and output dimensions of the correlated task (≥ the number of singular values). */
  inputs: number;
  outputs: number;
  /** Hidden width of every hidden layer. */
  hidden: number;
  /** Depths D (numbers of weight matrices) run from the decoupled balanced start. */
  depths: number[];
  /** Per-layer initial scale a0 of the decoupled start (mode strengths start at a0^D). */
  a0: number;
  /** GD step size η (time t = η·step). */
  lr: number;
  /** Run until every mode of every depth is past this fraction of its s under the theory (×1.3). */
  endFraction: number;
  /** Steps between records. */
  every: number;
  /** Standard deviation of the entries of the random small start (the depth-2 run compared with the decoupled theory). */
  randomScale: number;
  /** Tree of the hierarchical task: levels below the root and children per node. */
  tree: { depth: number; branching: number };
  /** Seed offset (added to the report's seed). */
  seed: number;
}

/** Default: four modes, depths 2 and 3, a 3-level binary tree; full: more modes and a deeper tree. */
export const SAXE_SETTINGS: Record<Scale, SaxeSettings> = {
  default: {
    singularValues: [3, 2, 1, 0.5],
    inputs: 6,
    outputs: 5,
    hidden: 8,
    depths: [2, 3],
    a0: 0.1,
    lr: 0.005,
    endFraction: 0.97,
    every: 4,
    randomScale: 0.03,
    tree: { depth: 3, branching: 2 },
    seed: 0,
  },
  full: {
    singularValues: [4, 3, 2, 1.5, 1, 0.7, 0.5],
    inputs: 10,
    outputs: 8,
    hidden: 12,
    depths: [2, 3, 4],
    a0: 0.1,
    lr: 0.002,
    endFraction: 0.98,
    every: 10,
    randomScale: 0.03,
    tree: { depth: 4, branching: 2 },
    seed: 0,
  },
};
