import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/dataset.js";
import { inputGeometry } from "../../src/regime/geometry.js";

function dataset(rows: number[][]): Dataset {
  const d = rows[0].length;
  return {
    name: "t",
    n: rows.length,
    d,
    x: new Float64Array(rows.flat()),
    y: new Float64Array(rows.length).fill(1),
  };
}

describe("inputGeometry", () => {
  it("orthogonal axis-aligned points: cos 0, flow row = max norm, coordinates found", () => {
    const g = inputGeometry(
      dataset([
        [0, 3, 0],
        [2, 0, 0],
        [0, 0, -1],
      ]),
    );
    expect(g.maxCos).toBe(0);
    expect(g.flowRow).toBe(3);
    expect(g.maxNorm).toBe(3);
    expect(Array.from(g.coordinate ?? [])).toEqual([1, 0, 2]);
  });

  it("a sample smaller than n keeps each point's own term exact (orthogonal data stay max ‖x‖)", () => {
    const rows = Array.from({ length: 50 }, (_, i) =>
      Array.from({ length: 50 }, (_, c) => (c === i ? 1 + i / 10 : 0)),
    );
    const g = inputGeometry(dataset(rows), 5);
    expect(g.sampled).toBe(5);
    expect(g.flowRow).toBeCloseTo(1.4, 15);
    expect(g.maxNorm).toBeCloseTo(5.9, 15);
  });

  it("overlapping points: |cos| and the summed row by hand; not axis-aligned", () => {
    const g = inputGeometry(
      dataset([
        [1, 0],
        [1, 1],
      ]),
    );
    expect(g.maxCos).toBeCloseTo(1 / Math.SQRT2, 15);
    // row 0: (1 + 1)/1 = 2; row 1: (1 + 2)/√2.
    expect(g.flowRow).toBeCloseTo(Math.max(2, 3 / Math.SQRT2), 15);
    expect(g.coordinate).toBeNull();
  });

  it("two points on one coordinate are not a unit per point", () => {
    expect(
      inputGeometry(
        dataset([
          [1, 0],
          [-2, 0],
        ]),
      ).coordinate,
    ).toBeNull();
  });
});
