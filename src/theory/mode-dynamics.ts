/**
 * One independent mode `(a, b)` of THEORY.md §2 (C2, P2): a ReLU unit with first-layer weight `a` on the
 * direction of one input of norm `r` and output weight `b`, logit `f = r·a·b` when `a > 0`, label `y`.
 *
 *     a' = y c b 1[a>0],   b' = y c a 1[a>0],   c = p·r·σ(−m) (cross-entropy) or p·r·1[m < margin] (hinge)
 *
 * with margin `m = y r a b`. `a² − b²` is conserved. In rotated coordinates `(a + y b)' = c (a + y b)` and
 * `(a − y b)' = −c (a − y b)`, so with `τ(t) = ∫₀ᵗ c` the state is an explicit function of `τ` alone.
 *
 * @module
 */

import { sigmoid } from "../math/logistic.js";
import { integrate } from "./ode.js";

/** Loss of THEORY.md §1: cross-entropy (`"ce"`) or hinge (`"hinge"`). */
export type Loss = "ce" | "hinge";

/** Parameters of one mode. */
export interface ModeParams {
  /** Input norm `r = ‖x‖ > 0`. */
  r: number;
  /** Label, +1 or −1 (default +1). */
  y?: 1 | -1;
  /** Loss (default `"ce"`). */
  loss?: Loss;
  /** Hinge margin (default 1); ignored under cross-entropy. */
  margin?: number;
  /** Weight of this point in the loss: 1 for a summed loss, the feature frequency `p` for an averaged
   * loss over points that share the mode (THEORY.md §5). Default 1. */
  weight?: number;
}

/** Margin `m = y·r·a·b` of a mode when its unit is active (`a > 0`), else 0. THEORY.md §2 (P2). */
export function modeMargin(a: number, b: number, params: ModeParams): number {
  return a > 0 ? (params.y ?? 1) * params.r * a * b : 0;
}

/**
 * Gradient-flow velocity `(a', b')` of one mode (THEORY.md §2, P2), with the ReLU gate `1[a > 0]`
 * (a dead unit does not move). Under hinge the flow stops once `m ≥ margin`.
 */
export function modeVelocity(a: number, b: number, params: ModeParams): [number, number] {
  if (!(a > 0)) return [0, 0];
  const y = params.y ?? 1;
  const m = y * params.r * a * b;
  const c = modeGain(m, params);
  return [y * c * b, y * c * a];
}

/** Gain `c(m) = p·r·σ(−m)` (CE) or `p·r·1[m < margin]` (hinge) multiplying the mode's velocity. §2, P2. */
export function modeGain(m: number, params: ModeParams): number {
  const w = (params.weight ?? 1) * params.r;
  if ((params.loss ?? "ce") === "hinge") return m < (params.margin ?? 1) ? w : 0;
  return w * sigmoid(-m);
}

/** The conserved quantity `a² − b²` of a mode (THEORY.md §2, P2), for both losses. */
export function modeInvariant(a: number, b: number): number {
  return (a - b) * (a + b);
}

/**
 * Margin as a function of the rotated time `τ = ∫c dt` (THEORY.md §2):
 * `m(τ) = (r/4)[(a0 + y b0)² e^{2τ} − (a0 − y b0)² e^{−2τ}]`, valid while the unit stays active.
 */
export function modeMarginAtTau(tau: number, a0: number, b0: number, params: ModeParams): number {
  const y = params.y ?? 1;
  const u = a0 + y * b0;
  const v = a0 - y * b0;
  return (params.r / 4) * (u * u * Math.exp(2 * tau) - v * v * Math.exp(-2 * tau));
}

/** Options of {@link simulateMode}. */
export interface SimulateModeOptions {
  /** Relative tolerance of the integrator (default 1e-11). */
  rtol?: number;
  /** Absolute tolerance of the integrator (default 1e-13). */
  atol?: number;
}

/** Trajectory of one mode at the requested times. */
export interface ModeTrajectory {
  /** Times (as requested). */
  t: number[];
  /** First-layer weight `a(t)`. */
  a: number[];
  /** Output weight `b(t)`. */
  b: number[];
  /** Margin `m(t) = y r a b` (0 once the unit is dead). */
  m: number[];
  /** Time at which the mode froze: the unit died (`a` hit 0) or, under hinge, the margin was reached;
   * `Infinity` if it never froze before the last time. */
  frozenAt: number;
  /** Why it froze: `"dead"`, `"margin"`, or `"none"`. */
  frozenBy: "dead" | "margin" | "none";
}

/**
 * Simulate one mode by gradient flow from `(a0, b0)` and report it at `times` (ascending, ≥ 0), with the
 * adaptive integrator of `ode.ts`. THEORY.md §2 (P2; used to check P3–P7). The gate `1[a > 0]` and the
 * hinge's zero gradient past the margin are handled as terminal events, after which the state is frozen,
 * exactly as the flow would be.
 */
export function simulateMode(
  a0: number,
  b0: number,
  params: ModeParams,
  times: readonly number[],
  options: SimulateModeOptions = {},
): ModeTrajectory {
  const y = params.y ?? 1;
  const hinge = (params.loss ?? "ce") === "hinge";
  const margin = params.margin ?? 1;
  const out: ModeTrajectory = {
    t: [...times],
    a: [],
    b: [],
    m: [],
    frozenAt: Number.POSITIVE_INFINITY,
    frozenBy: "none",
  };
  const push = (a: number, b: number) => {
    out.a.push(a);
    out.b.push(b);
    out.m.push(modeMargin(a, b, params));
  };
  if (times.length === 0) return out;
  const tEnd = times[times.length - 1];
  const alreadyFrozen = !(a0 > 0) ? "dead" : hinge && y * params.r * a0 * b0 >= margin ? "margin" : "none";
  if (alreadyFrozen !== "none") {
    out.frozenAt = 0;
    out.frozenBy = alreadyFrozen;
    for (let i = 0; i < times.length; i++) push(a0, b0);
    return out;
  }
  const res = integrate(
    (_t, s, d) => {
      // inside the integrator the gates are handled by the event; keep the field smooth there
      const m = y * params.r * s[0] * s[1];
      const w = (params.weight ?? 1) * params.r;
      const c = hinge ? w : w * sigmoid(-m);
      d[0] = y * c * s[1];
      d[1] = y * c * s[0];
    },
    [a0, b0],
    0,
    tEnd,
    {
      rtol: options.rtol ?? 1e-11,
      atol: options.atol ?? 1e-13,
      outputTimes: times,
      event: (_t, s) => (hinge ? Math.min(s[0], margin - y * params.r * s[0] * s[1]) : s[0]),
    },
  );
  for (let i = 0; i < res.t.length; i++) push(res.y[i][0], res.y[i][1]);
  if (res.status === "event") {
    const [ae, be] = res.yEnd;
    const dead = !hinge || Math.abs(ae) <= Math.abs(margin - y * params.r * ae * be);
    out.frozenAt = res.eventTime!;
    out.frozenBy = dead ? "dead" : "margin";
    const aF = dead ? 0 : ae;
    for (let i = res.t.length; i < times.length; i++) push(aF, be);
  } else if (res.status !== "done") {
    throw new Error(
      `simulateMode: integration ${res.status} at t=${res.tEnd}; try a looser rtol or shorter times`,
    );
  }
  return out;
}
