/**
 * C5's predicted learning times (P10) for the run being watched, when every feature is its own mode:
 * features on disjoint carriers along the coordinate axes, one hidden linear layer whose first layer is
 * diagonal (unit j sees only feature j, one unit per feature), no biases, plain GD on mean cross-entropy.
 * Then feature j's strength u_j = a_j·v_j follows THEORY.md §5's mode ODE with p = its realized frequency,
 * and it is learned (carriers' margin r·u = 1) at featureLearningTimeExact, started from this run's own
 * initial weights. Anywhere else the times would not be the theory's, so none are drawn and `gap` says why.
 */
import type { RunConfig } from "../../../src/index.js";
import {
  featureLearningTimeApprox,
  featureLearningTimeExact,
  type Mlp,
  weightView,
} from "../../../src/index.js";

/** One feature's predicted time to be learned. */
export interface FeatureTime {
  name: string;
  /** Exact gradient-flow time to r·u = 1 (t = lr·step). */
  t: number;
  /** THEORY.md's leading order ln(1/(r ε))/(p r). */
  approx: number;
}

/** Why the mode picture does not hold for this config ("" when it does). */
export function featureTimesGap(config: RunConfig): string {
  const gaps: string[] = [];
  const data = config.data;
  if (data.kind !== "features") return "data are not features";
  if (data.carriers !== "disjoint")
    gaps.push('carriers are not "disjoint" (shared points couple the features)');
  if (data.basis !== "standard") gaps.push("feature directions are not the coordinate axes");
  const m = config.model;
  if (m.hidden.length !== 1 || m.hidden[0] !== data.features.length)
    gaps.push("the net does not have one hidden layer with one unit per feature");
  if (!m.diagonalLayers.includes(0)) gaps.push("the first layer is not diagonal (model.diagonalLayers)");
  if (m.activation !== "linear") gaps.push("activation is not linear");
  if (m.bias) gaps.push("biases are on");
  if (config.loss.kind !== "ce" || config.loss.reduction !== "mean")
    gaps.push("loss is not mean cross-entropy");
  const o = config.optimizer;
  if (o.kind !== "gd" || o.momentum > 0 || o.weightDecay > 0)
    gaps.push("optimizer is not plain gradient descent");
  if (config.regularization.spectralDecoupling > 0) gaps.push("spectral decoupling is on");
  return gaps.join(", ");
}

/**
 * Predicted times from the initial weights, or the reason there are none. A feature whose unit starts
 * unbalanced (|a_j| ≠ |v_j|) or with u_j ≤ 0 is left out, since the balanced chain's formula is not its law.
 */
export function featureTimes(
  config: RunConfig,
  mlp: Mlp,
  params: Float64Array,
  n: number,
): { times: FeatureTime[]; gap: string } {
  const gap = featureTimesGap(config);
  if (gap || config.data.kind !== "features") return { times: [], gap };
  const W = weightView(mlp, params, 0);
  const v = weightView(mlp, params, 1);
  const inputs = mlp.layers[0].inputs;
  const times: FeatureTime[] = [];
  const skipped: string[] = [];
  config.data.features.forEach((f, j) => {
    const a = W[j * inputs + j];
    const u0 = a * v[j];
    const balanced = Math.abs(Math.abs(a) - Math.abs(v[j])) <= 1e-12 * Math.abs(a);
    const p = Math.round(f.frequency * n) / n;
    if (!(u0 > 0) || !balanced || !(p > 0)) {
      skipped.push(f.name);
      return;
    }
    const spec = { p, r: f.norm, a0: Math.sqrt(u0) };
    times.push({ name: f.name, t: featureLearningTimeExact(spec), approx: featureLearningTimeApprox(spec) });
  });
  return {
    times,
    gap: skipped.length
      ? `feature ${skipped.join(", ")}: not a balanced mode with u > 0 at the start, so no predicted time`
      : "",
  };
}
