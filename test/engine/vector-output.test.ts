import { describe, expect, it } from "vitest";
import { jsBackend } from "../../src/engine/backend-js.js";
import { createMlp } from "../../src/engine/mlp.js";
import { backward, forward } from "../../src/engine/propagate.js";
import { Rng } from "../../src/engine/rng.js";
import { createWorkspace } from "../../src/engine/workspace.js";

/** Fourth-order central difference. */
function derivative(f: (v: number) => number, x: number, h: number): number {
  return (-f(x + 2 * h) + 8 * f(x + h) - 8 * f(x - h) + f(x - 2 * h)) / (12 * h);
}

function relErr(a: number, b: number, floor = 1e-5): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}

describe("vector outputs (model.outputDim)", () => {
  it("backward matches finite differences of L = Σ c·f for a 2-output net, parameters and inputs", () => {
    const rng = new Rng(5);
    const mlp = createMlp(
      { inputDim: 3, hidden: [5, 4], activation: "tanh", bias: true, leakySlope: 0.1, outputDim: 2 },
      jsBackend,
    );
    for (let i = 0; i < mlp.size; i++) mlp.params[i] = 0.6 * rng.normal();
    const n = 4;
    const X = Float64Array.from({ length: n * 3 }, () => rng.normal());
    const c = Float64Array.from({ length: n * 2 }, () => rng.normal());
    const lossOf = (params: Float64Array, x: Float64Array) => {
      const ws = createWorkspace(mlp, n, jsBackend);
      const f = forward(mlp, params, x, n, ws, jsBackend);
      let s = 0;
      for (let i = 0; i < n * 2; i++) s += c[i] * f[i];
      return s;
    };
    const ws = createWorkspace(mlp, n, jsBackend);
    forward(mlp, mlp.params, X, n, ws, jsBackend);
    ws.dLogits.set(c);
    const grad = new Float64Array(mlp.size);
    const inputGrad = new Float64Array(n * 3);
    backward(mlp, mlp.params, X, n, ws, jsBackend, grad, inputGrad);
    const p = Float64Array.from(mlp.params);
    for (let i = 0; i < p.length; i++) {
      const orig = p[i];
      const fd = derivative(
        (v) => {
          p[i] = v;
          const l = lossOf(p, X);
          p[i] = orig;
          return l;
        },
        orig,
        1e-3,
      );
      expect(relErr(grad[i], fd)).toBeLessThan(1e-7);
    }
    const x = Float64Array.from(X);
    for (let i = 0; i < x.length; i++) {
      const orig = x[i];
      const fd = derivative(
        (v) => {
          x[i] = v;
          const l = lossOf(mlp.params, x);
          x[i] = orig;
          return l;
        },
        orig,
        1e-3,
      );
      expect(relErr(inputGrad[i], fd)).toBeLessThan(1e-7);
    }
  });
});
