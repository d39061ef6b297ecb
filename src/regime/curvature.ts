import type { Dataset } from "../data/dataset.js";
import { jsBackend } from "../engine/backend-js.js";
import { hessianOperator } from "../engine/hvp.js";
import { lanczosTop } from "../engine/lanczos.js";
import type { LossSpec } from "../engine/loss.js";
import { createMlp, type MlpSpec } from "../engine/mlp.js";
import { lossObjective } from "../engine/output-curvature.js";
import { forward } from "../engine/propagate.js";
import { createWorkspace } from "../engine/workspace.js";

/** What the meter's own second-order measurement needs about the objective. */
export interface ObjectiveSpec {
  loss: LossSpec;
  /** λ of spectral decoupling (its curvature λ/n per point is part of the Hessian). */
  spectralDecoupling: number;
  /** Coupled weight decay λ (adds λ to every eigenvalue). */
  weightDecay: number;
}

/**
 * λ_max of the training objective's Hessian at `params`, over the whole training set, by Lanczos on exact
 * Hessian-vector products (engine/hvp.ts) on the plain-JS backend (its buffers are freed with the call;
 * the run's own backend keeps what it allocates until the run ends). Relative Ritz residual 1e-2 (the
 * eigenvalue error is about its square over the gap, ~1e-4 relative: enough against a bound of 1), at most
 * 12 + 3 restarts × ~11 products (it runs after every sweep run); where it does not converge the value is
 * a lower estimate (Ritz values never exceed λ_max).
 */
export function sharpnessAt(
  spec: MlpSpec,
  params: Float64Array,
  data: Dataset,
  objective: ObjectiveSpec,
): number {
  const mlp = createMlp(spec, jsBackend);
  mlp.params.set(params);
  const H = hessianOperator(
    mlp,
    data.x,
    data.n,
    lossObjective(objective.loss, data.y, { spectralDecoupling: objective.spectralDecoupling }),
    jsBackend,
  );
  H.setPoint(mlp.params);
  const r = lanczosTop((v, out) => H.apply(v, out), H.size, {
    k: 1,
    basis: Math.min(12, H.size),
    maxRestarts: 3,
    tolerance: 1e-2,
    vectors: false,
  });
  return r.values[0] + objective.weightDecay;
}

/** max_i |f(x_i)| over the first `limit` points (default 1024) at `params`. */
export function maxAbsLogit(spec: MlpSpec, params: Float64Array, data: Dataset, limit = 1024): number {
  const mlp = createMlp(spec, jsBackend);
  mlp.params.set(params);
  const n = Math.min(data.n, limit);
  const ws = createWorkspace(mlp, n, jsBackend);
  const f = forward(mlp, mlp.params, data.x.subarray(0, n * data.d), n, ws, jsBackend);
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(f[i]));
  return max;
}
