/**
 * Time to learn a feature (THEORY.md §5; C4, C5, P10). A feature of norm `r`, present in a fraction `p` of
 * the points (loss averaged over points), learned by a balanced depth-D chain whose D weights all start
 * at `a0` (D = 2: the mode `a = b`). Every weight obeys `a' = p r σ(−m) a^{D−1}` with margin `m = r a^D`.
 *
 * Exact time to reach margin `m*` (separating variables, `a = (m/r)^{1/D}`):
 *
 *     t = r^{(D−2)/D} / (p r D) · ∫_{m0}^{m*} (1 + e^m) m^{2/D − 2} dm,     m0 = r a0^D
 *
 * - D = 2: `t = (1/(2pr))[ln(m* / m0) + Ei(m*) − Ei(m0)]` (the balanced Ei form with `r → p r`); its
 *   small-init leading term is THEORY.md's `ln(1/(r ε))/(p r)` with `ε = u0 = a0²` the initial mode
 *   strength (the remainder, `(Ei(m*) − γ − ln m*)/(2pr)` ≈ 1.32/(2pr) for m* = 1, is not small relative
 *   to it unless `ln(1/(r ε))` is large).
 * - D ≥ 3: with σ ≈ 1/2 the integral diverges as `m → ∞` slowly enough to converge: finite-time escape at
 *   `t ≈ 2 a0^{−(D−2)} / ((D−2) p r)` (THEORY.md, with `ε` = the per-layer init `a0`); the exact time differs
 *   by an O(1/(p r)) constant, so the relative error ∝ `a0^{D−2}`.
 *
 * @module
 */

import { timeToMargin } from "./balanced-ei.js";
import { integrateAdaptive } from "./quadrature.js";

/** A feature and the chain that learns it. */
export interface FeatureSpec {
  /** Fraction `p ∈ (0, 1]` of the points that carry the feature (1 for a summed loss). */
  p: number;
  /** Feature norm `r > 0`. */
  r: number;
  /** Per-layer balanced init `a0 > 0` (every weight of the chain starts at `a0`). */
  a0: number;
  /** Depth D ≥ 2 (number of weights in the chain); default 2. */
  depth?: number;
}

function check(spec: FeatureSpec): number {
  const D = spec.depth ?? 2;
  if (!(spec.p > 0 && spec.p <= 1)) throw new Error(`feature time: p must be in (0, 1], got ${spec.p}`);
  if (!(spec.r > 0)) throw new Error(`feature time: r must be > 0, got ${spec.r}`);
  if (!(spec.a0 > 0)) throw new Error(`feature time: a0 must be > 0, got ${spec.a0}`);
  if (!(Number.isInteger(D) && D >= 2))
    throw new Error(`feature time: depth must be an integer >= 2, got ${D}`);
  return D;
}

/**
 * THEORY.md §5 approximation (P10): `ln(1/(r a0²))/(p r)` for D = 2 (ε = a0² = initial mode strength),
 * `2 a0^{−(D−2)} / ((D−2) p r)` for D ≥ 3 (ε = a0). Ratio of two features' times = inverse ratio of `p r`.
 */
export function featureLearningTimeApprox(spec: FeatureSpec): number {
  const D = check(spec);
  const { p, r, a0 } = spec;
  if (D === 2) return Math.log(1 / (r * a0 * a0)) / (p * r);
  return (2 * a0 ** -(D - 2)) / ((D - 2) * p * r);
}

/**
 * Exact gradient-flow time for the balanced chain to reach margin `threshold` (default 1), from the
 * integral in the module comment (Ei for D = 2, adaptive quadrature in `ln m` for D ≥ 3). 0 if it starts
 * past the threshold. THEORY.md §5 (P10, C4, C5).
 */
export function featureLearningTimeExact(spec: FeatureSpec, threshold = 1): number {
  const D = check(spec);
  const { p, r, a0 } = spec;
  const m0 = r * a0 ** D;
  if (m0 >= threshold) return 0;
  if (D === 2) return timeToMargin(threshold, m0, p * r);
  const k = 2 / D - 1; // integrand in v = ln m: (1 + e^m) m^{2/D − 1}
  const integral = integrateAdaptive(
    (v) => {
      const m = Math.exp(v);
      return (1 + Math.exp(m)) * Math.exp(k * v);
    },
    Math.log(m0),
    Math.log(threshold),
    { panels: 16 },
  );
  return (r ** ((D - 2) / D) / (p * r * D)) * integral;
}
