/** Evenly spaced grids on a log scale. */

/**
 * `count` values from `lo` to `hi` evenly spaced in log: `lo · (hi/lo)^{i/(count−1)}`. The first is `lo`
 * exactly; the last is `lo · (hi/lo)`, which is `hi` exactly when `hi/lo` is a power of two (the claims'
 * grids), and within an ulp otherwise. Both ends must be positive.
 */
export function logSpaced(lo: number, hi: number, count: number): number[] {
  if (!(lo > 0 && hi > 0)) throw new Error(`logSpaced: need lo, hi > 0, got ${lo}, ${hi}`);
  if (!(Number.isInteger(count) && count >= 1)) {
    throw new Error(`logSpaced: need a whole count ≥ 1, got ${count}`);
  }
  if (count === 1) return [lo];
  return Array.from({ length: count }, (_, i) => lo * (hi / lo) ** (i / (count - 1)));
}
