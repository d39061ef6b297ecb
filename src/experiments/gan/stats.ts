/** Small statistics over seeds: mean, sample std, Student-t 95% intervals (paired and unpaired). */

/** Two-sided 95% Student-t quantiles t_{0.975, ν} for ν = 1 … 30 (then the normal 1.96 limit). */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t_{0.975, ν}: the 95% two-sided Student-t quantile (ν ≥ 1; linear in 1/ν beyond the table). */
export function t975(nu: number): number {
  if (!(nu >= 1)) return Number.NaN;
  if (nu <= 30) return T975[Math.floor(nu) - 1];
  return 1.96 + (2.042 - 1.96) * (30 / nu);
}

/** Mean of the finite values (NaN when none). */
export function mean(xs: readonly number[]): number {
  const v = xs.filter(Number.isFinite);
  return v.length ? v.reduce((a, b) => a + b, 0) / v.length : Number.NaN;
}

/** Sample standard deviation (n − 1) of the finite values (0 for one value, NaN for none). */
export function std(xs: readonly number[]): number {
  const v = xs.filter(Number.isFinite);
  if (v.length === 0) return Number.NaN;
  if (v.length === 1) return 0;
  const m = mean(v);
  return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1));
}

/** A difference of means with its 95% confidence interval. */
export interface Difference {
  /** Mean difference (a − b). */
  diff: number;
  /** Lower and upper ends of the 95% interval. */
  lo: number;
  hi: number;
  /** "paired" (per-seed differences, same inits) or "welch". */
  kind: "paired" | "welch";
}

/** Paired 95% interval of mean(a − b) over matched pairs (same seed, same initial weights). */
export function pairedDifference(a: readonly number[], b: readonly number[]): Difference {
  if (a.length !== b.length) throw new Error(`pairedDifference: ${a.length} vs ${b.length} values`);
  const d = a.map((v, i) => v - b[i]);
  const m = mean(d);
  const half = d.length > 1 ? (t975(d.length - 1) * std(d)) / Math.sqrt(d.length) : Number.POSITIVE_INFINITY;
  return { diff: m, lo: m - half, hi: m + half, kind: "paired" };
}

/** Welch 95% interval of mean(a) − mean(b) for independent samples. */
export function welchDifference(a: readonly number[], b: readonly number[]): Difference {
  const va = std(a) ** 2 / a.length;
  const vb = std(b) ** 2 / b.length;
  const se = Math.sqrt(va + vb);
  const nu = se > 0 ? (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1)) : 1;
  const m = mean(a) - mean(b);
  const half = se > 0 ? t975(nu) * se : 0;
  return { diff: m, lo: m - half, hi: m + half, kind: "welch" };
}
