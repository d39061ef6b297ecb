import { describe, expect, it } from "vitest";
import { jsBackend } from "../../src/engine/backend-js.js";
import { createMlp, importWeights } from "../../src/engine/mlp.js";
import { endToEndMap, linearMapProblem } from "../../src/probes/linear-map.js";

const spec = (hidden: number[], activation: "linear" | "relu") => ({
  inputDim: 3,
  hidden,
  activation,
  bias: false,
  leakySlope: 0,
});

describe("endToEndMap", () => {
  it("multiplies the layers of a 3-layer linear net in order, W3·W2·W1", () => {
    const mlp = createMlp(spec([2, 2], "linear"), jsBackend);
    importWeights(mlp, [
      {
        W: [
          [1, 2, 0],
          [0, 1, -1],
        ],
      },
      {
        W: [
          [1, 1],
          [2, 0],
        ],
      },
      { W: [[3, -1]] },
    ]);
    // W2·W1 = [[1,3,-1],[2,4,0]]; W3·that = [3−2, 9−4, −3−0]
    expect(Array.from(endToEndMap(mlp, mlp.params, "t"))).toEqual([1, 5, -3]);
  });
  it("is the weight vector of a linear model, whatever its activation field", () => {
    const mlp = createMlp(spec([], "relu"), jsBackend);
    importWeights(mlp, [{ W: [[0.5, -2, 4]] }]);
    expect(Array.from(endToEndMap(mlp, mlp.params, "t"))).toEqual([0.5, -2, 4]);
  });
  it("refuses a ReLU net, naming the probe and the fix", () => {
    const mlp = createMlp(spec([2], "relu"), jsBackend);
    expect(linearMapProblem(mlp, "svd-modes")).toMatch(/svd-modes.*relu.*"linear"/);
    expect(() => endToEndMap(mlp, mlp.params, "direction")).toThrow(/probe direction/);
  });
});
