/**
 * A net on fixed data as the edge-of-stability study drives it: loss and gradient at any parameters and
 * λ_max there (Lanczos on exact Hessian-vector products). The trainer is not used (the Chebyshev and
 * deep-linear targets are real-valued, and the flow shadow needs ∇L at points GD never visits): the
 * engine's forward/backward and hessianOperator are driven directly.
 */
import type { Backend } from "../../engine/backend.js";
import { type HessianOperator, hessianOperator } from "../../engine/hvp.js";
import { lanczosTop } from "../../engine/lanczos.js";
import type { Mlp } from "../../engine/mlp.js";
import type { OutputObjective } from "../../engine/output-curvature.js";
import { backward, forward } from "../../engine/propagate.js";
import { createWorkspace } from "../../engine/workspace.js";

/** One net on its data: loss and gradient at any parameters, λ_max there, and its initial parameters. */
export interface EosNet {
  mlp: Mlp;
  /** Parameters at init. */
  initial: Float64Array;
  /** Loss at θ; writes ∇L(θ) into `grad`. */
  lossAndGradient(theta: Float64Array, grad: Float64Array): number;
  /** λ_max of the Hessian at θ (Lanczos, warm-started from the last call's eigenvector). */
  sharpness(theta: Float64Array): number;
}

/** The EosNet of `mlp` (initial parameters: mlp.params as they are now) on X (n × d) under `objective`. */
export function netOnData(
  mlp: Mlp,
  x: Float64Array,
  n: number,
  objective: OutputObjective,
  backend: Backend,
): EosNet {
  const ws = createWorkspace(mlp, n, backend);
  const H: HessianOperator = hessianOperator(mlp, x, n, objective, backend);
  let start: Float64Array | undefined;
  return {
    mlp,
    initial: Float64Array.from(mlp.params),
    lossAndGradient(theta, grad) {
      forward(mlp, theta, x, n, ws, backend);
      const loss = objective.gradient(ws.logits, n, ws.dLogits);
      backward(mlp, theta, x, n, ws, backend, grad);
      return loss;
    },
    sharpness(theta) {
      H.setPoint(theta);
      const r = lanczosTop((v, out) => H.apply(v, out), H.size, {
        k: 1,
        basis: Math.min(20, H.size),
        maxRestarts: 30,
        tolerance: 1e-6,
        start,
      });
      if (r.vectors) start = r.vectors[0];
      return r.values[0];
    },
  };
}

/**
 * Cohen et al.'s `SquaredLoss` over the data set: ½·Σ_{points, outputs} (f − y)² / n, for `outputs`
 * outputs per point (targets n × outputs): gradient (f − y)/n, curvature 1/n.
 */
export function meanSquaredObjective(targets: Float64Array, outputs: number): OutputObjective {
  return {
    outputs,
    gradient(f, n, dOut) {
      let loss = 0;
      for (let i = 0; i < n * outputs; i++) {
        const e = f[i] - targets[i];
        dOut[i] = e / n;
        loss += (0.5 * e * e) / n;
      }
      return loss;
    },
    curvature(r, n, out) {
      for (let i = 0; i < n * outputs; i++) out[i] = r[i] / n;
    },
  };
}
