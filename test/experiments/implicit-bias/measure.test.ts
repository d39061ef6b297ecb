import { describe, expect, it } from "vitest";
import { measureImplicitBias } from "../../../src/experiments/implicit-bias/measure.js";
import { IMPLICIT_BIAS_SETTINGS } from "../../../src/experiments/implicit-bias/settings.js";

describe("measureImplicitBias", () => {
  it("finds w̃ solving e^{−y_n x_nᵀw̃} = α_n on the support vectors", () => {
    const m = measureImplicitBias(
      { ...IMPLICIT_BIAS_SETTINGS.default, steps: 100, relu: { hidden: 2, scale: 0.1, lr: 0.01, steps: 10 } },
      0,
    );
    const { d, x, y } = m.data;
    for (const n of m.svm.support) {
      let q = 0;
      for (let j = 0; j < d; j++) q += y[n] * x[n * d + j] * m.wTilde[j];
      expect(Math.exp(-q)).toBeCloseTo(m.svm.alpha[n], 10);
    }
  });
});
