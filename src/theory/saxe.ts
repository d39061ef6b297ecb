/**
 * Saxe et al. 2014 linear-network mode (THEORY.md §3; C1, P14): for a deep linear net on whitened input
 * with squared loss, the strength `u` of the mode of singular value `s` obeys `τ u' = 2 u (s − u)`, a
 * logistic equation solved by
 *
 *     u(t) = s e^{2st/τ} / (e^{2st/τ} − 1 + s/u0) = s / (1 + (s/u0 − 1) e^{−2st/τ})
 *
 * (the second form never overflows). The time to reach a fraction `f` of `s` is
 * `(τ/(2s)) ln[(s/u0 − 1) f/(1 − f)]`: ∝ 1/s up to the logarithm.
 *
 * @module
 */

/** Parameters of one Saxe mode. */
export interface SaxeParams {
  /** Singular value `s > 0` of the input–output correlation for this mode. */
  s: number;
  /** Initial strength `0 < u0 < s`. */
  u0: number;
  /** Time constant `τ` (1/learning rate; default 1). */
  tau?: number;
}

function check(p: SaxeParams) {
  if (!(p.s > 0)) throw new Error(`saxe: singular value s must be > 0, got ${p.s}`);
  if (!(p.u0 > 0)) throw new Error(`saxe: initial strength u0 must be > 0, got ${p.u0}`);
}

/** Mode strength `u(t) = s/(1 + (s/u0 − 1) e^{−2st/τ})`, THEORY.md §3 (P14). Stable for any t ≥ 0. */
export function saxeStrength(t: number, params: SaxeParams): number {
  check(params);
  const { s, u0 } = params;
  const tau = params.tau ?? 1;
  return s / (1 + (s / u0 - 1) * Math.exp((-2 * s * t) / tau));
}

/**
 * Time for a Saxe mode to reach `fraction · s` (default ½): `(τ/(2s)) ln[(s/u0 − 1)·f/(1 − f)]`; 0 if it
 * starts above it. THEORY.md §3 (P14): learning time ∝ 1/s.
 */
export function saxeLearningTime(params: SaxeParams, fraction = 0.5): number {
  check(params);
  if (!(fraction > 0 && fraction < 1))
    throw new Error(`saxeLearningTime: fraction must be in (0, 1), got ${fraction}`);
  const { s, u0 } = params;
  const tau = params.tau ?? 1;
  if (u0 >= fraction * s) return 0;
  return (tau / (2 * s)) * Math.log(((s / u0 - 1) * fraction) / (1 - fraction));
}
