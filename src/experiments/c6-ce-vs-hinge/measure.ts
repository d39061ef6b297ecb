/**
 * C6's runs: wrong-sign starts under both losses (P4), balanced modes under both losses (P6), and the
 * limit runs (larger init, larger learning rates); plus each balanced mode's first-order GD lag bound.
 */
import { stagedErrorBound } from "../../kit/measure/mode-error-bound.js";
import type { ModeStart } from "../../kit/measure/modes.js";
import { logTimeStages } from "../../kit/measure/staged-run.js";
import { HINGE_ADAM, HINGE_GD, type HingeGdMeasurement, measureHingeGd } from "./discrete-gd.js";
import {
  type BalancedPairResult,
  type FlipRatioResult,
  measureBalancedPair,
  measureFlipRatio,
} from "./measurements.js";
import { type C6Settings, flipStarts } from "./settings.js";

/** Everything C6 measured. */
export interface C6Measurement {
  /** The wrong-sign starts of the flip runs. */
  starts: ModeStart[];
  /** CE and hinge flip times of `starts` (P4). */
  flip: FlipRatioResult;
  /** Balanced modes under both losses (P6). */
  pair: BalancedPairResult;
  /** First-order GD lag bound η∫c² dt of each balanced CE mode over the staged run. */
  bounds: number[];
  /** Index of the norm closest to 1. */
  kOne: number;
  /** Flip ratios at larger init (limit). */
  epsRows: { eps: number; result: FlipRatioResult }[];
  /** Flip ratios and a short balanced pair at larger learning rates (limit). */
  lrRows: { lr: number; flip: FlipRatioResult; pair: BalancedPairResult }[];
  /** Balanced hinge modes at κ = 2.5 against the exact discrete GD map (HINGE_GD). */
  hingeGd: HingeGdMeasurement;
  /** The same modes under Adam against Adam's exact scalar recurrence (HINGE_ADAM). */
  hingeAdam: HingeGdMeasurement;
}

/** Runs every C6 simulation with settings `s`. */
export function measureC6(s: C6Settings): C6Measurement {
  const starts = flipStarts(s.flipNorms, s.ratios, s.eps);
  const flip = measureFlipRatio(starts, { lr: s.flipLr });
  const pair = measureBalancedPair({ norms: s.norms, a0: s.a0, lr: s.lr, tEnd: s.tEnd, tSwitch: s.tSwitch });
  const stages = logTimeStages({ lr: s.lr, tSwitch: s.tSwitch, tEnd: s.tEnd });
  const bounds = s.norms.map((r) => stagedErrorBound({ r, y: 1, a0: s.a0, b0: s.a0 }, "ce", stages));
  const kOne = s.norms.reduce(
    (best, r, k) => (Math.abs(Math.log(r)) < Math.abs(Math.log(s.norms[best])) ? k : best),
    0,
  );
  const epsRows = s.largeEps.map((eps) => ({
    eps,
    result: measureFlipRatio(flipStarts(s.flipNorms, s.ratios, eps), { lr: s.flipLr }),
  }));
  const lrRows = s.largeLrs.map((lr) => ({
    lr,
    flip: measureFlipRatio(starts, { lr }),
    pair: measureBalancedPair({ norms: s.norms, a0: s.a0, lr, tEnd: 100, tSwitch: 10 }),
  }));
  return {
    starts,
    flip,
    pair,
    bounds,
    kOne,
    epsRows,
    lrRows,
    hingeGd: measureHingeGd(HINGE_GD),
    hingeAdam: measureHingeGd(HINGE_ADAM),
  };
}
