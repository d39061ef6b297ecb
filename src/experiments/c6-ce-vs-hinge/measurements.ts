import type { RunConfigInput } from "../../config/run-config.js";
import { measureFlipTimesOf } from "../../kit/measure/flip-times.js";
import { elementSeries, firstCrossing } from "../../kit/measure/history-series.js";
import { defaultSwitch } from "../../kit/measure/mode-error-bound.js";
import { type ModeRun, type ModeStart, maxOf, runModes } from "../../kit/measure/modes.js";
import {
  hingeMarginAtTime,
  hingeTimeToMargin,
  marginAtTime,
  marginLateAsymptote,
  timeToMargin,
} from "../../theory/balanced-ei.js";
import { flipTimeExact } from "../../theory/flip-time.js";

/** P4: flip times of the same wrong-sign starts under CE and hinge. */
export interface FlipRatioResult {
  starts: ModeStart[];
  /** Simulated CE and hinge flip times. */
  ce: number[];
  hinge: number[];
  /** Measured t*_CE / t*_H per start. */
  ratio: number[];
  /** Gradient-flow prediction of the ratio: 2 for small init; exact (quadrature) ratio at any init. */
  exactRatio: number[];
  /** Closed-form hinge flip time atanh(|b0|/a0)/r (exact for every init scale). */
  hingeClosedForm: number[];
  /** max |ratio − 2| / 2 and max |ratio − exactRatio| / exactRatio. */
  maxRelErrorTwo: number;
  maxRelErrorExact: number;
  /** max |hinge − closed form| / closed form. */
  maxRelErrorHinge: number;
  /** The two run configs. */
  configs: { ce: RunConfigInput; hinge: RunConfigInput };
}

/**
 * P4: runs the same wrong-sign starts (y·b0 < 0 < a0, |b0| < a0) under CE and under hinge (one run each,
 * every step recorded) and compares the flip times: t*_H = t*_CE/2 for small init.
 */
export function measureFlipRatio(
  starts: readonly ModeStart[],
  /** lr: GD step of both runs (default 0.005). */
  o: { lr?: number } = {},
): FlipRatioResult {
  const ce = measureFlipTimesOf(starts, { loss: "ce", lr: o.lr });
  const hinge = measureFlipTimesOf(starts, { loss: "hinge", lr: o.lr });
  const ratio = ce.measured.map((t, k) => t / hinge.measured[k]);
  const exactRatio = starts.map(
    (s) =>
      flipTimeExact(s.a0, s.b0, { r: s.r, y: s.y, loss: "ce" }) /
      flipTimeExact(s.a0, s.b0, { r: s.r, y: s.y, loss: "hinge" }),
  );
  const maxRel = (x: number[], ref: (k: number) => number) =>
    Math.max(...x.map((v, k) => Math.abs(v - ref(k)) / ref(k)));
  return {
    starts: [...starts],
    ce: ce.measured,
    hinge: hinge.measured,
    ratio,
    exactRatio,
    hingeClosedForm: hinge.closedForm,
    maxRelErrorTwo: maxRel(ratio, () => 2),
    maxRelErrorExact: maxRel(ratio, (k) => exactRatio[k]),
    maxRelErrorHinge: maxRel(hinge.measured, (k) => hinge.closedForm[k]),
    configs: { ce: ce.config, hinge: hinge.config },
  };
}

/** One balanced mode under both losses. */
export interface BalancedPair {
  r: number;
  m0: number;
  /** Time to reach m = 1: simulated and predicted, CE (Ei) and hinge (ln(1/m0)/(2r)). */
  ceTime: number;
  ceTimePredicted: number;
  hingeTime: number;
  hingeTimePredicted: number;
  /** Hinge: largest |Δa| + |Δb| between the first record with m ≥ 1 and any later record (P6: exactly 0). */
  hingeChangeAfterMargin: number;
  /** Hinge margin at the end (≥ 1, overshoot O(ηr) from the last step). */
  hingeFinalMargin: number;
  /** CE margin at the end, and the late asymptote ln(2rt) + ln ln(2rt) there. */
  ceFinalMargin: number;
  ceLateAsymptote: number;
}

/** P6 (and the hinge counterpart of P5): balanced starts under CE and hinge, followed to late times. */
export interface BalancedPairResult {
  modes: BalancedPair[];
  ce: ModeRun;
  hinge: ModeRun;
  /** ‖θ‖² = Σ(a² + b²) over time for each loss, and the theory Σ 2m_k(t)/r_k (a = b stays exact in GD). */
  ceNormSq: number[];
  hingeNormSq: number[];
  ceNormSqTheory: number[];
  hingeNormSqTheory: number[];
  /** max_t |‖θ‖²_sim − ‖θ‖²_theory| / ‖θ‖²_theory for CE. */
  ceNormSqRelError: number;
  /** Relative change of hinge ‖θ‖² from the time every mode reached the margin to the end (P6: 0). */
  hingeNormSqChangeAfter: number;
}

