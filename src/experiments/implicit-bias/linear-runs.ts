/**
 * Separable data and full-batch GD of a bias-free linear model f = wᵀx on the summed logistic loss
 * Σ ln(1 + e^{−y wᵀx}) and on the summed hinge loss Σ max(0, 1 − y wᵀx), both from w = 0.
 */
import { Rng } from "../../engine/rng.js";

/** n row-major points (n × d) and labels ±1. */
export interface Separable {
  n: number;
  d: number;
  x: Float64Array;
  y: Float64Array;
}

/** N(0, I) points kept when |teacherᵀx| ≥ gap·‖teacher‖, labelled by the sign: separable through 0. */
export function separableData(n: number, d: number, gap: number, seed: number): Separable {
  if (!(Number.isInteger(n) && n >= 2 && Number.isInteger(d) && d >= 1))
    throw new Error(`implicit-bias: need at least 2 points and 1 dimension, got n = ${n}, d = ${d}`);
  if (!(gap >= 0 && gap < 3)) throw new Error(`implicit-bias: gap must be in [0, 3), got ${gap}`);
  const rng = new Rng(seed, "separable");
  const teacher = Array.from({ length: d }, () => rng.normal());
  const tn = Math.hypot(...teacher);
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  for (let i = 0; i < n; ) {
    const p = Array.from({ length: d }, () => rng.normal());
    const s = p.reduce((a, v, j) => a + v * teacher[j], 0) / tn;
    if (Math.abs(s) < gap) continue;
    x.set(p, i * d);
    y[i++] = Math.sign(s);
  }
  return { n, d, x, y };
}

/** Margins q_i = y_i wᵀx_i. */
export function margins(data: Separable, w: ArrayLike<number>): Float64Array {
  const q = new Float64Array(data.n);
  for (let i = 0; i < data.n; i++) {
    let s = 0;
    for (let j = 0; j < data.d; j++) s += w[j] * data.x[i * data.d + j];
    q[i] = data.y[i] * s;
  }
  return q;
}

/** Step indices 0 and ~perDecade per decade up to `steps` (distinct, ascending). */
export function logSteps(steps: number, perDecade: number): number[] {
  const out = new Set([0, 1]);
  const decades = Math.log10(steps);
  for (let i = 1; i <= Math.ceil(decades * perDecade); i++)
    out.add(Math.min(steps, Math.round(10 ** (i / perDecade))));
  out.add(steps);
  return [...out].sort((a, b) => a - b);
}

/** A linear run's records. */
export interface LinearRecords {
  t: number[];
  w: Float64Array[];
  loss: number[];
  /** Steps taken (hinge stops early when its gradient is exactly zero). */
  steps: number;
}

/** GD on the summed logistic (`kind` "logistic") or hinge loss from w = 0, recorded at the given steps. */
export function linearGd(
  data: Separable,
  kind: "logistic" | "hinge",
  lr: number,
  steps: number,
  at: number[],
): LinearRecords {
  const { n, d, x, y } = data;
  const w = new Float64Array(d);
  const g = new Float64Array(d);
  const rec: LinearRecords = { t: [], w: [], loss: [], steps };
  const wanted = new Set(at);
  for (let k = 0; k <= steps; k++) {
    g.fill(0);
    let loss = 0;
    const q = margins(data, w);
    for (let i = 0; i < n; i++) {
      // −∂ℓ/∂q: σ(−q) for logistic (log1p form stable for large q), 1 inside the hinge margin.
      const c = kind === "logistic" ? 1 / (1 + Math.exp(q[i])) : q[i] < 1 ? 1 : 0;
      loss +=
        kind === "logistic"
          ? q[i] > 0
            ? Math.log1p(Math.exp(-q[i]))
            : -q[i] + Math.log1p(Math.exp(q[i]))
          : Math.max(0, 1 - q[i]);
      for (let j = 0; j < d; j++) g[j] += c * y[i] * x[i * d + j];
    }
    const stopped = kind === "hinge" && g.every((v) => v === 0);
    if (wanted.has(k) || k === steps || stopped) {
      rec.t.push(lr * k);
      rec.w.push(Float64Array.from(w));
      rec.loss.push(loss);
    }
    if (stopped) {
      rec.steps = k;
      break;
    }
    for (let j = 0; j < d; j++) w[j] += lr * g[j];
  }
  return rec;
}
