import { sigmoid } from "../math/logistic.js";
import { type LossSpec, lossAndGradient } from "./loss.js";

/**
 * The objective as a function of the model's outputs f (n × o, row-major): its gradient ∂L/∂f and its
 * curvature, the product (∂²L/∂f²)·r for a direction r of the outputs. The Hessian-vector product of the
 * parameters (hvp.ts) needs only these two from the loss; anything that can supply them (a built-in loss,
 * a vector-output objective of the caller's) gets exact second-order tools.
 */
export interface OutputObjective {
  /** Width o of the outputs this objective is written for (1 for the built-in losses). */
  readonly outputs: number;
  /** Writes ∂L/∂f (n × o) into `dOut` and returns L. */
  gradient(f: Float64Array, n: number, dOut: Float64Array): number;
  /** Writes (∂²L/∂f²)·r (n × o) into `out`, at the outputs `f` last passed to `gradient`. */
  curvature(r: Float64Array, n: number, out: Float64Array): void;
}

/**
 * ℓ''(f) per point for a scalar logit f and label y ∈ {−1, +1}, before the reduction's 1/n:
 * cross-entropy σ(m)σ(−m) with m = y·f (y² = 1); squared 1; hinge 0 (piecewise linear in f: its second
 * derivative is 0 wherever it exists, i.e. everywhere but at the kink m = κ, a set of measure zero).
 */
export function pointCurvature(spec: LossSpec, f: number, y: number): number {
  switch (spec.kind) {
    case "ce": {
      const m = y * f;
      // σ(−m)·(1 − σ(−m)) = σ(−m)σ(m), without cancellation for large |m|.
      return sigmoid(-m) * sigmoid(m);
    }
    case "squared":
      return 1;
    case "hinge":
      return 0;
  }
}

/** Options of `lossObjective`. */
export interface LossObjectiveOptions {
  /**
   * λ of the spectral-decoupling penalty λ/2·mean(f²) that the trainer adds (config
   * regularization.spectralDecoupling); 0 (default) for the data loss alone. Its gradient is added as the
   * trainer adds it (λ·f/n), its curvature is λ/n per point.
   */
  spectralDecoupling?: number;
}

/**
 * A built-in loss (scalar logit, labels ±1) as an OutputObjective: exactly the ∂L/∂f the trainer uses
 * (lossAndGradient, same bits) and its exact second derivative, both reduced as the spec says.
 * The curvature coefficients are computed in `gradient` and kept, so `curvature` is one multiply a point.
 */
export function lossObjective(
  spec: LossSpec,
  y: Float64Array,
  options: LossObjectiveOptions = {},
): OutputObjective {
  const sd = options.spectralDecoupling ?? 0;
  let coef = new Float64Array(0);
  return {
    outputs: 1,
    gradient(f, n, dOut) {
      if (y.length < n) throw new Error(`lossObjective: ${n} outputs but only ${y.length} labels`);
      const loss = lossAndGradient(spec, f, y, n, dOut);
      const scale = spec.reduction === "mean" ? 1 / n : 1;
      if (coef.length < n) coef = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        coef[i] = scale * pointCurvature(spec, f[i], y[i]) + sd / n;
        if (sd > 0) dOut[i] += (sd * f[i]) / n;
      }
      return loss;
    },
    curvature(r, n, out) {
      for (let i = 0; i < n; i++) out[i] = coef[i] * r[i];
    },
  };
}

/**
 * ½‖f − T‖² summed over points and outputs, for vector-output models (o outputs per point, targets T
 * n × o): gradient f − T, curvature the identity.
 */
export function squaredObjective(targets: Float64Array, outputs: number): OutputObjective {
  return {
    outputs,
    gradient(f, n, dOut) {
      if (targets.length < n * outputs)
        throw new Error(`squaredObjective: ${n} × ${outputs} outputs but ${targets.length} targets`);
      let loss = 0;
      for (let i = 0; i < n * outputs; i++) {
        const e = f[i] - targets[i];
        dOut[i] = e;
        loss += 0.5 * e * e;
      }
      return loss;
    },
    curvature(r, n, out) {
      out.set(r.subarray(0, n * outputs));
    },
  };
}
