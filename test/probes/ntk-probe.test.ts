import { describe, expect, it } from "vitest";
import { symmetricEigen } from "../../src/engine/symmetric-eigen.js";
import { closedFormSpectrum, linearRegressionRun } from "./second-order-helpers.js";

describe("ntk probe", () => {
  it("a linear model's NTK is X Xᵀ: its top eigenvalues, trace and the logits' coordinates", () => {
    const { result, x, n } = linearRegressionRun({ include: ["ntk"], secondOrder: { ntkTopK: 3 } });
    const want = closedFormSpectrum(x, true);
    const trace = x.reduce((s, row) => s + row.reduce((a, v) => a + v * v, 0), 0);
    const last = result.history[result.history.length - 1];
    for (const [j, v] of (last.ntkTop as number[]).entries())
      expect(Math.abs(v - want[j])).toBeLessThan(1e-9 * want[0]);
    expect(last.ntkTrace).toBeCloseTo(trace, 10);
    // Coordinates u_k·f, with f = X w from the final weights and u_k the eigenvectors of X Xᵀ.
    const w = result.weights[0].W[0];
    const f = x.map((row) => row.reduce((s, v, k) => s + v * w[k], 0));
    const G = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) G[i * n + j] = x[i].reduce((s, v, k) => s + v * x[j][k], 0);
    const { vectors } = symmetricEigen(G, n);
    (last.ntkLogitCoords as number[]).forEach((c, k) => {
      const proj = vectors[k].reduce((s, u, i) => s + u * f[i], 0);
      expect(Math.abs(Math.abs(c) - Math.abs(proj))).toBeLessThan(1e-9);
    });
  });

  it("keeps eigenvector signs continuous: a coordinate's history does not flip sign at random", () => {
    const { result } = linearRegressionRun({ include: ["ntk"], secondOrder: { ntkTopK: 2 } });
    const coords = result.history.map((r) => (r.ntkLogitCoords as number[])[0]);
    // Least squares from a small init moves f smoothly toward y: no sign jumps between records of size ~2|c|.
    for (let i = 1; i < coords.length; i++)
      expect(Math.abs(coords[i] - coords[i - 1])).toBeLessThan(Math.abs(coords[i]) + 1);
  });

  it("uses only the first ntkPoints points", () => {
    const { result } = linearRegressionRun({ include: ["ntk"], secondOrder: { ntkPoints: 4, ntkTopK: 6 } });
    expect((result.history[0].ntkTop as number[]).length).toBe(4);
    expect((result.history[0].ntkLogitCoords as number[]).length).toBe(4);
  });
});
