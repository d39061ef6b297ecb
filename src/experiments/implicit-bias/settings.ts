import type { Scale } from "../experiment.js";

/** Sizes of the implicit-bias study. */
export interface ImplicitBiasSettings {
  /** Separable data: n points in d dimensions, N(0, I) kept when |teacherᵀx| ≥ gap·‖teacher‖ (labels its sign). */
  points: number;
  dims: number;
  gap: number;
  /** GD step size η of the linear logistic and hinge runs (time t = η·step). */
  lr: number;
  /** Steps of the linear logistic run (records log-spaced). */
  steps: number;
  /** Records per decade of steps. */
  perDecade: number;
  /** 2-layer bias-free ReLU net f = Σ_j b_j relu(a_jᵀx): width, init scale (entries N(0, scale²)), η, steps. */
  relu: { hidden: number; scale: number; lr: number; steps: number };
  /** Seed offset (added to the report's seed). */
  seed: number;
}

/** Default: 16 points in 2-D, 10⁶ logistic steps; full: 40 points in 3-D, 10⁷ steps. */
export const IMPLICIT_BIAS_SETTINGS: Record<Scale, ImplicitBiasSettings> = {
  default: {
    points: 16,
    dims: 2,
    gap: 0.1,
    lr: 0.1,
    steps: 1_000_000,
    perDecade: 12,
    relu: { hidden: 20, scale: 0.1, lr: 0.02, steps: 200_000 },
    seed: 0,
  },
  full: {
    points: 40,
    dims: 3,
    gap: 0.1,
    lr: 0.1,
    steps: 10_000_000,
    perDecade: 16,
    relu: { hidden: 50, scale: 0.1, lr: 0.02, steps: 2_000_000 },
    seed: 0,
  },
};
