import type { Scale } from "../experiment.js";

/** Sizes of a simplicity-bias run (Shah et al. 2020's LMS-5, reduced: full-batch GD instead of SGD). */
export interface SbSettings {
  /** Seeds (each draws its own data and init). */
  seeds: number;
  /** Training and test points (the paper: 100,000 and 2,000). */
  n: number;
  nTest: number;
  /** Slab coordinates (the paper: 19) and slabs per coordinate. */
  slabs: number;
  k: 3 | 5;
  /** Hidden units of the 2-layer ReLU net (the paper: 200) and full-batch GD steps, lr, momentum. */
  width: number;
  steps: number;
  lr: number;
  momentum: number;
  /** The feature-frequency half (THEORY.md §5, §7's data), trained with the same net and optimizer. */
  frequency: SbFrequencySettings;
}

/** One setting of the frequency half: A in every point (norm 1), B in a fraction `p` of them (norm `rB`). */
export interface SbFrequencyPoint {
  /** Fraction of training points carrying B, in (0, 1]. */
  p: number;
  /** Norm of B (A has norm 1). */
  rB: number;
}

/** The feature-frequency half of the study: the C5/C7 data, randomised like the LMS data. */
export interface SbFrequencySettings {
  /** The (p, r_B) settings, each trained once per seed. */
  points: SbFrequencyPoint[];
  /** Training points and test points (the "all" set: every point carries A and B). */
  n: number;
  nTest: number;
  /** Noise dimensions and their std (so a net cannot key on an exact point). */
  noiseDims: number;
  noiseStd: number;
}

export const SB_SETTINGS: Record<Scale, SbSettings> = {
  default: {
    ...{ seeds: 3, n: 1000, nTest: 1000, slabs: 9, k: 5, width: 100, steps: 300, lr: 0.2, momentum: 0.9 },
    frequency: {
      // ρ = p·r_B/r_A = 0.2, 0.5, 0.9 (just below the predicted switch), 1.5, 1.6.
      points: [
        { p: 0.2, rB: 1 },
        { p: 0.5, rB: 1 },
        { p: 0.5, rB: 1.8 },
        { p: 0.5, rB: 3 },
        { p: 0.2, rB: 8 },
      ],
      ...{ n: 200, nTest: 1000, noiseDims: 8, noiseStd: 0.1 },
    },
  },
  full: {
    ...{ seeds: 10, n: 5000, nTest: 2000, slabs: 19, k: 5, width: 200, steps: 1000, lr: 0.2, momentum: 0.9 },
    frequency: {
      points: [
        { p: 0.2, rB: 1 },
        { p: 0.5, rB: 1 },
        { p: 0.5, rB: 1.5 },
        { p: 0.5, rB: 1.8 },
        { p: 0.5, rB: 2.2 },
        { p: 0.5, rB: 3 },
        { p: 0.2, rB: 8 },
      ],
      ...{ n: 1000, nTest: 2000, noiseDims: 8, noiseStd: 0.1 },
    },
  },
};
