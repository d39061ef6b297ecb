import { describe, expect, it } from "vitest";
import { correlatedData, correlations } from "../../src/data/correlated.js";
import { svd } from "../../src/probes/svd-modes.js";

describe("correlatedData", () => {
  it("has Σ_xx = I and Σ_yx with exactly the singular values asked for", () => {
    const d = correlatedData({ singularValues: [5, 2.5, 0.3], inputs: 5, outputs: 4, seed: 7 });
    const c = correlations(d.x, d.y, d.count, d.inputs, d.outputs);
    for (let i = 0; i < 5; i++)
      for (let j = 0; j < 5; j++) expect(c.xx[i * 5 + j]).toBeCloseTo(i === j ? 1 : 0, 12);
    const s = svd(c.yx, 4, 5);
    expect(s.values[0]).toBeCloseTo(5, 12);
    expect(s.values[1]).toBeCloseTo(2.5, 12);
    expect(s.values[2]).toBeCloseTo(0.3, 12);
    expect(s.values[3]).toBeCloseTo(0, 12);
  });
  it("refuses bad spectra and too few dimensions with words", () => {
    expect(() => correlatedData({ singularValues: [] })).toThrow(/at least one/);
    expect(() => correlatedData({ singularValues: [1, -1] })).toThrow(/> 0/);
    expect(() => correlatedData({ singularValues: [1, 2], inputs: 1 })).toThrow(/≥ the number/);
  });
  it("is reproducible by seed and differs across seeds", () => {
    const a = correlatedData({ singularValues: [1], inputs: 2, seed: 1 });
    expect(correlatedData({ singularValues: [1], inputs: 2, seed: 1 }).y).toEqual(a.y);
    expect(correlatedData({ singularValues: [1], inputs: 2, seed: 2 }).y).not.toEqual(a.y);
  });
});
