import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../src/math/normal.js";
import { logGamma, regularizedBeta, studentTQuantile } from "../../src/math/student-t.js";

// References from mpmath at 40 digits (python3 -c: findroot on 1 − betainc(ν/2, 1/2, 0, ν/(ν+t²))/2 − p;
// √2·erfinv(2p − 1); loggamma; betainc), rounded to 17 digits.
const T975: [number, number][] = [
  [1, 12.706204736174705],
  [2, 4.302652729749464],
  [3, 3.1824463052837095],
  [4, 2.7764451051977943],
  [5, 2.5705818356363155],
  [6, 2.44691185114497],
  [7, 2.3646242515927853],
  [8, 2.3060041352041667],
  [10, 2.228138851986275],
  [15, 2.1314495455597755],
  [20, 2.085963447265865],
  [30, 2.042272456301238],
  [40, 2.0210753903062733],
  [60, 2.0002978220142604],
  [100, 1.9839715185235522],
  [1000, 1.9623390808264085],
  [2.5, 3.574654842003683],
  [7.5, 2.3330396268649745],
  [0.5, 164.55767348048852],
];

describe("studentTQuantile", () => {
  it("matches high-precision t_{0.975, ν} for whole and fractional ν", () => {
    for (const [nu, ref] of T975) {
      expect(Math.abs(studentTQuantile(0.975, nu) / ref - 1), `ν = ${nu}`).toBeLessThan(1e-12);
    }
    expect(Math.abs(studentTQuantile(0.995, 3) / 5.840909309733357 - 1)).toBeLessThan(1e-12);
  });
  it("tends to the normal quantile and is odd in p", () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(normalQuantile(0.975), 6);
    expect(studentTQuantile(0.025, 9)).toBe(-studentTQuantile(0.975, 9));
    expect(studentTQuantile(0.5, 4)).toBe(0);
  });
  it("refuses degrees of freedom ≤ 0 with a clear error", () => {
    expect(() => studentTQuantile(0.975, 0)).toThrow(/degrees of freedom must be > 0/);
  });
});

describe("logGamma and regularizedBeta", () => {
  it("match mpmath", () => {
    expect(logGamma(0.3)).toBeCloseTo(1.0957979948180756, 13);
    expect(logGamma(12.5)).toBeCloseTo(18.734347511936445, 12);
    expect(regularizedBeta(0.3, 2.5, 0.5)).toBeCloseTo(0.018927124071945654, 14);
    expect(regularizedBeta(0.7, 0.5, 2.5) + regularizedBeta(0.3, 2.5, 0.5)).toBeCloseTo(1, 14);
  });
});
