import { describe, expect, it } from "vitest";
import { normalCdf, normalQuantile } from "../../src/math/normal.js";

// References: mpmath √2·erfinv(2p − 1) at 40 digits; Φ(1) = 0.8413447460685429 (mpmath ncdf).
describe("normalQuantile", () => {
  it("matches high-precision values to ~1e-15", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845400543, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446006, 14);
    expect(Math.abs(normalQuantile(1e-10) / -6.361340902404057 - 1)).toBeLessThan(1e-14);
  });
  it("is odd around 1/2 and infinite at the ends", () => {
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.3)).toBeCloseTo(-normalQuantile(0.7), 15);
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe("normalCdf", () => {
  it("is within its stated 1.5e-7 of Φ and symmetric", () => {
    expect(Math.abs(normalCdf(1) - 0.8413447460685429)).toBeLessThan(1.5e-7);
    expect(Math.abs(normalCdf(normalQuantile(0.975)) - 0.975)).toBeLessThan(1.5e-7);
    expect(normalCdf(-0.7) + normalCdf(0.7)).toBeCloseTo(1, 15);
    expect(Math.abs(normalCdf(0) - 0.5)).toBeLessThan(1.5e-7);
  });
});
