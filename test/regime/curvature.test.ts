import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/dataset.js";
import type { MlpSpec } from "../../src/engine/mlp.js";
import { maxAbsLogit, sharpnessAt } from "../../src/regime/curvature.js";

const spec: MlpSpec = { inputDim: 1, hidden: [1], activation: "relu", bias: false, leakySlope: 0 };
const data: Dataset = { name: "t", n: 1, d: 1, x: new Float64Array([2]), y: new Float64Array([1]) };
const ce = {
  loss: { kind: "ce" as const, reduction: "sum" as const, margin: 1 },
  spectralDecoupling: 0,
  weightDecay: 0,
};

describe("meter curvature", () => {
  it("one mode near its saddle: Hessian [[0, −rσ], [−rσ, 0]], so λ_max = r/2", () => {
    const lambda = sharpnessAt(spec, new Float64Array([1e-6, 1e-6]), data, ce);
    expect(lambda).toBeCloseTo(1, 9);
    expect(sharpnessAt(spec, new Float64Array([1e-6, 1e-6]), data, { ...ce, weightDecay: 0.5 })).toBeCloseTo(
      1.5,
      9,
    );
  });

  it("max |f(x)| at given weights", () => {
    // f = v·relu(w·x) = −0.5 · relu(0.3 · 2)
    expect(maxAbsLogit(spec, new Float64Array([0.3, -0.5]), data)).toBeCloseTo(0.3, 15);
  });
});
