/**
 * The logistic function and its integral, in forms that neither overflow nor lose precision for any
 * argument. THEORY.md §1: the cross-entropy loss of a point with margin `m` is `softplus(−m)`, and its
 * gradient factor is `sigmoid(−m)`.
 */

/** Logistic sigmoid `σ(x) = 1/(1+e^{−x})`, without overflow for any `x`. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** Softplus `log(1 + e^x)`, without overflow or loss of precision for any `x`. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}
