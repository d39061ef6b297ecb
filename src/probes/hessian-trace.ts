import { hutchinsonTrace } from "../engine/hutchinson.js";
import type { Probe, ProbeValues } from "./probe.js";
import { dueNow, secondOrderState } from "./second-order-state.js";

/**
 * `hessian-trace`: tr H of the training objective (as for `sharpness`, weight decay included as λ·p) by
 * Hutchinson's estimator with seeded Rademacher vectors, the same vectors at every record (so changes
 * between records are not sampling noise of new vectors). Records `hessianTrace` and
 * `hessianTraceError` (its standard error). Cost: traceSamples Hessian-vector products per measurement.
 */
export const hessianTraceProbe: Probe = {
  name: "hessian-trace",
  fields: ["hessianTrace", "hessianTraceError"],
  description: "trace of the training objective's Hessian by Hutchinson (hessianTrace, hessianTraceError)",
  measure(ctx): ProbeValues {
    const state = secondOrderState(ctx);
    if (!dueNow(state, "hessian-trace")) return {};
    const { options, hessian, weightDecay } = state;
    hessian.setPoint(ctx.params);
    const est = hutchinsonTrace((v, out) => hessian.apply(v, out), hessian.size, {
      samples: options.traceSamples,
      seed: options.seed,
    });
    return { hessianTrace: est.trace + weightDecay * hessian.size, hessianTraceError: est.standardError };
  },
};
