import type { Scale } from "../experiment.js";
import type { EosWorkload } from "./workload.js";

/** Sizes of an edge-of-stability run. */
export interface EosSettings {
  workload: EosWorkload;
  /** Seed offset of the init (added to the report's seed). */
  seed: number;
  /** The log grid of step sizes, as 2/η = factor × λ_max(init): each factor > 1 (GD starts stable). */
  factors: number[];
  /** Gradient-flow time each GD run covers (steps = time/η). */
  time: number;
  /** Sharpness is measured every this many steps. */
  every: number;
  /** Half-width b of the band: the post-crossing median of λ_max must lie in [(1 − b), (1 + b)] × 2/η. */
  band: number;
  /** Flow-time window of the shadow run: the ODE from GD's state this long before crossing, to as long after. */
  shadow: number;
}

/** Cohen et al.'s chebyshev-5-20 with a tanh 1→100→1 net; default: two step sizes, full: five. */
export const EOS_SETTINGS: Record<Scale, EosSettings> = {
  default: {
    workload: { hidden: [100], degree: 5, points: 20 },
    seed: 0,
    factors: [1.15, 1.35],
    time: 800,
    every: 25,
    band: 0.1,
    shadow: 150,
  },
  full: {
    workload: { hidden: [100], degree: 5, points: 20 },
    seed: 0,
    factors: [1.1, 1.2, 1.35, 1.5, 1.7],
    time: 1500,
    every: 10,
    band: 0.1,
    shadow: 100,
  },
};
