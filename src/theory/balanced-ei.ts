/**
 * Balanced start `a0 = b0` (THEORY.md §3, P5; hinge counterpart §6, C6): the margin `m = r a²` obeys
 * `m' = 2 r m σ(−m)` (CE), solved implicitly by
 *
 *     t(m) = (1/(2r)) [ ln(m/m0) + Ei(m) − Ei(m0) ]
 *
 * (separate variables: dt = (1 + e^m) dm / (2 r m), and ∫ e^m/m dm = Ei(m)). Under hinge `m' = 2 r m`
 * until the margin: `m = m0 e^{2rt}`, frozen at the margin afterwards.
 * For an averaged loss where the mode's points are a fraction `p` of the data, replace `r` by `p·r`.
 *
 * @module
 */

import { ei } from "./special.js";

function checkArgs(name: string, m0: number, r: number) {
  if (!(m0 > 0))
    throw new Error(`${name}: the initial margin m0 must be > 0 (m0 = r a0² for a0 = b0), got ${m0}`);
  if (!(r > 0)) throw new Error(`${name}: the input norm r must be > 0, got ${r}`);
}

/**
 * CE time for a balanced mode to go from margin `m0` to margin `m`: `(1/(2r))[ln(m/m0) + Ei(m) − Ei(m0)]`.
 * THEORY.md §3, P5. Example: `r = 1, a0 = b0 = 0.1` (m0 = 0.01): `timeToMargin(1, 0.01, 1) = 5.259`.
 * Negative when `m < m0`.
 */
export function timeToMargin(m: number, m0: number, r: number): number {
  checkArgs("timeToMargin", m0, r);
  if (!(m > 0)) throw new Error(`timeToMargin: the target margin must be > 0, got ${m}`);
  return (Math.log(m / m0) + (ei(m) - ei(m0))) / (2 * r);
}

/**
 * CE margin of a balanced mode at time `t ≥ 0`: the inverse of {@link timeToMargin}, by safeguarded Newton
 * on `u = ln m` (the residual is increasing and convex in `u`, so Newton from above converges monotonically).
 * Accurate to ~1e-14 relative; finite up to `t ≈ 1e300` (m ≈ 690). THEORY.md §3, P5.
 */
export function marginAtTime(t: number, m0: number, r: number): number {
  checkArgs("marginAtTime", m0, r);
  if (!(t >= 0)) throw new Error(`marginAtTime: t must be >= 0, got ${t}`);
  if (t === 0) return m0;
  const target = 2 * r * t;
  const lm0 = Math.log(m0);
  const ei0 = ei(m0);
  const g = (u: number) => u - lm0 + (ei(Math.exp(u)) - ei0) - target;
  // Bracket: g(ln m0) = −2rt < 0; find hi with g(hi) ≥ 0.
  let lo = lm0;
  let hi = Math.max(lm0 + Math.min(target, 1), Math.log(Math.max(marginLateAsymptote(t, r) || 0, m0) + 1));
  while (g(hi) < 0) {
    lo = hi;
    hi = hi < 0 ? hi / 2 + 1 : hi + Math.max(1, Math.abs(hi));
  }
  let u = hi;
  for (let it = 0; it < 200; it++) {
    const gu = g(u);
    if (gu === 0) break;
    if (gu > 0) hi = u;
    else lo = u;
    const step = gu / (1 + Math.exp(Math.exp(u)));
    let next = u - step;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (
      Math.abs(next - u) <= 4e-16 * Math.max(1, Math.abs(u)) ||
      hi - lo <= 4e-16 * Math.max(1, Math.abs(u))
    ) {
      u = next;
      break;
    }
    u = next;
  }
  return Math.exp(u);
}

/**
 * Early (plateau/escape) phase of the balanced CE mode: `m ≈ m0 e^{r t}` (σ(−m) ≈ 1/2), valid while
 * `m ≪ 1`. THEORY.md §3, P5.
 */
export function marginEarlyAsymptote(t: number, m0: number, r: number): number {
  return m0 * Math.exp(r * t);
}

/**
 * Late phase of the balanced CE mode: `m ≈ L + ln L` with `L = ln(2 r t)` (from `t ≈ e^m/(2 r m)`),
 * independent of `m0`; NaN for `2rt ≤ 1`, poor until `L` is large (relative error ~ ln L / L²). THEORY.md §3, P5.
 */
export function marginLateAsymptote(t: number, r: number): number {
  const L = Math.log(2 * r * t);
  return L > 0 ? L + Math.log(L) : Number.NaN;
}

