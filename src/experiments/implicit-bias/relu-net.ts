/**
 * The paper's bias-free 2-layer ReLU net f(x) = Σ_j b_j relu(a_jᵀx), positively homogeneous of degree 2 in
 * θ = (a, b), trained by full-batch GD on the summed logistic loss from a small Gaussian start; records
 * its normalized margin min_i y_i f(x_i)/‖θ‖² and Lyu & Li's smoothed margin.
 */
import { Rng } from "../../engine/rng.js";
import { normalizedMargin, smoothedMargin } from "../../probes/normalized-margin.js";
import type { Separable } from "./linear-runs.js";

export interface ReluRecords {
  t: number[];
  loss: number[];
  /** min_i q_i/‖θ‖² and −ln(e^ℒ − 1)/‖θ‖² (NaN while ℒ ≥ ln 2). */
  normalized: number[];
  smoothed: number[];
}

export function reluGd(
  data: Separable,
  o: { hidden: number; scale: number; lr: number; steps: number },
  at: number[],
  seed: number,
): ReluRecords {
  const { n, d, x, y } = data;
  const h = o.hidden;
  const rng = new Rng(seed, "implicit-bias-relu");
  const a = Float64Array.from({ length: h * d }, () => o.scale * rng.normal());
  const b = Float64Array.from({ length: h }, () => o.scale * rng.normal());
  const ga = new Float64Array(h * d);
  const gb = new Float64Array(h);
  const pre = new Float64Array(h);
  const q = new Float64Array(n);
  const wanted = new Set(at);
  const rec: ReluRecords = { t: [], loss: [], normalized: [], smoothed: [] };
  for (let k = 0; k <= o.steps; k++) {
    ga.fill(0);
    gb.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let f = 0;
      for (let u = 0; u < h; u++) {
        let s = 0;
        for (let j = 0; j < d; j++) s += a[u * d + j] * x[i * d + j];
        pre[u] = s;
        if (s > 0) f += b[u] * s;
      }
      q[i] = y[i] * f;
      loss += q[i] > 0 ? Math.log1p(Math.exp(-q[i])) : -q[i] + Math.log1p(Math.exp(q[i]));
      const c = y[i] / (1 + Math.exp(q[i])); // −∂ℓ/∂f
      for (let u = 0; u < h; u++) {
        if (pre[u] <= 0) continue;
        gb[u] += c * pre[u];
        for (let j = 0; j < d; j++) ga[u * d + j] += c * b[u] * x[i * d + j];
      }
    }
    if (wanted.has(k) || k === o.steps) {
      let norm2 = 0;
      for (const v of a) norm2 += v * v;
      for (const v of b) norm2 += v * v;
      const norm = Math.sqrt(norm2);
      rec.t.push(o.lr * k);
      rec.loss.push(loss);
      rec.normalized.push(normalizedMargin(q, norm, 2));
      rec.smoothed.push(smoothedMargin(loss, norm, 2));
    }
    for (let i = 0; i < a.length; i++) a[i] += o.lr * ga[i];
    for (let u = 0; u < h; u++) b[u] += o.lr * gb[u];
  }
  return rec;
}
