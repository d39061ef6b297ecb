import { describe, expect, it } from "vitest";
import { modeStrengths, svd } from "../../src/probes/svd-modes.js";

describe("svd", () => {
  it("reconstructs wide and tall matrices with descending values and orthonormal vectors", () => {
    for (const [rows, cols] of [
      [2, 3],
      [3, 2],
    ]) {
      const a = Float64Array.from({ length: rows * cols }, (_, i) => Math.sin(3 * i + 1));
      const d = svd(a, rows, cols);
      expect(d.values[0]).toBeGreaterThanOrEqual(d.values[1]);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          const back = d.values.reduce((s, v, k) => s + v * d.u[k * rows + i] * d.v[k * cols + j], 0);
          expect(back).toBeCloseTo(a[i * cols + j], 12);
        }
      const k = Math.min(rows, cols);
      for (let p = 0; p < k; p++) {
        let uu = 0;
        for (let i = 0; i < rows; i++) uu += d.u[p * rows + i] ** 2;
        expect(uu).toBeCloseTo(1, 12);
      }
    }
  });
});

describe("modeStrengths", () => {
  it("projects W on its own singular pairs to its singular values", () => {
    const w = Float64Array.from([3, 1, 0, 2, 2, 1]);
    const d = svd(w, 2, 3);
    const s = modeStrengths(w, 2, 3, d.u, d.v);
    expect(s[0]).toBeCloseTo(d.values[0], 12);
    expect(s[1]).toBeCloseTo(d.values[1], 12);
  });
  it("refuses shapes that do not fit", () => {
    expect(() => modeStrengths([1, 2, 3], 2, 2, [1, 0], [1, 0])).toThrow(/expected 2×2/);
  });
});
