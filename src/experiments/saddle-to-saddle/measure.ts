import { type Saddle, saddleToSaddle } from "../../theory/saddle-to-saddle.js";
import {
  type FlowRun,
  limitPoint,
  lossGradient,
  minNormInterpolator,
  type Regression,
  relativeDistance,
  simulateFlow,
  sparseRegression,
} from "./problem.js";
import type { SaddleSettings } from "./settings.js";

/** One jump of Algorithm 1 against the simulated flow. */
export interface Jump {
  /** Predicted rescaled time t̃ of the jump to saddle k. */
  predicted: number;
  /** Measured t̃ at which the loss first falls below the midpoint of plateaus k − 1 and k (NaN if never). */
  measured: number;
  /** First-order finite-α window for the measured time, summed over this and earlier jumps (see checks). */
  window: number;
  /** Coordinates entering the support at this jump. */
  entering: number[];
}

/** One plateau (saddle k) against the flow, midway between its jump and the next. */
export interface Plateau {
  /** t̃ of the midpoint. */
  time: number;
  /** Saddle loss (the prediction) and the flow's loss there. */
  predicted: number;
  measured: number;
  /**
   * First-order loss change from off-support coordinates at α: Σ |g_i|·½α^{2(1−|s_i|)}, with |s_i| pushed
   * out by |g_i| times the accumulated jump window (the flow's clock is only known to within it).
   */
  excess: number;
}

/** One init scale of the lazy-regime scan. */
export interface ScanPoint {
  alpha: number;
  /** Flow time run, and the loss there. */
  time: number;
  finalLoss: number;
  /** ‖β_flow − β∞(α)‖/‖β∞(α)‖: the flow against the predicted limit. */
  toLimit: number;
  /** ‖β_flow − β_ℓ1‖/‖β_ℓ1‖ (Algorithm 1's last saddle) and ‖β_flow − β_ℓ2‖/‖β_ℓ2‖ (min-norm). */
  toSparse: number;
  toMinNorm: number;
  /** Loss against unscaled t on a log grid (for the figure). */
  curve: { t: number[]; loss: number[] };
}

/** The flow at one small α against Algorithm 1. */
export interface JumpStudy {
  alpha: number;
  /** ln(1/α). */
  logInv: number;
  /** The flow against t̃ = t / ln(1/α). */
  flow: { t: number[]; loss: number[]; beta: number[][] };
  jumps: Jump[];
  plateaus: Plateau[];
}

/** Everything the study reports. */
export interface SaddleMeasurement {
  saddles: Saddle[];
  /** One per α of the settings' `alphas`. */
  studies: JumpStudy[];
  scan: ScanPoint[];
  /** Largest |β_ℓ2,i| (sets the large-α correction). */
  minNormMax: number;
  /** Support of β*. */
  starSupport: number[];
}

/** The limit's s(t̃) = −∫ ∇L(β(t̃')) dt̃', β piecewise constant on the saddles, clipped to [−1, 1]. */
function limitS(r: Regression, saddles: Saddle[], t: number): number[] {
  const d = r.star.length;
  const s = new Array<number>(d).fill(0);
  const g = new Float64Array(d);
  for (let k = 0; k < saddles.length && saddles[k].time < t; k++) {
    const end = Math.min(t, saddles[k + 1]?.time ?? t);
    lossGradient(r, saddles[k].beta, g);
    for (let i = 0; i < d; i++) s[i] = Math.max(-1, Math.min(1, s[i] - (end - saddles[k].time) * g[i]));
  }
  return s;
}

/** First t where `loss` falls below `level`, linearly interpolated between records. */
function crossingTime(t: number[], loss: number[], level: number): number {
  for (let i = 1; i < t.length; i++)
    if (loss[i] < level)
      return t[i - 1] + ((t[i] - t[i - 1]) * (loss[i - 1] - level)) / (loss[i - 1] - loss[i]);
  return Number.NaN;
}

