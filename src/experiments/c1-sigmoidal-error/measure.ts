/**
 * C1's runs: error curves at three equal norms (the collapse), at spread norms, and the limit runs
 * (larger init, larger steps, a dense first layer) on the same draws as a reference curve.
 */
import { Rng } from "../../engine/rng.js";
import {
  type CollapseMeasurement,
  type ErrorCurveMeasurement,
  measureCollapse,
  measureErrorCurve,
} from "../../kit/measure/error-curves.js";
import { C1_EPS, C1_NORMS, type C1Sizes } from "./settings.js";

/** One limit run beside the reference curve it is paired with. */
export interface C1LimitRun {
  /** What was changed, e.g. "init scale ε = 0.3". */
  label: string;
  /** The run's error curve. */
  m: ErrorCurveMeasurement;
  /** The reference curve on the same draws. */
  ref: ErrorCurveMeasurement;
}

/** Everything C1 measured. */
export interface C1Measurement {
  /** Equal-norm curves for each of C1_NORMS and their pairwise gap. */
  collapse: CollapseMeasurement;
  /** The spread-norm curve. */
  spread: ErrorCurveMeasurement;
  /** The reference curve of the limit runs (r = 1, ε = C1_EPS). */
  ref: ErrorCurveMeasurement;
  /** Larger init and larger step runs. */
  limitRuns: C1LimitRun[];
  /** A dense Gaussian first layer (modes couple). */
  dense: ErrorCurveMeasurement;
}

/** Log-uniform norms in [lo, hi], drawn from `seed`. */
export function spreadNorms(count: number, lo: number, hi: number, seed: number): number[] {
  const rng = new Rng(seed, "c1-spread-norms");
  return Array.from({ length: count }, () => lo * (hi / lo) ** rng.uniform());
}

/**
 * sup over the records of curve A of |E_A(t) − E_B(t)|, with E_B read at the same time (its last record at
 * or before t: the error only changes at steps). Times beyond B's last record are skipped.
 */
export function supDifference(a: ErrorCurveMeasurement, b: ErrorCurveMeasurement): number {
  let d = 0;
  let k = 0;
  for (let j = 0; j < a.t.length; j++) {
    if (a.t[j] > b.t[b.t.length - 1]) break;
    while (k + 1 < b.t.length && b.t[k + 1] <= a.t[j]) k++;
    d = Math.max(d, Math.abs(a.simulated[j] - b.simulated[k]));
  }
  return d;
}

/** Runs every C1 simulation at `sizes` from `seed`. */
export function measureC1(sizes: C1Sizes, seed: number): C1Measurement {
  const collapse = measureCollapse({ norms: C1_NORMS, count: sizes.count, eps: C1_EPS, seed });
  const norms = spreadNorms(sizes.spreadCount, 0.25, 4, seed);
  const spread = measureErrorCurve({ norms, eps: C1_EPS, stepSize: 0.04, seed: seed + 101 });
  // Limits: paired against the reference draws (same seed), so sampling noise cancels.
  const reference = collapse.curves[1];
  const limitRuns: C1LimitRun[] = [];
  const base = { norms: 1, count: sizes.limitCount, seed: seed + 7 };
  const ref = sizes.limitCount === sizes.count ? reference : measureErrorCurve({ ...base, eps: C1_EPS });
  for (const eps of [0.1, 0.3, 1])
    limitRuns.push({ label: `init scale ε = ${eps}`, m: measureErrorCurve({ ...base, eps }), ref });
  for (const stepSize of [0.5, 2, 4]) {
    limitRuns.push({
      label: `learning rate η = ${stepSize} (r = 1)`,
      m: measureErrorCurve({ ...base, eps: C1_EPS, stepSize }),
      ref,
    });
  }
  const dense = measureErrorCurve({ ...base, eps: C1_EPS, firstLayer: "dense" });
  return { collapse, spread, ref, limitRuns, dense };
}
