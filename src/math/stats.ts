/** Summary statistics over plain arrays, summed left to right (so results do not depend on the caller). */
import { studentTQuantile } from "./student-t.js";

/** Arithmetic mean (NaN for no values). */
export function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample standard deviation, with n − 1 (0 for one value, NaN for none). */
export function std(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  if (xs.length === 1) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1));
}

/** Mean and sample standard deviation together. */
export function meanStd(xs: readonly number[]): { mean: number; std: number } {
  return { mean: mean(xs), std: std(xs) };
}

/** The finite values of `xs` (drops NaN and ±Infinity, e.g. diverged runs). */
export function finite(xs: readonly number[]): number[] {
  return xs.filter(Number.isFinite);
}

/** Mean of the finite values only (NaN when none): a diverged seed drops out instead of poisoning it. */
export function meanOfFinite(xs: readonly number[]): number {
  return mean(finite(xs));
}

/** Sample standard deviation of the finite values only (0 for one, NaN for none). */
export function stdOfFinite(xs: readonly number[]): number {
  return std(finite(xs));
}

/** A difference of means with its 95% confidence interval. */
export interface Difference {
  /** Mean difference (a − b). */
  diff: number;
  /** Lower end of the 95% interval. */
  lo: number;
  /** Upper end of the 95% interval. */
  hi: number;
  /** "paired": per-pair differences (e.g. the same seed and initial weights on both sides). */
  kind: "paired";
}

/**
 * Paired 95% interval of mean(a − b) over matched pairs (Student t with n − 1 degrees of freedom), over the
 * pairs whose difference is finite. An infinite half-width when fewer than two pairs remain.
 */
export function pairedDifference(a: readonly number[], b: readonly number[]): Difference {
  if (a.length !== b.length) {
    throw new Error(`pairedDifference: a and b must be matched pairs, got ${a.length} vs ${b.length} values`);
  }
  const d = finite(a.map((v, i) => v - b[i]));
  const m = mean(d);
  const half =
    d.length > 1
      ? (studentTQuantile(0.975, d.length - 1) * std(d)) / Math.sqrt(d.length)
      : Number.POSITIVE_INFINITY;
  return { diff: m, lo: m - half, hi: m + half, kind: "paired" };
}
