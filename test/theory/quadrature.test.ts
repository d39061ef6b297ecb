import { describe, expect, it } from "vitest";
import { gaussLegendre, integrateAdaptive } from "../../src/theory/quadrature.js";

describe("gaussLegendre", () => {
  it("integrates polynomials up to degree 2n−1 exactly", () => {
    const { x, w } = gaussLegendre(7);
    for (let deg = 0; deg <= 13; deg++) {
      let s = 0;
      for (let i = 0; i < 7; i++) s += w[i] * x[i] ** deg;
      const want = deg % 2 === 1 ? 0 : 2 / (deg + 1);
      expect(Math.abs(s - want)).toBeLessThan(1e-15);
    }
  });
});

describe("integrateAdaptive", () => {
  it("matches known integrals to 1e-13", () => {
    expect(Math.abs(integrateAdaptive(Math.exp, 0, 30) / (Math.exp(30) - 1) - 1)).toBeLessThan(1e-13);
    expect(
      Math.abs(integrateAdaptive((x) => 1 / (1 + x * x), -1000, 1000) - 2 * Math.atan(1000)),
    ).toBeLessThan(1e-12);
    // sharp peak: ∫ 1/(1e-6 + x²) over [-1,1] = 2e3 atan(1e3)
    const want = 2e3 * Math.atan(1e3);
    expect(Math.abs(integrateAdaptive((x) => 1 / (1e-6 + x * x), -1, 1) / want - 1)).toBeLessThan(1e-11);
  });
});
