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
import { integrate } from "./ode.js";
import { integrateAdaptive } from "./quadrature.js";

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

/** Parameters of a Saxe mode in a net of `depth` weight matrices (balanced: every layer's share equal). */
export interface SaxeDeepParams extends SaxeParams {
  /** Number of weight matrices D ≥ 2 (a "2-layer" net has D = 2; default 2). */
  depth?: number;
}

function checkDeep(p: SaxeDeepParams): number {
  check(p);
  const D = p.depth ?? 2;
  if (!(Number.isInteger(D) && D >= 2)) throw new Error(`saxe: depth must be an integer ≥ 2, got ${D}`);
  return D;
}

/**
 * Right-hand side of the balanced depth-D mode, `τ u' = D u^{2−2/D} (s − u)` (Saxe et al. 2014, eq. for
 * N_l layers: each of the D factors a = u^{1/D} obeys τ a' = a^{D−1}(s − a^D)). D = 2 is `2u(s − u)`.
 */
export function saxeDeepRate(u: number, params: SaxeDeepParams): number {
  const D = checkDeep(params);
  const tau = params.tau ?? 1;
  return (D * u ** (2 - 2 / D) * (params.s - u)) / tau;
}

/**
 * Time for a balanced depth-D mode to grow from u0 to `fraction · s`: `∫ τ du / (D u^{2−2/D}(s − u))`,
 * in closed form for D = 2 ({@link saxeLearningTime}), by adaptive Gauss–Legendre on `ln u` otherwise
 * (the integrand in ln u is smooth and bounded on [ln u0, ln fs]). For D > 2 the time is dominated by
 * `τ/((D − 2) s u0^{1−2/D})`: deeper nets from the same small per-layer scale are slower, by a power of u0.
 */
export function saxeDeepLearningTime(params: SaxeDeepParams, fraction = 0.5): number {
  const D = checkDeep(params);
  if (D === 2) return saxeLearningTime(params, fraction);
  if (!(fraction > 0 && fraction < 1))
    throw new Error(`saxeDeepLearningTime: fraction must be in (0, 1), got ${fraction}`);
  const { s, u0 } = params;
  if (u0 >= fraction * s) return 0;
  const tau = params.tau ?? 1;
  // du = u dℓ with ℓ = ln u: integrand τ / (D u^{1−2/D} (s − u)).
  const f = (l: number) => {
    const u = Math.exp(l);
    return tau / (D * u ** (1 - 2 / D) * (s - u));
  };
  return integrateAdaptive(f, Math.log(u0), Math.log(fraction * s), { rtol: 1e-12, panels: 16 });
}

/**
 * Strengths of a balanced depth-D mode at the given times (ascending, ≥ 0): the closed form for D = 2,
 * Dormand–Prince on `τ u' = D u^{2−2/D}(s − u)` (rtol 1e-11) otherwise.
 */
export function saxeDeepStrengths(times: readonly number[], params: SaxeDeepParams): number[] {
  const D = checkDeep(params);
  if (D === 2) return times.map((t) => saxeStrength(t, params));
  if (!times.length) return [];
  const rhs = (_t: number, y: Float64Array, dy: Float64Array) => {
    dy[0] = saxeDeepRate(Math.max(y[0], 0), params);
  };
  const t1 = times[times.length - 1];
  if (t1 === 0) return times.map(() => params.u0);
  const r = integrate(rhs, [params.u0], 0, t1, { outputTimes: times, rtol: 1e-11, atol: 1e-14 });
  if (r.status !== "done")
    throw new Error(`saxeDeepStrengths: the mode ODE stopped (${r.status}) at t = ${r.tEnd}`);
  return r.y.map((y) => y[0]);
}
