import { sigmoid, softplus } from "../math/logistic.js";

/**
 * Losses of a scalar logit f against a label y ∈ {-1, +1}, written in the margin m = y·f:
 *
 * | kind      | per-point loss ℓ        | ∂ℓ/∂f              |
 * |-----------|--------------------------|--------------------|
 * | "ce"      | log(1 + e^{-m})          | -y·σ(-m)           |
 * | "hinge"   | max(0, κ - m), κ=margin  | -y·1[m < κ]        |
 * | "squared" | ½ (f - y)²               | f - y              |
 *
 * Cross-entropy with 0/1 targets and a sigmoid output is the same function (labels are mapped to ±1 on
 * load). Reduction "sum" adds the per-point losses: with it, gradient-flow time is t = lr × steps, the
 * time scale of THEORY.md. Reduction "mean" divides by the number of points in the batch (PyTorch's
 * default), which slows the flow by that factor.
 */
export type LossKind = "ce" | "hinge" | "squared";

export const LOSSES: readonly LossKind[] = ["ce", "hinge", "squared"];

export interface LossSpec {
  /** Which loss. */
  kind: LossKind;
  /** "sum" over points (theory's time scale) or "mean" (divides by batch size). */
  reduction: "sum" | "mean";
  /** Hinge margin κ (default 1); ignored by other losses. */
  margin: number;
}

/** One point's loss for logit f and label y. */
export function pointLoss(spec: LossSpec, f: number, y: number): number {
  const m = y * f;
  switch (spec.kind) {
    case "ce":
      return softplus(-m);
    case "hinge":
      return m < spec.margin ? spec.margin - m : 0;
    case "squared":
      return 0.5 * (f - y) * (f - y);
  }
}

/**
 * Total loss over n points (reduced as the spec says). When `dLogits` is given, also writes ∂L/∂f_i
 * there, already divided by `count` for "mean" (by default n; a chunk of a larger set passes the set's
 * size, so the chunks' gradients add up to the set's).
 */
export function lossAndGradient(
  spec: LossSpec,
  logits: Float64Array,
  y: Float64Array,
  n: number,
  dLogits?: Float64Array,
  count = n,
): number {
  const scale = spec.reduction === "mean" ? 1 / count : 1;
  let total = 0;
  if (spec.kind === "ce" && dLogits) {
    // Fused: one exponential per point gives both softplus(−m) and sigmoid(−m) (src/math/logistic.ts)
    // with the same operations, so the same bits (test/math/logistic.test.ts checks that).
    for (let i = 0; i < n; i++) {
      const yi = y[i];
      const m = yi * logits[i];
      let sig: number;
      if (m >= 0) {
        const e = Math.exp(-m);
        total += Math.log1p(e);
        sig = e / (1 + e);
      } else {
        const e = Math.exp(m);
        total += -m + Math.log1p(e);
        sig = 1 / (1 + e);
      }
      dLogits[i] = scale * (-yi * sig);
    }
    return total * scale;
  }
  for (let i = 0; i < n; i++) {
    const f = logits[i];
    const yi = y[i];
    total += pointLoss(spec, f, yi);
    if (dLogits) dLogits[i] = scale * pointGradient(spec, f, yi);
  }
  return total * scale;
}

/**
 * Cross-entropy fast path for steps whose loss value is not recorded: writes exactly the ∂L/∂f of
 * `lossAndGradient(spec, …, dLogits)` (same operations) but, instead of the loss, returns an upper bound
 * of the value `lossAndGradient` would return, without a logarithm per point: log1p(e) ≤ e for the
 * e = exp(−|m|) ≤ 1 it takes (also after rounding), and rounded sums and products are monotone. So
 * `bound ≤ limit` proves that the loss is finite and ≤ limit; NaN logits give NaN. Only for kind "ce".
 */
export function ceGradientAndBound(
  reduction: LossSpec["reduction"],
  logits: Float64Array,
  y: Float64Array,
  n: number,
  dLogits: Float64Array,
): number {
  const scale = reduction === "mean" ? 1 / n : 1;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const yi = y[i];
    const m = yi * logits[i];
    let sig: number;
    if (m >= 0) {
      const e = Math.exp(-m);
      bound += e;
      sig = e / (1 + e);
    } else {
      const e = Math.exp(m);
      bound += -m + e;
      sig = 1 / (1 + e);
    }
    dLogits[i] = scale * (-yi * sig);
  }
  return bound * scale;
}

/**
 * The gradient of a weighted mean objective w·(1/N)Σℓ + (λ/2)·(1/N)Σf² for n of its N points (`total`),
 * written as one quotient per point, ∂/∂f_i = (w·ℓ′(f_i) + λ·f_i)/N — a different rounding from
 * `lossAndGradient`'s (1/N)·ℓ′ followed by + λf/N, so the two agree to rounding, not bit for bit (this
 * one is the colored-MNIST study's, kept for its numbers). Returns Σℓ over the n points, unweighted.
 */
export function weightedLossGradient(
  spec: LossSpec,
  logits: Float64Array,
  y: Float64Array,
  n: number,
  total: number,
  w: number,
  lambda: number,
  dLogits: Float64Array,
): number {
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const f = logits[i];
    const yi = y[i];
    if (spec.kind === "ce") {
      // One exponential per point for both the loss and σ(-m) (the same operations as the two functions).
      const m = yi * f;
      let sig: number;
      if (m >= 0) {
        const e = Math.exp(-m);
        sum += Math.log1p(e);
        sig = e / (1 + e);
      } else {
        const e = Math.exp(m);
        sum += -m + Math.log1p(e);
        sig = 1 / (1 + e);
      }
      dLogits[i] = (w * -yi * sig + lambda * f) / total;
    } else {
      sum += pointLoss(spec, f, yi);
      dLogits[i] = (w * pointGradient(spec, f, yi) + lambda * f) / total;
    }
  }
  return sum;
}

function pointGradient(spec: LossSpec, f: number, y: number): number {
  const m = y * f;
  switch (spec.kind) {
    case "ce":
      return -y * sigmoid(-m);
    case "hinge":
      return m < spec.margin ? -y : 0;
    case "squared":
      return f - y;
  }
}

/** Number of points with margin y·f ≤ 0 (a zero logit counts as an error: the point is not learned). */
export function countErrors(logits: Float64Array, y: Float64Array, n: number): number {
  let errors = 0;
  for (let i = 0; i < n; i++) if (!(y[i] * logits[i] > 0)) errors++;
  return errors;
}
