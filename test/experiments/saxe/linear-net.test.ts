import { describe, expect, it } from "vitest";
import { correlatedData, correlations } from "../../../src/data/correlated.js";
import { trainLinear } from "../../../src/experiments/saxe/linear-net.js";
import { modeStrengths } from "../../../src/probes/svd-modes.js";

const data = correlatedData({ singularValues: [2, 0.5], inputs: 3, outputs: 3, seed: 4 });
const c = correlations(data.x, data.y, data.count, data.inputs, data.outputs);
const base = { ...c, inputs: 3, outputs: 3, u: data.u, v: data.v, hidden: 4, lr: 0.01, every: 10, seed: 1 };

describe("trainLinear", () => {
  it("starts decoupled at u0 = a0^D on every mode and 0 off them", () => {
    for (const depth of [2, 3]) {
      const r = trainLinear({ ...base, depth, init: { kind: "decoupled", a0: 0.2 }, steps: 1 });
      const s = modeStrengths(r.maps[0], 3, 3, data.u, data.v);
      for (const v of s) expect(v).toBeCloseTo(0.2 ** depth, 13);
      let norm2 = 0;
      for (const w of r.maps[0]) norm2 += w * w;
      expect(norm2).toBeCloseTo(2 * 0.2 ** (2 * depth), 13);
    }
  });
  it("converges to Σ_yx (the least-squares map on whitened inputs) on a full-rank task", () => {
    // Full rank: a zero singular value's component would decay like 1/t, not exponentially.
    const full = correlatedData({ singularValues: [2, 1, 0.5], inputs: 3, outputs: 3, seed: 4 });
    const fc = correlations(full.x, full.y, 3, 3, 3);
    const r = trainLinear({
      ...base,
      ...fc,
      u: full.u,
      v: full.v,
      depth: 2,
      init: { kind: "random", scale: 0.1 },
      steps: 6000,
    });
    const c = fc;
    const w = r.maps[r.maps.length - 1];
    for (let i = 0; i < w.length; i++) expect(Math.abs(w[i] - c.yx[i])).toBeLessThan(1e-6);
    expect(r.t[r.t.length - 1]).toBeCloseTo(60, 12);
  });
  it("refuses a hidden layer narrower than the task for the decoupled start", () => {
    expect(() =>
      trainLinear({ ...base, hidden: 1, depth: 2, init: { kind: "decoupled", a0: 0.1 }, steps: 1 }),
    ).toThrow(/hidden ≥ rank/);
  });
});
