import type { Scale } from "../experiment.js";
import type { EosWorkload } from "./workload.js";

/** One workload of the study and how it is run. */
export interface EosCase {
  workload: EosWorkload;
  /** Seed offset of the data and init (added to the report's seed). */
  seed: number;
  /** The log grid of step sizes, as 2/η = factor × λ_max(init): each factor > 1 (GD starts stable). */
  factors: number[];
  /** Gradient-flow time each GD run covers (steps = time/η). */
  time: number;
  /** Sharpness is measured every this many steps. */
  every: number;
  /** Half-width b of the band (chosen, see checks.ts): the post-crossing median of λ_max·η/2 must lie in [1 − b, 1 + b]. */
  band: number;
  /** Flow time the gradient-flow shadow runs past GD's crossing. */
  shadow: number;
  /** GD departs from the flow at the first record where ‖θ_GD − θ_GF‖ > departure · ‖θ_GF − θ_0‖. */
  departure: number;
  /**
   * Cross-entropy only: the edge window ends at the first record after the crossing where the loss is below
   * this fraction of its value at the crossing (CE's sharpness falls as the loss → 0; Cohen et al. §3.2).
   * Omitted: the window runs to the end.
   */
  lossFraction?: number;
}

/** Sizes of an edge-of-stability run: its workloads. */
export interface EosSettings {
  cases: EosCase[];
}

const chebyshev: EosWorkload = { kind: "chebyshev", hidden: [100], degree: 5, points: 20 };
const deepLinear: EosWorkload = { kind: "deep-linear", depth: 20, width: 50, points: 50 };
const reluCe: EosWorkload = {
  kind: "relu-ce",
  dim: 10,
  points: 200,
  hidden: 100,
  initScale: 1,
  outputScale: 0.1,
};

/** Default: two step sizes per workload, a few CPU minutes; full: more step sizes, longer, finer records. */
export const EOS_SETTINGS: Record<Scale, EosSettings> = {
  default: {
    cases: [
      {
        workload: chebyshev,
        seed: 0,
        factors: [1.15, 1.35],
        time: 800,
        every: 25,
        band: 0.1,
        shadow: 150,
        departure: 0.1,
      },
      {
        workload: deepLinear,
        seed: 0,
        factors: [1.5, 2],
        time: 0.05,
        every: 20,
        band: 0.1,
        shadow: 0.02,
        departure: 0.1,
      },
      {
        workload: reluCe,
        seed: 0,
        factors: [1.2, 1.5],
        time: 12,
        every: 10,
        band: 0.1,
        shadow: 2,
        departure: 0.1,
        lossFraction: 0.5,
      },
    ],
  },
  full: {
    cases: [
      {
        workload: chebyshev,
        seed: 0,
        factors: [1.1, 1.2, 1.35, 1.5, 1.7],
        time: 1500,
        every: 10,
        band: 0.1,
        shadow: 100,
        departure: 0.1,
      },
      {
        workload: deepLinear,
        seed: 0,
        factors: [1.5, 2, 3],
        time: 0.2,
        every: 10,
        band: 0.1,
        shadow: 0.05,
        departure: 0.1,
      },
      {
        workload: reluCe,
        seed: 0,
        factors: [1.1, 1.2, 1.35, 1.5],
        time: 20,
        every: 5,
        band: 0.1,
        shadow: 2,
        departure: 0.1,
        lossFraction: 0.5,
      },
    ],
  },
};
