import { defaultSwitch, gainSquaredIntegral, stagedErrorBound } from "../../kit/measure/mode-error-bound.js";
import { type ModeRun, type ModeStart, maxOf, runModes } from "../../kit/measure/modes.js";
import { logTimeStages } from "../../kit/measure/staged-run.js";
import { logLogSlope } from "../../math/fit.js";
import { marginAtTime, marginLateAsymptote } from "../../theory/balanced-ei.js";

/** P1: does the network keep its off-diagonal first-layer weights at exactly 0? */
export interface IndependenceResult {
  /** Largest |W1[k][j≠k]| over every record of the run (P1 predicts exactly 0 for ReLU). */
  offDiagonalMax: number;
  /** The run. */
  run: ModeRun;
}

/** P1: trains the exact setting (ReLU, or a linear hidden layer for the contrast) and reports the largest
 * off-diagonal first-layer weight seen over the run. */
export function measureIndependence(o: {
  /** The starts, one orthogonal point each (any labels, signs, dead units). */
  modes: readonly ModeStart[];
  /** Loss (default "ce"). */
  loss?: "ce" | "hinge";
  /** Hidden activation (default relu). */
  activation?: "relu" | "linear";
  /** Learning rate of the constant-η stage (default 0.01). */
  lr?: number;
  /** Final time. */
  tEnd: number;
  /** Constant-η horizon (default tEnd), then η ×10 per decade. */
  tSwitch?: number;
}): IndependenceResult {
  const run = runModes({ ...o, recordsPerStage: 100 });
  return { offDiagonalMax: maxOf(run.offDiagonal), run };
}

/** One learning rate of the P2 drift measurement. */
export interface DriftPoint {
  lr: number;
  /** Largest |(a² − b²)(t) − (a² − b²)(0)| over modes and records. */
  drift: number;
  /** First-order prediction: max over modes of η |a0² − b0²| ∫c² dt. */
  predicted: number;
}

/** P2: drift of a² − b² for several learning rates over the same time span. */
export interface DriftResult {
  points: DriftPoint[];
  /** Least-squares log–log slope of drift against η (P2: 1). */
  slope: number;
}

/** P2: per-mode a² − b² drift under gradient descent for each learning rate (same modes, same tEnd). */
export function measureBalanceDrift(o: {
  /** The starts (unbalanced ones drift; a balanced a0 = b0 keeps a² − b² = 0 exactly). */
  modes: readonly ModeStart[];
  /** Learning rates, each run at constant η over [0, tEnd]. */
  lrs: readonly number[];
  /** Time span. */
  tEnd: number;
  /** Loss (default "ce"). */
  loss?: "ce" | "hinge";
  /** Hidden activation (default relu). */
  activation?: "relu" | "linear";
}): DriftResult {
  const loss = o.loss ?? "ce";
  const integrals = o.modes.map((m) => gainSquaredIntegral(m, loss, [o.tEnd])[0]);
  const points = o.lrs.map((lr) => {
    const run = runModes({
      modes: o.modes,
      loss,
      lr,
      tEnd: o.tEnd,
      activation: o.activation,
      recordsPerStage: 50,
    });
    let drift = 0;
    for (let k = 0; k < o.modes.length; k++) {
      const c0 = o.modes[k].a0 ** 2 - o.modes[k].b0 ** 2;
      for (let i = 0; i < run.t.length; i++) {
        drift = Math.max(drift, Math.abs(run.a[k][i] ** 2 - run.b[k][i] ** 2 - c0));
      }
    }
    const predicted = maxOf(o.modes.map((m, k) => lr * Math.abs(m.a0 ** 2 - m.b0 ** 2) * integrals[k]));
    return { lr, drift, predicted };
  });
  return {
    points,
    slope: logLogSlope(
      points.map((p) => p.lr),
      points.map((p) => p.drift),
    ),
  };
}

/** One balanced mode of the P5 measurement. */
export interface BalancedMode {
  r: number;
  /** Initial margin m0 = r a0². */
  m0: number;
  /** Simulated margins at the run's record times. */
  simulated: number[];
  /** Ei solution m(t) at the same times. */
  theory: number[];
  /** max_t |m_sim − m_Ei| / m_Ei. */
  maxRelError: number;
  /** First-order GD error bound η ∫c² dt (ln m lags the flow by at most this, to first order). */
  errorBound: number;
  /** Relative error of the late-phase asymptote ln(2rt) + ln ln(2rt) against the simulation at the end. */
  lateRelError: number;
  /** The simulated margin at the end, and the late asymptote there. */
  finalMargin: number;
  lateAsymptote: number;
}

/** P5: balanced starts a0 = b0 for several norms; simulated margins against the Ei solution. */
export interface BalancedResult {
  t: number[];
  modes: BalancedMode[];
  run: ModeRun;
}

/**
 * P5: trains balanced modes (a0 = b0, y = +1, one per norm) under CE to `tEnd` (η = lr until `tSwitch`,
 * then log-time stepping) and compares each margin with the Ei solution `marginAtTime`.
 */
export function measureBalancedMargins(o: {
  /** Input norms, one balanced mode (y = +1) each. */
  norms: readonly number[];
  /** Balanced start a0 = b0 > 0. */
  a0: number;
  /** Learning rate of the constant-η stage (default 0.01). */
  lr?: number;
  /** Final time. */
  tEnd: number;
  /** Constant-η horizon (default: twice the slowest mode's CE time to m = 1, see `defaultSwitch`). */
  tSwitch?: number;
  /** Off-diagonal noise std (limit: dense init). */
  offDiagonalStd?: number;
  /** Hidden activation (default relu; "linear" for the coupled contrast). */
  activation?: "relu" | "linear";
  /** Seed of the off-diagonal noise. */
  seed?: number;
}): BalancedResult {
  const lr = o.lr ?? 0.01;
  const modes = o.norms.map((r) => ({ r, y: 1 as const, a0: o.a0, b0: o.a0 }));
  const run = runModes({
    modes,
    lr,
    tEnd: o.tEnd,
    tSwitch: o.tSwitch ?? defaultSwitch(o.norms, o.a0, o.tEnd),
    offDiagonalStd: o.offDiagonalStd,
    activation: o.activation,
    seed: o.seed,
  });
  const last = run.t.length - 1;
  const tSwitch = o.tSwitch ?? defaultSwitch(o.norms, o.a0, o.tEnd);
  const stages = logTimeStages({ lr, tSwitch: Math.min(tSwitch, o.tEnd), tEnd: o.tEnd });
  return {
    t: run.t,
    run,
    modes: modes.map((mode, k) => {
      const m0 = mode.r * o.a0 * o.a0;
      const theory = run.t.map((t) => marginAtTime(t, m0, mode.r));
      const simulated = run.margin[k];
      const lateAsymptote = marginLateAsymptote(run.t[last], mode.r);
      return {
        r: mode.r,
        m0,
        simulated,
        theory,
        maxRelError: maxOf(simulated.map((m, i) => Math.abs(m - theory[i]) / theory[i])),
        errorBound: stagedErrorBound(mode, "ce", stages),
        lateRelError: Math.abs(simulated[last] - lateAsymptote) / simulated[last],
        finalMargin: simulated[last],
        lateAsymptote,
      };
    }),
  };
}
