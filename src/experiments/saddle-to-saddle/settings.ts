import type { Scale } from "../experiment.js";

/** A sparse regression problem: Gaussian design, a k-sparse target, noiseless labels. */
export interface SparseProblem {
  /** Number of samples n (rows of X). */
  samples: number;
  /** Number of features d (columns of X); d > n makes the interpolators a family, so init picks one. */
  features: number;
  /** The non-zero entries of β*, placed on coordinates drawn by the seed. */
  values: number[];
  /** Seed of the design and of the support's placement. */
  seed: number;
}

/** Sizes of a saddle-to-saddle run. */
export interface SaddleSettings {
  problem: SparseProblem;
  /**
   * Init scales α of the jump study (u(0) = √2·α, v(0) = 0), small so the loss is piecewise constant; two
   * or more show the finite-α error shrinking like 1/ln(1/α).
   */
  alphas: number[];
  /** Init scales of the lazy-regime scan, ascending: from the rich (sparse) to the kernel (ℓ2) end. */
  scan: number[];
  /** Records per unit of rescaled time t̃ = t / ln(1/α) (the jump times are read off this grid). */
  resolution: number;
  /** Largest relative distance ‖β_flow − β∞(α)‖/‖β∞(α)‖ accepted at the end of a scan run (chosen). */
  limitTolerance: number;
  /** Relative tolerance of the ODE solver (Dormand–Prince) for the flow of u and v. */
  rtol: number;
}

/** Pesme & Flammarion's setting at a CPU size: n = 20 Gaussian rows, d = 30, a 3-sparse β*. */
export const SADDLE_SETTINGS: Record<Scale, SaddleSettings> = {
  default: {
    problem: { samples: 20, features: 30, values: [2, -1, 0.5], seed: 1 },
    alphas: [1e-6, 1e-12],
    scan: [1e-6, 1e-3, 0.1, 0.5, 1, 3],
    resolution: 400,
    limitTolerance: 0.01,
    rtol: 1e-9,
  },
  full: {
    problem: { samples: 40, features: 80, values: [3, -2, 1, -0.5, 0.25], seed: 1 },
    alphas: [1e-6, 1e-12, 1e-24],
    scan: [1e-10, 1e-6, 1e-3, 0.03, 0.1, 0.3, 1, 3, 10],
    resolution: 800,
    limitTolerance: 0.01,
    rtol: 1e-10,
  },
};
