import { describe, expect, it } from "vitest";
import { jsBackend } from "../../../src/engine/backend-js.js";
import { createMlp } from "../../../src/engine/mlp.js";
import {
  averageGrids,
  dataBox,
  decisionGrid,
  gridCoords,
  zeroContour,
} from "../../../src/kit/measure/decision-grid.js";

describe("decision grid", () => {
  it("gridCoords spans [lo, hi] evenly and refuses fewer than 2 points", () => {
    expect(gridCoords(5, -1, 3)).toEqual([-1, 0, 1, 2, 3]);
    expect(gridCoords(3)).toEqual([-2, 0, 2]);
    expect(() => gridCoords(1)).toThrow(/integer ≥ 2/);
  });

  it("decisionGrid evaluates f at (coords[i], coords[j]) into values[j·g + i]", () => {
    // A linear net f(x) = 2x₁ − x₂ + 0.5 (no hidden layer).
    const mlp = createMlp(
      { inputDim: 2, hidden: [], activation: "relu", bias: true, leakySlope: 0 },
      jsBackend,
    );
    mlp.params.set([2, -1, 0.5]);
    const coords = [-1, 0, 1.5];
    const v = decisionGrid(mlp, coords);
    for (let j = 0; j < 3; j++)
      for (let i = 0; i < 3; i++) expect(v[j * 3 + i]).toBeCloseTo(2 * coords[i] - coords[j] + 0.5, 14);
  });

  it("averages grids, contours the average, and boxes point sets", () => {
    const avg = averageGrids([Float64Array.from([1, 2]), Float64Array.from([3, -2])]);
    expect(Array.from(avg)).toEqual([2, 0]);
    expect(() => averageGrids([])).toThrow(/no grids/);
    expect(() => averageGrids([new Float64Array(2), new Float64Array(3)])).toThrow(/differ in size/);
    const xs = gridCoords(11, -1, 1);
    const values = Float64Array.from(xs.flatMap(() => xs.map((x) => x - 0.3)));
    const lines = zeroContour(values, xs);
    expect(lines.flat().every((p) => Math.abs(p.x - 0.3) < 1e-12)).toBe(true);
    const box = dataBox([Float64Array.from([0, 1, -2, 3]), Float64Array.from([5, -4])]);
    expect(box).toEqual({ xMin: -2, xMax: 5, yMin: -4, yMax: 3 });
  });
});
