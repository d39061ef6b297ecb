import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import {
  limitPoint,
  minNormInterpolator,
  relativeDistance,
  simulateFlow,
  sparseRegression,
} from "../../../src/experiments/saddle-to-saddle/problem.js";

const problem = { samples: 8, features: 12, values: [1, -0.5], seed: 3 };

describe("saddle-to-saddle problem", () => {
  it("β* has the given values on distinct coordinates and y = Xβ*", () => {
    const r = sparseRegression(problem);
    expect(r.star.filter((v) => v !== 0).sort()).toEqual([-0.5, 1]);
    const y = new Matrix(r.X).mmul(Matrix.columnVector(r.star)).to1DArray();
    for (const [j, v] of y.entries()) expect(v).toBeCloseTo(r.y[j], 12);
  });

  it("refuses a support larger than the features, saying what was given", () => {
    expect(() => sparseRegression({ ...problem, features: 1 })).toThrow(/features ≥ values.length/);
  });

  it("β∞(α) interpolates and tends to the minimum-ℓ2 interpolator at large α", () => {
    const r = sparseRegression(problem);
    const l2 = minNormInterpolator(r);
    for (const alpha of [1e-4, 0.3, 30]) {
      const b = limitPoint(r, alpha);
      const y = new Matrix(r.X).mmul(Matrix.columnVector(b)).to1DArray();
      expect(relativeDistance(y, r.y)).toBeLessThan(1e-6);
    }
    expect(relativeDistance(limitPoint(r, 30), l2)).toBeLessThan(1e-4);
    expect(relativeDistance(limitPoint(r, 1e-4), l2)).toBeGreaterThan(0.1);
  });

  it("the simulated flow conserves u² − v² per coordinate, so β = α² sinh(2q) (checked via the end point)", () => {
    const r = sparseRegression(problem);
    const run = simulateFlow(r, 0.5, [1, 200], 1e-10);
    expect(run.loss[1]).toBeLessThan(run.loss[0]);
    expect(relativeDistance(run.beta[1], limitPoint(r, 0.5))).toBeLessThan(1e-6);
  });
});
