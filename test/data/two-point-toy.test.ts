import { describe, expect, it } from "vitest";
import { toyCoordinates, twoPointToy } from "../../src/data/two-point-toy.js";

describe("twoPointToy", () => {
  it("builds φ = U·diag(Λ)·V: its singular values are the strengths and z = Λ ⊙ Vθ", () => {
    const toy = twoPointToy({ strength1: 3.7, strength2: 1.3, coupling: -0.2, vAngle: 2.1 });
    const [a, b, c, d] = toy.phi;
    // singular values of a 2×2: product |det|, sum of squares the Frobenius norm
    expect(Math.abs(a * d - b * c)).toBeCloseTo(3.7 * 1.3, 12);
    expect(a * a + b * b + c * c + d * d).toBeCloseTo(3.7 ** 2 + 1.3 ** 2, 12);
    const theta = [0.4, -1.1];
    const yhat = [a * theta[0] + b * theta[1], c * theta[0] + d * theta[1]];
    const V = toy.V;
    const vt = [V[0] * theta[0] + V[1] * theta[1], V[2] * theta[0] + V[3] * theta[1]];
    const z = toyCoordinates(toy, yhat);
    expect(z[0]).toBeCloseTo(3.7 * vt[0], 12);
    expect(z[1]).toBeCloseTo(1.3 * vt[1], 12);
    expect(Array.from(toy.data.y)).toEqual([1, 1]);
    expect(toy.U[2]).toBeCloseTo(-0.2, 15);
    // the features are V's rows: a linear model's response along v_j is z_j / Λ_j
    const dirs = toy.data.features!.directions;
    const response = [0, 1].map((j) => dirs[2 * j] * theta[0] + dirs[2 * j + 1] * theta[1]);
    expect(response[0] * 3.7).toBeCloseTo(z[0], 12);
    expect(response[1] * 1.3).toBeCloseTo(z[1], 12);
    expect(toy.data.features!.names).toEqual(["1", "2"]);
  });

  it("refuses strengths ≤ 0 and couplings outside (−1, 1), naming the field", () => {
    expect(() => twoPointToy({ strength1: 0 })).toThrow(/strength1/);
    expect(() => twoPointToy({ strength1: 2, coupling: 1 })).toThrow(/coupling/);
    expect(() => twoPointToy({ strength1: 2, coupling: -1 })).toThrow(/coupling/);
  });
});