/**
 * Hinge time for a balanced mode to go from `m0` to `m ≤ margin`: `ln(m/m0)/(2r)`; `Infinity` beyond the
 * margin (the flow stops there). THEORY.md §6 (C6, P6): `r = 1, m0 = 0.01`: time to `m = 1` is 2.303.
 */
export function hingeTimeToMargin(m: number, m0: number, r: number, margin = 1): number {
  checkArgs("hingeTimeToMargin", m0, r);
  if (m > Math.max(margin, m0)) return Number.POSITIVE_INFINITY;
  return Math.log(m / m0) / (2 * r);
}

/** Hinge margin of a balanced mode at time `t`: `min(m0 e^{2rt}, margin)` (or `m0` if it starts past the
 * margin). THEORY.md §6 (C6, P6). */
export function hingeMarginAtTime(t: number, m0: number, r: number, margin = 1): number {
  checkArgs("hingeMarginAtTime", m0, r);
  if (m0 >= margin) return m0;
  return Math.min(margin, m0 * Math.exp(2 * r * t));
}

/**
 * Hinge margin of a balanced mode after `steps` steps of gradient descent (not the flow) with step `lr`
 * on the summed loss: while `m < margin` each step multiplies a and b by `1 + lr·r` (a' = a + lr·r·b), so
 * `m_k = m0 (1 + lr·r)^{2k}`; the first step that reaches the margin freezes it (the hinge gradient is 0
 * there). Exact up to rounding, with no discretisation error to allow for: a check built on it sees one
 * step too many or too few (a factor (1 + lr·r)² in m). THEORY.md §6, P6.
 */
export function hingeGdMargin(steps: number, m0: number, r: number, lr: number, margin = 1): number {
  checkArgs("hingeGdMargin", m0, r);
  if (!(Number.isInteger(steps) && steps >= 0))
    throw new Error(`hingeGdMargin: steps must be an integer >= 0, got ${steps}`);
  if (!(lr > 0)) throw new Error(`hingeGdMargin: lr must be > 0, got ${lr}`);
  let a = Math.sqrt(m0 / r);
  for (let k = 0; k < steps && r * a * a < margin; k++) a += lr * r * a;
  return r * a * a;
}

/** Adam's hyperparameters (torch.optim.Adam's names; weight decay 0). */
export interface AdamHyper {
  /** Step size η. */
  lr: number;
  /** First-moment decay β1 (0.9 in torch). */
  beta1: number;
  /** Second-moment decay β2 (0.999 in torch). */
  beta2: number;
  /** ε added to √v̂ (1e-8 in torch). */
  eps: number;
}

/**
 * Hinge margin of a balanced mode after `steps` steps of Adam on the summed loss. The mode stays balanced
 * (a and b get the same gradient −r·a, so the same moments), which makes it the scalar recurrence
 * `g = −r a` while `r a² < margin`, else 0; `m ← β1 m + (1−β1) g`, `v ← β2 v + (1−β2) g²`,
 * `a ← a − (η/(1−β1^t))·m / (√v/√(1−β2^t) + ε)`, in torch.optim.Adam's order of operations.
 * Unlike GD the margin does not stop at κ: past it the gradient is 0 but the first moment keeps moving a
 * by a step that shrinks like (β1/√β2)^j, so the margin settles above κ (the momentum overshoot).
 * Exact up to rounding. THEORY.md §6, P6.
 */
export function hingeAdamMargin(steps: number, m0: number, r: number, adam: AdamHyper, margin = 1): number {
  checkArgs("hingeAdamMargin", m0, r);
  if (!(Number.isInteger(steps) && steps >= 0))
    throw new Error(`hingeAdamMargin: steps must be an integer >= 0, got ${steps}`);
  const { lr, beta1, beta2, eps } = adam;
  if (!(lr > 0)) throw new Error(`hingeAdamMargin: lr must be > 0, got ${lr}`);
  if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1))
    throw new Error(`hingeAdamMargin: beta1 and beta2 must be in [0, 1), got ${beta1}, ${beta2}`);
  if (!(eps >= 0)) throw new Error(`hingeAdamMargin: eps must be >= 0, got ${eps}`);
  let a = Math.sqrt(m0 / r);
  let m = 0;
  let v = 0;
  for (let t = 1; t <= steps; t++) {
    const g = r * a * a < margin ? -r * a : 0;
    m = beta1 * m + (1 - beta1) * g;
    v = beta2 * v + (1 - beta2) * g * g;
    a -= ((lr / (1 - beta1 ** t)) * m) / (Math.sqrt(v) / Math.sqrt(1 - beta2 ** t) + eps);
  }
  return r * a * a;
}
