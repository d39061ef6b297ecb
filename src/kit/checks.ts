/**
 * Check builders: each turns a prediction and a measurement into a `Check` row with its verdict and the
 * tolerance in words. `why` (required) says how the tolerance was derived (sampling error, step size,
 * rounding, or that it was chosen): it becomes the check's `basis`, which the report prints beside the
 * tolerance, so a reader can judge the verdict. validateOutput rejects a check without one.
 */
import type { Check } from "../experiments/experiment.js";
import { formatNumber } from "../figures/figure.js";

/**
 * Pass when |measured − predicted| ≤ rel·|predicted|. A non-finite measurement or prediction fails: an
 * infinite prediction would make any tolerance relative to it infinite, and so pass anything.
 */
export function relativeCheck(
  prediction: string,
  statement: string,
  predicted: number,
  measured: number,
  rel: number,
  why: string,
): Check {
  const pass =
    Number.isFinite(measured) &&
    Number.isFinite(predicted) &&
    Math.abs(measured - predicted) <= rel * Math.abs(predicted);
  return {
    prediction,
    statement,
    predicted,
    measured,
    tolerance: `relative error ≤ ${rel}`,
    basis: why,
    pass,
  };
}

/** Pass when |measured − predicted| ≤ abs (a non-finite measurement fails). */
export function absoluteCheck(
  prediction: string,
  statement: string,
  predicted: number,
  measured: number,
  abs: number,
  why: string,
): Check {
  const pass = Number.isFinite(measured) && Math.abs(measured - predicted) <= abs;
  const tolerance = `|measured − predicted| ≤ ${abs}`;
  return { prediction, statement, predicted, measured, tolerance, basis: why, pass };
}

/**
 * Pass when measured ≤ bound: for deviations that the theory predicts to be zero (a sup distance, a worst
 * relative error, a drift). `predicted` is what the report shows as the prediction (default 0).
 */
export function boundCheck(
  prediction: string,
  statement: string,
  measured: number,
  bound: number,
  options: { predicted?: number | string; why: string },
): Check {
  return {
    prediction,
    statement,
    predicted: options.predicted ?? 0,
    measured,
    tolerance: `≤ ${formatNumber(bound)}`,
    basis: options.why,
    pass: measured <= bound,
  };
}
