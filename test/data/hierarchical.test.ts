import { describe, expect, it } from "vitest";
import { correlations } from "../../src/data/correlated.js";
import { hierarchicalData } from "../../src/data/hierarchical.js";
import { svd } from "../../src/probes/svd-modes.js";

describe("hierarchicalData", () => {
  it("gives each item the properties of its root path", () => {
    const d = hierarchicalData({ depth: 2 });
    expect(d.count).toBe(4);
    expect(d.levels).toEqual([0, 1, 1, 2, 2, 2, 2]);
    // item 2: root, right child (node 2), leaf node 5.
    expect(Array.from(d.y.subarray(2 * 7, 3 * 7))).toEqual([1, 0, 1, 0, 0, 1, 0]);
    expect(d.x[2 * 4 + 2]).toBeCloseTo(2, 14);
  });
  it("has one singular value per level, decreasing from the root, with multiplicities 1, b − 1, b(b − 1)", () => {
    const d = hierarchicalData({ depth: 2, branching: 3 });
    const c = correlations(d.x, d.y, d.count, d.inputs, d.outputs);
    const s = svd(c.yx, d.outputs, d.inputs).values;
    expect(s.length).toBe(9);
    expect(s[0]).toBeGreaterThan(s[1] + 0.1);
    expect(s[1]).toBeCloseTo(s[2], 10);
    expect(s[2]).toBeGreaterThan(s[3] + 0.1);
    for (let j = 4; j < 9; j++) expect(s[j]).toBeCloseTo(s[3], 10);
    // Leaf level: each item alone, singular value 1/√P·1 (the leaf property only): 1/3.
    expect(s[8]).toBeCloseTo(1 / 3, 10);
  });
  it("refuses bad trees with words", () => {
    expect(() => hierarchicalData({ depth: 0 })).toThrow(/depth/);
    expect(() => hierarchicalData({ depth: 2, branching: 1 })).toThrow(/branching/);
    expect(() => hierarchicalData({ depth: 13 })).toThrow(/too many/);
  });
});
