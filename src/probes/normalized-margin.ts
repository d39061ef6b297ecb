/**
 * Normalized margin of a homogeneous network (Lyu & Li, ICLR 2020): for f(θ; x) positively homogeneous of
 * degree L in θ (a bias-free ReLU net of L layers; a linear model: L = 1), γ = min_i y_i f(x_i)/‖θ‖^L.
 * Under gradient flow on logistic loss, once the loss is below ln 2 (every point classified), the smoothed
 * margin γ̃ = −ln(e^{ℒ} − 1)/‖θ‖^L is non-decreasing and γ converges with it.
 */
import type { Probe, ProbeValues } from "./probe.js";

function checkNorm(name: string, norm: number, degree: number) {
  if (!(norm > 0)) throw new Error(`${name}: the parameter norm must be > 0, got ${norm}`);
  if (!(degree > 0)) throw new Error(`${name}: the homogeneity degree must be > 0, got ${degree}`);
}

/** γ = min_i margins_i / ‖θ‖^degree (margins are y_i f(x_i)). */
export function normalizedMargin(margins: ArrayLike<number>, paramNorm: number, degree: number): number {
  checkNorm("normalizedMargin", paramNorm, degree);
  if (!margins.length) throw new Error("normalizedMargin: no margins given");
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < margins.length; i++) min = Math.min(min, margins[i]);
  return min / paramNorm ** degree;
}

/**
 * Lyu & Li's smoothed margin for the summed logistic loss ℒ = Σ ln(1 + e^{−q_i}): −ln(e^{ℒ} − 1)/‖θ‖^L,
 * a lower bound on γ; NaN while ℒ ≥ ln 2 (some point may be misclassified, and the bound is void).
 */
export function smoothedMargin(loss: number, paramNorm: number, degree: number): number {
  checkNorm("smoothedMargin", paramNorm, degree);
  if (!(loss < Math.LN2)) return Number.NaN;
  return -Math.log(Math.expm1(loss)) / paramNorm ** degree;
}

/** Summed logistic loss Σ ln(1 + e^{−q_i}) of the margins, in the stable softplus form. */
function summedLogistic(q: ArrayLike<number>): number {
  let loss = 0;
  for (let i = 0; i < q.length; i++)
    loss += q[i] > 0 ? Math.log1p(Math.exp(-q[i])) : -q[i] + Math.log1p(Math.exp(q[i]));
  return loss;
}

/**
 * `normalized-margin`: γ = min_i y_i f(x_i)/‖θ‖^L and Lyu & Li's smoothed margin of the summed logistic
 * loss (computed from the margins whatever loss trains the net, since their theorem is about it), with L
 * the number of weight layers: the degree of homogeneity of a bias-free ReLU, leaky-ReLU or linear net.
 * A net with biases or tanh units is not homogeneous, so the probe refuses it with a clear error.
 */
export const normalizedMarginProbe: Probe = {
  name: "normalized-margin",
  description:
    "bias-free ReLU/linear nets: min margin/‖θ‖^L and the smoothed margin (normalizedMargin, smoothedMargin)",
  fields: ["normalizedMargin", "smoothedMargin"],
  measure({ mlp, params, data, logits }): ProbeValues {
    const { bias, activation, hidden } = mlp.spec;
    if (bias || (activation === "tanh" && hidden.length > 0))
      throw new Error(
        `probe normalized-margin: the net must be positively homogeneous (no biases, ReLU, leaky-ReLU or linear units); this one has ${bias ? "biases (set model.bias false)" : "tanh units"}`,
      );
    const degree = mlp.layers.length;
    let norm2 = 0;
    for (const v of params) norm2 += v * v;
    const norm = Math.sqrt(norm2);
    if (!(norm > 0)) return { normalizedMargin: NaN, smoothedMargin: NaN };
    const q = Float64Array.from(logits.subarray(0, data.n), (f, i) => f * data.y[i]);
    return {
      normalizedMargin: normalizedMargin(q, norm, degree),
      smoothedMargin: smoothedMargin(summedLogistic(q), norm, degree),
    };
  },
};
