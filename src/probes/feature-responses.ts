import type { Probe, ProbeValues } from "./probe.js";

/**
 * The network's response along each known feature direction u_j: f(u_j), the logit of the unit vector.
 * For bias-free ReLU/linear nets f is positively homogeneous, so f(r·u_j) = r·f(u_j): this is the
 * strength of mode j (a_j·b_j in the diagonal setting of THEORY.md §2, u_A and u_B in §7).
 * Also f(−u_j), since ReLU units see the two signs of a feature separately.
 */
export const featureResponsesProbe: Probe = {
  name: "feature-responses",
  description: "f(u_j) and f(-u_j) along each feature direction: response[j], responseNeg[j]",
  fields: ["response", "responseNeg"],
  measure({ data, evaluate }): ProbeValues {
    const features = data.features;
    if (!features) return {};
    const k = features.names.length;
    const d = data.d;
    const x = new Float64Array(2 * k * d);
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < d; i++) {
        x[j * d + i] = features.directions[j * d + i];
        x[(k + j) * d + i] = -features.directions[j * d + i];
      }
    }
    const logits = evaluate({
      name: "feature directions",
      n: 2 * k,
      d,
      x,
      y: new Float64Array(2 * k).fill(1),
    });
    return {
      response: Array.from(logits.subarray(0, k)),
      responseNeg: Array.from(logits.subarray(k, 2 * k)),
    };
  },
};
