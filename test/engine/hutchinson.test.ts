import { describe, expect, it } from "vitest";
import { hutchinsonTrace } from "../../src/engine/hutchinson.js";
import { Rng } from "../../src/engine/rng.js";

describe("hutchinsonTrace", () => {
  it("is exact for a diagonal operator (Rademacher z: zᵢ² = 1), with zero spread", () => {
    const diag = Float64Array.from({ length: 40 }, (_, i) => i - 7.5);
    const est = hutchinsonTrace((v, out) => out.set(v.map((x, i) => diag[i] * x)), 40, { samples: 3 });
    expect(est.trace).toBeCloseTo(
      diag.reduce((a, b) => a + b, 0),
      12,
    );
    expect(est.standardError).toBe(0);
  });

  it("is unbiased for a dense matrix: within 4 standard errors, which shrink like 1/√samples", () => {
    const m = 30;
    const rng = new Rng(2);
    const A = new Float64Array(m * m);
    for (let i = 0; i < m; i++)
      for (let j = 0; j <= i; j++) A[i * m + j] = A[j * m + i] = rng.normal() + (i === j ? 2 : 0);
    let trace = 0;
    for (let i = 0; i < m; i++) trace += A[i * m + i];
    const op = (v: Float64Array, out: Float64Array) => {
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < m; j++) s += A[i * m + j] * v[j];
        out[i] = s;
      }
    };
    const few = hutchinsonTrace(op, m, { samples: 20, seed: 1 });
    const many = hutchinsonTrace(op, m, { samples: 2000, seed: 1 });
    expect(Math.abs(many.trace - trace)).toBeLessThan(4 * many.standardError);
    expect(many.standardError).toBeLessThan(few.standardError / 5);
    expect(hutchinsonTrace(op, m, { samples: 20, seed: 1 }).trace).toBe(few.trace);
  });

  it("refuses a non-positive sample count", () => {
    expect(() => hutchinsonTrace((v, o) => o.set(v), 2, { samples: 0 })).toThrow(/positive integer/);
  });
});
