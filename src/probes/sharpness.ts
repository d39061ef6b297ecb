import { lanczosTop } from "../engine/lanczos.js";
import type { Probe, ProbeValues } from "./probe.js";
import { dueNow, secondOrderState } from "./second-order-state.js";

/**
 * `sharpness`: the largest eigenvalues of the Hessian of the training objective (data loss as reduced,
 * plus spectral decoupling, plus λI for coupled weight decay) over the whole training set, by Lanczos on
 * exact Hessian-vector products, warm-started from the last record's top eigenvector.
 *
 * Records: `sharpness` (λ_max), `lrSharpness` (η·λ_max; plain gradient descent is stable on a quadratic
 * only below 2), `hessianTop` (the topK largest), `sharpnessResidual` (Ritz residual
 * ‖Hy − θy‖), `sharpnessConverged` (1 or 0) and `hessianMatvecs` (products used).
 *
 * Cost per measurement: `hessianMatvecs` products, each about 3 gradient evaluations (bench: HVP ÷
 * gradient time), typically basis + a few restarts × basis/2 products cold, far fewer warm; memory
 * basis × parameters float64 values. Schedule it with probes.secondOrder.every on long runs.
 */
export const sharpnessProbe: Probe = {
  name: "sharpness",
  fields: [
    "sharpness",
    "lrSharpness",
    "sharpnessResidual",
    "sharpnessConverged",
    "hessianMatvecs",
    "hessianTop",
  ],
  description:
    "top Hessian eigenvalue(s) of the training objective by Lanczos (sharpness, lrSharpness, hessianTop)",
  measure(ctx): ProbeValues {
    const state = secondOrderState(ctx);
    if (!dueNow(state, "sharpness")) return {};
    const { options, hessian, weightDecay } = state;
    hessian.setPoint(ctx.params);
    const k = Math.min(options.topK, hessian.size);
    const start = state.scratch.get("sharpness") as Float64Array | undefined;
    const r = lanczosTop((v, out) => hessian.apply(v, out), hessian.size, {
      k,
      basis: options.basis,
      maxRestarts: options.maxRestarts,
      tolerance: options.tolerance,
      seed: options.seed,
      start,
    });
    if (r.vectors) state.scratch.set("sharpness", r.vectors[0]);
    const values = r.values.map((v) => v + weightDecay);
    const lr = ctx.config?.optimizer.lr ?? Number.NaN;
    const out: ProbeValues = {
      sharpness: values[0],
      lrSharpness: lr * values[0],
      sharpnessResidual: r.residuals[0],
      sharpnessConverged: r.converged ? 1 : 0,
      hessianMatvecs: r.matvecs,
    };
    out.hessianTop = values;
    return out;
  },
};
