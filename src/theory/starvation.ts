/**
 * Gradient starvation (THEORY.md §7; C7, P11, P12, P13). Two orthonormal features: every point carries A
 * (norm `r_A`), a fraction `p` also carries B (norm `r_B`); balanced modes `u_A`, `u_B` start at `ε`;
 * loss averaged over points. Cross-entropy:
 *
 *     d ln u_A/dt = 2 r_A [(1−p) σ(−m0) + p σ(−m1)],   d ln u_B/dt = 2 r_B p σ(−m1)
 *     m0 = r_A u_A (points without B),   m1 = r_A u_A + r_B u_B (points with B)
 *
 * With `ρ = p r_B / r_A`: once A is learned, `σ(−m1) ≈ 1/(2 r_A t ln t)`, so `d ln u_B/d ln ln t → ρ`
 * (P12, `u_B ∝ (ln t)^ρ`), and `u_B(t_A) ≈ ε (1/(r_A ε))^ρ ∝ ε^{1−ρ}` (P11).
 * Hinge (σ(−m) → 1[m < margin]) has a closed form: both grow exponentially until the B-points reach the
 * margin (`m1 = margin`), at which moment `u_B` freezes for good; `u_A` keeps growing at rate
 * `2 r_A (1−p)` until the A-only points reach the margin too (P13).
 *
 * @module
 */

import { sigmoid } from "../math/logistic.js";
import type { Loss } from "./mode-dynamics.js";
import { integrateLogTime } from "./ode.js";

/** Parameters of the two-feature problem. */
export interface StarvationParams {
  /** Fraction `p ∈ (0, 1]` of points that carry feature B. */
  p: number;
  /** Norm of feature A (present in every point). */
  rA: number;
  /** Norm of feature B. */
  rB: number;
  /** Balanced init `ε > 0` of both mode strengths `u_A`, `u_B`. */
  eps: number;
  /** Loss (default `"ce"`). */
  loss?: Loss;
  /** Hinge margin (default 1). */
  margin?: number;
}

/** Mode strengths over time. */
export interface StarvationTrajectory {
  /** Times (as requested). */
  t: number[];
  /** Strength of the frequent feature A. */
  uA: number[];
  /** Strength of the rarer feature B. */
  uB: number[];
  /** Hinge only: time at which the B-points reach the margin and `u_B` freezes (else undefined). */
  tFreezeB?: number;
  /** Hinge only: time at which every point is at the margin and `u_A` freezes too. */
  tFreezeA?: number;
}

/** `ρ = p r_B / r_A`, the exponent of THEORY.md §7 (P11, P12). */
export function starvationRho(p: number, rA: number, rB: number): number {
  return (p * rB) / rA;
}

/**
 * P11 prediction: ratio of the final `u_B` for two init scales, `(ε1/ε2)^{1−ρ}`. THEORY.md §7:
 * ρ = 0.5 gives ×10 per ×100 in ε; ρ = 0.2 gives ×39.8.
 */
export function starvationEpsRatio(epsRatio: number, rho: number): number {
  return epsRatio ** (1 - rho);
}

function check(params: StarvationParams) {
  const { p, rA, rB, eps } = params;
  if (!(p > 0 && p <= 1)) throw new Error(`starvation: p must be in (0, 1], got ${p}`);
  if (!(rA > 0 && rB > 0)) throw new Error(`starvation: rA and rB must be > 0, got ${rA}, ${rB}`);
  if (!(eps > 0)) throw new Error(`starvation: eps must be > 0, got ${eps}`);
}

/** Options of {@link simulateStarvation}. */
export interface StarvationOptions {
  /** Relative tolerance (default 1e-10). */
  rtol?: number;
}

/**
 * `u_A(t)`, `u_B(t)` of THEORY.md §7 at `times` (ascending, ≥ 0, e.g. up to 1e8). CE: the ODE in
 * `(ln u_A, ln u_B)`, integrated in log-time past t = 1 (ode.ts). Hinge: {@link starvationHinge}.
 * P11, P12 (CE), P13 (hinge).
 */
export function simulateStarvation(
  params: StarvationParams,
  times: readonly number[],
  options: StarvationOptions = {},
): StarvationTrajectory {
  check(params);
  if ((params.loss ?? "ce") === "hinge") return starvationHinge(params, times);
  const { p, rA, rB, eps } = params;
  const out: StarvationTrajectory = { t: [...times], uA: [], uB: [] };
  if (times.length === 0) return out;
  const res = integrateLogTime(
    (_t, x, d) => {
      const m0 = rA * Math.exp(x[0]);
      const m1 = m0 + rB * Math.exp(x[1]);
      const s1 = sigmoid(-m1);
      d[0] = 2 * rA * ((1 - p) * sigmoid(-m0) + p * s1);
      d[1] = 2 * rB * p * s1;
    },
    [Math.log(eps), Math.log(eps)],
    0,
    times[times.length - 1],
    { rtol: options.rtol ?? 1e-10, atol: 1e-12, outputTimes: times, linearUntil: Math.min(1, 0.1 / rA) },
  );
  if (res.status !== "done")
    throw new Error(`simulateStarvation: integration ${res.status} at t=${res.tEnd}`);
  for (const x of res.y) {
    out.uA.push(Math.exp(x[0]));
    out.uB.push(Math.exp(x[1]));
  }
  return out;
}

/**
 * Closed-form hinge trajectory (THEORY.md §6–7, P13): `u_A = ε e^{2 r_A t}`, `u_B = ε e^{2 p r_B t}` until
 * `m1 = r_A u_A + r_B u_B` reaches the margin at `tFreezeB`; then `u_B` is frozen and
 * `u_A` grows as `e^{2 r_A (1−p)(t − tFreezeB)}` until `r_A u_A = margin` at `tFreezeA` (∞ if p = 1).
 */
export function starvationHinge(params: StarvationParams, times: readonly number[]): StarvationTrajectory {
  check(params);
  const { p, rA, rB, eps } = params;
  const margin = params.margin ?? 1;
  const m1 = (t: number) => rA * eps * Math.exp(2 * rA * t) + rB * eps * Math.exp(2 * p * rB * t);
  let t1 = 0;
  if (m1(0) < margin) {
    // m1 is increasing: bracket then bisect
    let lo = 0;
    let hi = Math.log(margin / (eps * Math.min(rA, rB))) / (2 * Math.min(rA, p * rB));
    for (let it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
      const mid = 0.5 * (lo + hi);
      if (m1(mid) < margin) lo = mid;
      else hi = mid;
    }
    t1 = 0.5 * (lo + hi);
  }
  const uA1 = eps * Math.exp(2 * rA * t1);
  const uB1 = eps * Math.exp(2 * p * rB * t1);
  const growA = 2 * rA * (1 - p);
  const tA =
    rA * uA1 >= margin ? t1 : p === 1 ? Number.POSITIVE_INFINITY : t1 + Math.log(margin / (rA * uA1)) / growA;
  const out: StarvationTrajectory = { t: [...times], uA: [], uB: [], tFreezeB: t1, tFreezeA: tA };
  for (const t of times) {
    if (t <= t1) {
      out.uA.push(eps * Math.exp(2 * rA * t));
      out.uB.push(eps * Math.exp(2 * p * rB * t));
    } else {
      out.uA.push(uA1 * Math.exp(growA * (Math.min(t, tA) - t1)));
      out.uB.push(uB1);
    }
  }
  return out;
}
