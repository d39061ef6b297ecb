/**
 * What the lab's views measure at each recorded step beside the history record (LabExtra): per-point
 * margins, the units' (a, b), feature responses, weight norms, train and test loss per point, and the
 * parameters themselves for small nets (scrubbing and the unit views).
 */
import type { Dataset, Probe, ProbeContext, ProbeValues, RunConfig } from "../../../src/index.js";
import { type Mlp, PROBES, pointLoss, weightView } from "../../../src/index.js";
import { type LabExtra, MAX_POINT_SERIES, MAX_SCRUB_PARAMS, MAX_UNITS } from "./run-types.js";

/** Probes of the library that the views use when they exist (looked up by name). */
function libraryProbe(name: string): Probe | undefined {
  return PROBES.find((p) => p.name === name);
}

export function measureExtras(ctx: ProbeContext, config: RunConfig): LabExtra {
  const { data, logits, mlp, params } = ctx;
  const extra: LabExtra = { step: ctx.step, t: ctx.step * config.optimizer.lr };
  if (data.n <= MAX_POINT_SERIES) {
    extra.margin = Array.from({ length: data.n }, (_, i) => data.y[i] * logits[i]);
  }
  const take = (name: string): ProbeValues => libraryProbe(name)?.measure(ctx) ?? {};
  const norms = take("weight-norms");
  if (Array.isArray(norms.weightNorm)) extra.weightNorm = norms.weightNorm;
  if (typeof norms.paramNorm === "number") extra.paramNorm = norms.paramNorm;
  const conserved = take("conserved");
  if (typeof conserved.balanceDrift === "number") extra.balanceDrift = conserved.balanceDrift;
  if (data.features) {
    const responses = take("feature-responses");
    if (Array.isArray(responses.response)) extra.response = responses.response;
  }
  if (config.data.kind === "orthogonal" && mlp.layers.length >= 2) {
    const L = mlp.layers[0];
    const W = weightView(mlp, params, 0);
    let worst = 0;
    for (let k = 0; k < L.outputs; k++)
      for (let i = 0; i < L.inputs; i++) if (i !== k) worst = Math.max(worst, Math.abs(W[k * L.inputs + i]));
    extra.offDiagonal = worst;
  }
  extra.trainMean = meanLoss(ctx, logits, data);
  const test = ctx.tests.test;
  if (test) {
    const f = ctx.evaluate(test);
    extra.testMean = meanLoss(ctx, f, test);
    let wrong = 0;
    for (let i = 0; i < test.n; i++) if (test.y[i] * f[i] <= 0) wrong++;
    extra.testError = wrong / test.n;
  }
  if (mlp.size <= MAX_SCRUB_PARAMS) extra.params = Array.from(params);
  const units = unitPairs(mlp, params, data, config);
  if (units) {
    extra.a = units.a;
    extra.yb = units.yb;
  }
  return extra;
}

/** 2-layer nets on orthogonal data: unit k paired with point k, a = w_k·x_k/‖x_k‖ and y_k·b_k (THEORY.md §4). */
export function unitPairs(
  mlp: Mlp,
  params: Float64Array,
  data: Dataset,
  config: RunConfig,
): { a: number[]; yb: number[] } | null {
  {
    if (mlp.layers.length !== 2 || config.data.kind !== "orthogonal") return null;
    const L = mlp.layers[0];
    const W = weightView(mlp, params, 0);
    const v = weightView(mlp, params, 1);
    const k = Math.min(L.outputs, data.n, MAX_UNITS);
    const a: number[] = new Array(k);
    const yb: number[] = new Array(k);
    for (let u = 0; u < k; u++) {
      let dot = 0;
      let sq = 0;
      for (let i = 0; i < data.d; i++) {
        const xi = data.x[u * data.d + i];
        dot += W[u * L.inputs + i] * xi;
        sq += xi * xi;
      }
      a[u] = dot / Math.sqrt(sq);
      yb[u] = data.y[u] * v[u];
    }
    return { a, yb };
  }
}

/** Mean loss per point of logits f on a data set (the same per-point loss as training, without penalties). */
function meanLoss(ctx: ProbeContext, f: ArrayLike<number>, data: Dataset): number {
  let s = 0;
  for (let i = 0; i < data.n; i++) s += pointLoss(ctx.loss, f[i], data.y[i]);
  return s / data.n;
}
