import { describe, expect, it } from "vitest";
import { symmetricEigen } from "../../src/engine/symmetric-eigen.js";

describe("symmetricEigen", () => {
  it("gives eigenvalues descending with unit eigenvectors", () => {
    const { values, vectors } = symmetricEigen([2, 1, 0, 1, 2, 0, 0, 0, -1], 3);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(values[2]).toBeCloseTo(-1, 14);
    expect(Math.abs(vectors[0][0])).toBeCloseTo(Math.SQRT1_2, 14);
    expect(Math.abs(vectors[2][2])).toBeCloseTo(1, 14);
  });

  it("refuses a matrix of the wrong size", () => {
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow(/expected 4 entries/);
  });
});
