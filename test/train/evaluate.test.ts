import { describe, expect, it } from "vitest";
import { createBackend } from "../../src/engine/backends.js";
import { initialize } from "../../src/engine/init.js";
import { createMlp } from "../../src/engine/mlp.js";
import { Rng } from "../../src/engine/rng.js";
import { createEvaluator } from "../../src/train/evaluate.js";

describe("createEvaluator", () => {
  it("gives each set's logits as a copy, the same for a set evaluated again", () => {
    const be = createBackend("wasm");
    const mlp = createMlp({ inputDim: 2, hidden: [3], activation: "tanh", bias: true, leakySlope: 0 }, be);
    initialize(
      mlp,
      {
        kind: "layers",
        balanced: false,
        layers: [{ scheme: "gaussian", scale: 1, gain: 1, diagonal: "half-normal" }],
      },
      new Rng(1),
    );
    const set = (n: number, seed: number) => {
      const r = new Rng(seed);
      return {
        name: "s",
        n,
        d: 2,
        x: Float64Array.from({ length: 2 * n }, () => r.normal()),
        y: new Float64Array(n),
      };
    };
    const train = set(5, 2);
    const evaluate = createEvaluator(mlp, be, train, train.x);
    const test = set(4, 3);
    const a = evaluate(test);
    expect(a.length).toBe(4);
    a[0] = 99; // a copy: the next call is not affected
    const b = evaluate(test);
    expect(b[0]).not.toBe(99);
    expect(Array.from(evaluate(test))).toEqual(Array.from(b));
    // It reads the live parameters: the logit changes when they do.
    mlp.params[0] += 1;
    expect(evaluate(test)[0]).not.toBe(b[0]);
    expect(evaluate(train).length).toBe(5);
  });
});
