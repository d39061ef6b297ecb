import { describe, expect, it } from "vitest";
import { sigmoid } from "../../src/math/logistic.js";
import { sdMarginCap } from "../../src/theory/spectral-decoupling.js";

describe("sdMarginCap", () => {
  it("solves σ(−m) = λm to rounding, for λ over six decades", () => {
    for (const lambda of [1e-4, 0.003, 0.01, 0.1, 1, 10, 100]) {
      const m = sdMarginCap(lambda);
      expect(m).toBeGreaterThan(0);
      expect(Math.abs(sigmoid(-m) - lambda * m)).toBeLessThan(1e-14 * Math.max(1, lambda * m) + 1e-16);
    }
  });

  it("is the minimum of the per-point SD loss softplus(−m) + (λ/2)m² (checked on a grid)", () => {
    const lambda = 0.1;
    const f = (m: number) => Math.log1p(Math.exp(-m)) + 0.5 * lambda * m * m;
    const m = sdMarginCap(lambda);
    expect(m).toBeCloseTo(1.6335061701558, 12);
    for (const d of [1e-3, 1e-2, 0.5]) {
      expect(f(m - d)).toBeGreaterThan(f(m));
      expect(f(m + d)).toBeGreaterThan(f(m));
    }
  });

  it("falls with λ and approaches ln(1/λ) − ln ln(1/λ) as λ → 0", () => {
    expect(sdMarginCap(0.01)).toBeGreaterThan(sdMarginCap(0.1));
    const lambda = 1e-8;
    const L = Math.log(1 / lambda);
    expect(sdMarginCap(lambda) / (L - Math.log(L))).toBeGreaterThan(0.99);
    expect(sdMarginCap(lambda) / (L - Math.log(L))).toBeLessThan(1.02); // next term: ln L / L
  });

  it("says what is wrong with λ ≤ 0 or not finite", () => {
    expect(() => sdMarginCap(0)).toThrow(/λ must be a finite number > 0, got 0/);
    expect(() => sdMarginCap(Number.NaN)).toThrow(/got NaN/);
  });
});
