import type { Probe } from "./probe.js";

/** Accuracy on every named test set (e.g. "B-only": does the model use the rare feature?). */
export const testAccuracyProbe: Probe = {
  name: "test-accuracy",
  description: "accuracy on each test set of the data generator, as accuracy:<name>",
  fields: ["accuracy:*"],
  measure({ tests, evaluate }) {
    const out: Record<string, number> = {};
    for (const [name, ds] of Object.entries(tests)) {
      const logits = evaluate(ds);
      let correct = 0;
      for (let i = 0; i < ds.n; i++) if (ds.y[i] * logits[i] > 0) correct++;
      out[`accuracy:${name}`] = correct / ds.n;
    }
    return out;
  },
};
