import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../../src/config/validate.js";
import {
  FEATURES,
  FIG2_ARMS,
  runFeatures,
} from "../../../src/experiments/starvation-ablations/ntk-features.js";
import { ablationConfig } from "../../../src/experiments/starvation-ablations/runs.js";
import { ABLATION_SCALES } from "../../../src/experiments/starvation-ablations/settings.js";

const small = { ...ABLATION_SCALES.default, width: 60, ntkEpochs: 300 };

describe("their Fig. 2 pair", () => {
  it("is SGD lr 0.01, momentum 0.9, weight decay 2e-4, with and without SD 0.003 (λ = 0.006)", () => {
    expect(FIG2_ARMS.map((a) => a.id)).toEqual(["fig2-none", "fig2-sd"]);
    const [none, sd] = FIG2_ARMS.map((a) => parseRunConfig(ablationConfig(a, small, 0)));
    expect(none.optimizer).toMatchObject({ kind: "gd", lr: 0.01, momentum: 0.9, weightDecay: 2e-4 });
    expect(none.regularization.spectralDecoupling).toBe(0);
    expect(sd.regularization.spectralDecoupling).toBe(0.006);
    expect(FEATURES).toEqual([1, 6]);
  });

  it("follows z_1 and z_6 from step 0 on a log schedule; at step 0 the coordinates of the initial logits", () => {
    const r = runFeatures(FIG2_ARMS[0], small, 2);
    expect(r.steps[0]).toBe(0);
    expect(r.steps[r.steps.length - 1]).toBe(300);
    expect(r.steps.length).toBeGreaterThan(40);
    expect(r.responses.every((z) => z.length === 2 && z.every((v) => v >= 0))).toBe(true);
    expect(r.eigenvalues).toHaveLength(300);
    for (let k = 1; k < 300; k++)
      expect(r.eigenvalues[k]).toBeLessThanOrEqual(r.eigenvalues[k - 1] * (1 + 1e-12));
    // Training moves the logits along the top directions first: z_1 grows by orders of magnitude.
    expect(r.responses[r.responses.length - 1][0]).toBeGreaterThan(10 * r.responses[0][0]);
  });
});
