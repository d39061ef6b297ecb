import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import type { Dataset } from "../../src/data/dataset.js";
import {
  flowStepCheck,
  largestLr,
  optimizerCheck,
  stabilityCheck,
  unitsCheck,
} from "../../src/regime/checks.js";
import { inputGeometry } from "../../src/regime/geometry.js";

const base = { inputDim: 2, hidden: [2], activation: "relu" as const, bias: false, leakySlope: 0 };
const data: Dataset = {
  name: "t",
  n: 2,
  d: 2,
  x: new Float64Array([3, 0, 0, 1]),
  y: new Float64Array([1, -1]),
};

describe("a-priori regime checks", () => {
  it("flow step: η·max‖x‖, divided by the batch under a mean loss", () => {
    const g = inputGeometry(data);
    expect(flowStepCheck(parseRunConfig({ optimizer: { lr: 0.5 } }), data, g).value).toBe(1.5);
    const mean = flowStepCheck(
      parseRunConfig({ optimizer: { lr: 0.5 }, loss: { reduction: "mean" } }),
      data,
      g,
    );
    expect(mean.value).toBe(0.75);
    expect(mean.holds).toBe(true);
  });

  it("the largest η of a schedule counts", () => {
    const c = parseRunConfig({ schedules: { lr: { kind: "piecewise", from: [0, 10], values: [0.1, 2] } } });
    expect(largestLr(c)).toBe(2);
  });

  it("stability: the largest of measured and recorded η·λ, with where it was", () => {
    const c = parseRunConfig({ optimizer: { lr: 0.1 } });
    const s = stabilityCheck(
      c,
      [
        { at: "init", value: 5 },
        { at: "end", value: 30 },
      ],
      { value: 2.5, step: 7 },
      false,
    );
    expect(s.value).toBe(3);
    expect(s.why).toMatch(/at end\) > 2: GD is unstable/);
    const osc = stabilityCheck(c, [{ at: "init", value: 15 }], null, false);
    expect(osc.why).toMatch(/in \(1, 2\]/);
  });

  it("optimizer: momentum and weight decay are named", () => {
    const o = optimizerCheck(parseRunConfig({ optimizer: { momentum: 0.9, weightDecay: 1e-3 } }));
    expect(o.holds).toBe(false);
    expect(o.why).toMatch(/momentum 0.9.*weight decay 0.001/);
  });

  it("units: tanh and biases break, ReLU holds", () => {
    expect(unitsCheck(base).holds).toBe(true);
    const t = unitsCheck({ ...base, activation: "tanh", bias: true });
    expect(t.holds).toBe(false);
    expect(t.why).toMatch(/tanh.*biases on/);
    expect(unitsCheck({ ...base, hidden: [] }).holds).toBeNull();
  });
});
