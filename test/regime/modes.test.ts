import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/dataset.js";
import type { MlpSpec } from "../../src/engine/mlp.js";
import { modeFates, offDiagonalGrowth, offDiagonalShare } from "../../src/regime/modes.js";

const spec: MlpSpec = { inputDim: 2, hidden: [2], activation: "relu", bias: false, leakySlope: 0 };
const data: Dataset = {
  name: "t",
  n: 2,
  d: 2,
  x: new Float64Array([1, 0, 0, 1]),
  y: new Float64Array([1, -1]),
};
// params: W (2×2) then v (1×2)
const p = (w: number[], v: number[]) => new Float64Array([...w, ...v]);

describe("mode geometry", () => {
  it("off-diagonal share and growth", () => {
    expect(offDiagonalShare(new Float64Array([3, 0, 0, 4]), 2, 2)).toBe(0);
    expect(offDiagonalShare(new Float64Array([0, 3, 4, 0]), 2, 2)).toBe(1);
    expect(offDiagonalGrowth(spec, p([1, 0, 0, 1], [0, 0]), p([2, 0.5, 0, 1], [0, 0]))).toBe(0.25);
  });

  it("counts a killed recovering mode and a rescued losing one, for either label", () => {
    // Point 0 (y=+1): a=0.1, b=−0.05 recovers; ends dead (a=−0.05). Point 1 (y=−1): a=0.1, y·b=−0.2 is lost;
    // ends with a=0.3, y·b=+0.1 (rescued).
    const f = modeFates(
      spec,
      p([0.1, 0, 0, 0.1], [-0.05, 0.2]),
      p([-0.05, 0, 0, 0.3], [0.2, -0.1]),
      data,
      new Int32Array([0, 1]),
    );
    expect(f).toEqual({ alive: 2, killed: 1, rescued: 1 });
  });

  it("the flow's own outcomes count as nothing changed", () => {
    const f = modeFates(
      spec,
      p([0.1, 0, 0, 0.1], [-0.05, 0.2]),
      p([1, 0, 0, 0], [1, 0.05]),
      data,
      new Int32Array([0, 1]),
    );
    expect(f).toEqual({ alive: 2, killed: 0, rescued: 0 });
  });
});
