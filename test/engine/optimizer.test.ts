import { describe, expect, it } from "vitest";
import { createBackend } from "../../src/engine/backends.js";
import { createOptimizer, type OptimizerSpec } from "../../src/engine/optimizer.js";

const spec = (o: Partial<OptimizerSpec>): OptimizerSpec => ({
  kind: "sgd",
  lr: 0.1,
  momentum: 0,
  nesterov: false,
  batchSize: null,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  weightDecay: 0.01,
  ...o,
});

describe("optimizer state", () => {
  for (const s of [spec({ momentum: 0.9 }), spec({ kind: "adam" }), spec({})]) {
    it(`${s.kind}${s.momentum ? " + momentum" : ""}: state() then restore() continues bit for bit`, () => {
      const be = createBackend("js");
      const grads = Array.from({ length: 8 }, (_, k) => Float64Array.from([k + 1, -0.5 * k, 0.25]));
      const a = createOptimizer(s, 3, be);
      const pa = Float64Array.from([1, 2, 3]);
      for (const g of grads) a.step(pa, g);
      const b = createOptimizer(s, 3, be);
      const pb = Float64Array.from([1, 2, 3]);
      for (const g of grads.slice(0, 3)) b.step(pb, g);
      const saved = b.state();
      const c = createOptimizer(s, 3, be);
      c.restore(saved);
      expect(c.steps).toBe(3);
      for (const g of grads.slice(3)) c.step(pb, g);
      expect(Array.from(pb)).toEqual(Array.from(pa));
    });
  }

  it("a schedule's hyperparameters replace the spec's for that step", () => {
    const be = createBackend("js");
    const o = createOptimizer(spec({ weightDecay: 0 }), 1, be);
    const p = Float64Array.from([1]);
    o.step(p, Float64Array.from([1]), { lr: 0.5, weightDecay: 0 });
    expect(p[0]).toBe(0.5);
  });

  it("refuses a state of another rule or size with a clear error", () => {
    const be = createBackend("js");
    const adam = createOptimizer(spec({ kind: "adam" }), 3, be).state();
    expect(() => createOptimizer(spec({ momentum: 0.9 }), 3, be).restore(adam)).toThrow(/same kind/);
    expect(() => createOptimizer(spec({ kind: "adam" }), 4, be).restore(adam)).toThrow(
      /3 entries, the model 4/,
    );
    const plain = createOptimizer(spec({}), 3, be).state();
    expect(() => createOptimizer(spec({ momentum: 0.9 }), 3, be).restore(plain)).toThrow(/momentum on\/off/);
  });
});
