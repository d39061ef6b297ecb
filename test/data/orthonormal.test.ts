import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { randomOrthonormal, standardBasis } from "../../src/data/orthonormal.js";
import { Rng } from "../../src/engine/rng.js";
import { bytes } from "./helpers.js";

function gram(q: Float64Array, k: number, d: number): number[][] {
  return Array.from({ length: k }, (_, i) =>
    Array.from({ length: k }, (_, j) => {
      let s = 0;
      for (let c = 0; c < d; c++) s += q[i * d + c] * q[j * d + c];
      return s;
    }),
  );
}

describe("randomOrthonormal", () => {
  it("gives orthonormal rows for any k ≤ d (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        fc.integer(),
        (d, k0, seed) => {
          const k = Math.min(k0, d);
          const g = gram(randomOrthonormal(k, d, new Rng(seed)), k, d);
          for (let i = 0; i < k; i++)
            for (let j = 0; j < k; j++) expect(Math.abs(g[i][j] - (i === j ? 1 : 0))).toBeLessThan(1e-12);
        },
      ),
    );
  });
  it("is seeded", () => {
    expect(bytes(randomOrthonormal(3, 5, new Rng(1)))).toEqual(bytes(randomOrthonormal(3, 5, new Rng(1))));
    expect(bytes(randomOrthonormal(3, 5, new Rng(1)))).not.toEqual(
      bytes(randomOrthonormal(3, 5, new Rng(2))),
    );
  });
  it("rejects k > d", () => {
    expect(() => randomOrthonormal(3, 2, new Rng(1))).toThrow(/0 ≤ k ≤ d/);
    expect(() => standardBasis(3, 2)).toThrow(/0 ≤ k ≤ d/);
  });
  it("standardBasis puts ones on the diagonal", () => {
    expect(Array.from(standardBasis(2, 3))).toEqual([1, 0, 0, 0, 1, 0]);
  });
});