function jumpStudy(r: Regression, saddles: Saddle[], alpha: number, s: SaddleSettings): JumpStudy {
  const L = Math.log(1 / alpha);
  const last = saddles[saddles.length - 1].time;
  const horizon = 1.3 * last + 0.5;
  const count = Math.ceil(horizon * s.resolution);
  const grid = Array.from({ length: count }, (_, i) => ((i + 1) * horizon) / count);
  const run: FlowRun = simulateFlow(
    r,
    alpha,
    grid.map((x) => x * L),
    s.rtol,
  );
  const flow = { t: run.t.map((x) => x / L), loss: run.loss, beta: run.beta };
  const g = new Float64Array(r.star.length);
  let window = 0;
  const jumps: Jump[] = saddles.slice(1).map((q, j) => {
    const prev = saddles[j];
    const entering = q.support.filter((i) => !prev.support.includes(i));
    lossGradient(r, prev.beta, g);
    // β_i = α² sinh(2 s_i ln(1/α)) ≈ ½α^{2(1−|s_i|)} reaches b at |s_i| = 1 + ln(2|b|)/(2 ln(1/α)), and a tenth
    // of it ln 10/(2 ln(1/α)) earlier; s_i moves at |g_i| per unit t̃ on the plateau before.
    const widths = (entering.length ? entering : q.support).map((i) => {
      const b = Math.abs(q.beta[i]) || Math.abs(prev.beta[i]);
      return Math.max(Math.abs(Math.log(2 * b)), Math.abs(Math.log(0.2 * b))) / (2 * L * Math.abs(g[i]));
    });
    window += Math.max(...widths);
    const level = (prev.loss + q.loss) / 2;
    return { predicted: q.time, measured: crossingTime(flow.t, flow.loss, level), window, entering };
  });
  const plateaus: Plateau[] = saddles.slice(0, -1).map((q, k) => {
    const time = (q.time + saddles[k + 1].time) / 2;
    const sl = limitS(r, saddles, time);
    lossGradient(r, q.beta, g);
    // s_i on the flow lags or leads the limit's by up to |g_i|·(the jump window so far): β_i ∝ α^{−2|s_i|}.
    const lag = k === 0 ? 0 : jumps[k - 1].window;
    let excess = 0;
    for (let i = 0; i < g.length; i++) {
      const si = Math.min(1, Math.abs(sl[i]) + Math.abs(g[i]) * lag);
      if (!q.support.includes(i)) excess += Math.abs(g[i]) * 0.5 * alpha ** (2 * (1 - si));
    }
    // Plus the solver's own error on the loss, rtol relative.
    excess += s.rtol * q.loss;
    const at = Math.min(flow.t.length - 1, Math.max(0, Math.round(time * (count / horizon)) - 1));
    return { time, predicted: q.loss, measured: flow.loss[at], excess };
  });
  return { alpha, logInv: L, flow, jumps, plateaus };
}

/** Runs each init scale of the scan to convergence (doubling the horizon until the loss is ~0). */
function scanPoint(
  r: Regression,
  alpha: number,
  last: number,
  sparse: number[],
  l2: number[],
  s: SaddleSettings,
) {
  const target = limitPoint(r, alpha);
  const y2 = r.y.reduce((a, v) => a + v * v, 0) / (2 * r.y.length);
  let T = Math.max(1, Math.log(1 / alpha)) * (last + 1) + 10;
  for (let tries = 0; ; tries++) {
    const times = Array.from({ length: 60 }, (_, i) => 1e-2 * (T / 1e-2) ** (i / 59));
    const run = simulateFlow(r, alpha, times, s.rtol);
    const finalLoss = run.loss[run.loss.length - 1];
    if (finalLoss <= 1e-20 * y2 || tries === 6) {
      const beta = run.beta[run.beta.length - 1];
      return {
        alpha,
        time: T,
        finalLoss,
        toLimit: relativeDistance(beta, target),
        toSparse: relativeDistance(beta, sparse),
        toMinNorm: relativeDistance(beta, l2),
        curve: { t: run.t, loss: run.loss },
      };
    }
    T *= 2;
  }
}

/** The study: Algorithm 1's saddles, the flow at small α against them, and the scan over init scales. */
export function measureSaddles(s: SaddleSettings, seed: number): SaddleMeasurement {
  const r = sparseRegression({ ...s.problem, seed: s.problem.seed + seed });
  const saddles = saddleToSaddle(r.X, r.y);
  const studies = s.alphas.map((a) => jumpStudy(r, saddles, a, s));
  const last = saddles[saddles.length - 1];
  const l2 = minNormInterpolator(r);
  const scan = s.scan.map((a) => scanPoint(r, a, last.time, last.beta, l2, s));
  return {
    saddles,
    studies,
    scan,
    minNormMax: Math.max(...l2.map(Math.abs)),
    starSupport: r.star.map((v, i) => (v !== 0 ? i : -1)).filter((i) => i >= 0),
  };
}