/** Index of the first record with value ≥ level, or −1. */
function firstIndexAtLeast(values: readonly number[], level: number): number {
  for (let i = 0; i < values.length; i++) if (values[i] >= level) return i;
  return -1;
}

/**
 * P6: trains balanced modes (a0 = b0, y = +1, one per norm) under CE and under hinge (margin 1) to `tEnd`
 * (η = lr up to tSwitch, then log-time stepping) and measures time to m = 1, the hinge freeze, the CE
 * late-phase margin and the growth of ‖θ‖².
 */
export function measureBalancedPair(o: {
  /** Input norms, one balanced mode (y = +1) each. */
  norms: readonly number[];
  /** Balanced start a0 = b0 > 0. */
  a0: number;
  /** Learning rate of the constant-η stage (default 0.01). */
  lr?: number;
  /** Final time. */
  tEnd: number;
  /** Constant-η horizon (default: twice the slowest CE time to m = 1), then η ×10 per decade. */
  tSwitch?: number;
}): BalancedPairResult {
  const modes = o.norms.map((r) => ({ r, y: 1 as const, a0: o.a0, b0: o.a0 }));
  const tSwitch = o.tSwitch ?? defaultSwitch(o.norms, o.a0, o.tEnd);
  const common = { modes, lr: o.lr ?? 0.01, tEnd: o.tEnd, tSwitch };
  const ce = runModes({ ...common, loss: "ce", recordsPerStage: 1000 });
  // Every step: a hinge margin freezes just past 1, so interpolating between sparse records would place the
  // crossing late by up to a record interval.
  const hinge = runModes({ ...common, loss: "hinge", recordsPerStage: Number.POSITIVE_INFINITY });
  const normSq = (run: ModeRun) =>
    run.t.map((_, i) => modes.reduce((s, _m, k) => s + run.a[k][i] ** 2 + run.b[k][i] ** 2, 0));
  const m0s = modes.map((m) => m.r * o.a0 * o.a0);
  const ceNormSqTheory = ce.t.map((t) =>
    modes.reduce((s, m, k) => s + (2 * marginAtTime(t, m0s[k], m.r)) / m.r, 0),
  );
  const hingeNormSqTheory = hinge.t.map((t) =>
    modes.reduce((s, m, k) => s + (2 * hingeMarginAtTime(t, m0s[k], m.r)) / m.r, 0),
  );
  const ceNormSq = normSq(ce);
  const hingeNormSq = normSq(hinge);
  const lastCE = ce.t.length - 1;
  const lastH = hinge.t.length - 1;
  const pairs = modes.map((m, k): BalancedPair => {
    const iFreeze = firstIndexAtLeast(hinge.margin[k], 1);
    let change = Number.POSITIVE_INFINITY;
    if (iFreeze >= 0) {
      change = 0;
      for (let i = iFreeze; i <= lastH; i++) {
        change = Math.max(
          change,
          Math.abs(hinge.a[k][i] - hinge.a[k][iFreeze]) + Math.abs(hinge.b[k][i] - hinge.b[k][iFreeze]),
        );
      }
    }
    return {
      r: m.r,
      m0: m0s[k],
      ceTime: firstCrossing(elementSeries(ce.history, "margin", k), 1),
      ceTimePredicted: timeToMargin(1, m0s[k], m.r),
      hingeTime: firstCrossing(elementSeries(hinge.history, "margin", k), 1 - 1e-12),
      hingeTimePredicted: hingeTimeToMargin(1, m0s[k], m.r),
      hingeChangeAfterMargin: change,
      hingeFinalMargin: hinge.margin[k][lastH],
      ceFinalMargin: ce.margin[k][lastCE],
      ceLateAsymptote: marginLateAsymptote(ce.t[lastCE], m.r),
    };
  });
  const allFrozen = Math.max(...modes.map((_, k) => firstIndexAtLeast(hinge.margin[k], 1)));
  const hingeNormSqChangeAfter =
    allFrozen < 0 || modes.some((_, k) => firstIndexAtLeast(hinge.margin[k], 1) < 0)
      ? Number.POSITIVE_INFINITY
      : maxOf(hingeNormSq.slice(allFrozen).map((v) => Math.abs(v - hingeNormSq[allFrozen]))) /
        hingeNormSq[allFrozen];
  return {
    modes: pairs,
    ce,
    hinge,
    ceNormSq,
    hingeNormSq,
    ceNormSqTheory,
    hingeNormSqTheory,
    ceNormSqRelError: maxOf(ceNormSq.map((v, i) => Math.abs(v - ceNormSqTheory[i]) / ceNormSqTheory[i])),
    hingeNormSqChangeAfter,
  };
}
