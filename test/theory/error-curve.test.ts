import { describe, expect, it } from "vitest";
import {
  errorCurve,
  errorCurveEqualNorm,
  errorCurveFiniteInit,
  timeToErrorLevel,
} from "../../src/theory/error-curve.js";
import { flipTimeExact } from "../../src/theory/flip-time.js";
import { gaussLegendre } from "../../src/theory/quadrature.js";
import { relErr } from "./helpers/rk4.js";

/**
 * The finite-init curve computed another way, in Cartesian coordinates: a ~ |N(0, ε²)|, and a wrong point
 * (b0 = −c, c ~ |N(0, ε²)|) has flipped by t iff c < c*(a) (flip time grows with c); so
 * E = ½[1 − ∫ φ(a) (2Φ(c*(a)/ε) − 1) da]/… with φ the half-normal density, by Gauss–Legendre over a.
 */
function finiteInitCartesian(t: number, eps: number, r: number): number {
  const gl = gaussLegendre(64);
  const erf = (x: number) => {
    // Abramowitz–Stegun 7.1.26 is too coarse; integrate exp(−u²) instead
    const q = gaussLegendre(48);
    let s = 0;
    for (let i = 0; i < q.x.length; i++) {
      const u = 0.5 * x * (q.x[i] + 1);
      s += 0.5 * x * q.w[i] * Math.exp(-u * u);
    }
    return (2 / Math.sqrt(Math.PI)) * s;
  };
  const aMax = 9 * eps;
  let p = 0;
  for (let i = 0; i < gl.x.length; i++) {
    const a = 0.5 * aMax * (gl.x[i] + 1);
    let lo = 0;
    let hi = a; // c ≥ a never flips
    for (let it = 0; it < 80; it++) {
      const mid = 0.5 * (lo + hi);
      if (flipTimeExact(a, -mid, { r }) <= t) lo = mid;
      else hi = mid;
    }
    const density = (Math.sqrt(2 / Math.PI) / eps) * Math.exp(-(a * a) / (2 * eps * eps));
    p += 0.5 * aMax * gl.w[i] * density * erf(lo / (eps * Math.SQRT2));
  }
  return 0.5 * (1 - p);
}

/**
 * Independent check: integrate the indicator [t* > t] against the 2D density of (a, b) on a fine grid,
 * with the small-init flip time written out directly (a half-normal, b normal, ε = 1 w.l.o.g.).
 */
function gridError(t: number, r: number, gaussianA: boolean, speed = 1): number {
  const n = 1200;
  const L = 8;
  const h = (2 * L) / n;
  let err = 0;
  let mass = 0;
  for (let i = 0; i < n; i++) {
    const a = -L + (i + 0.5) * h;
    if (!gaussianA && a < 0) continue;
    for (let j = 0; j < n; j++) {
      const b = -L + (j + 0.5) * h;
      const w = Math.exp(-(a * a + b * b) / 2);
      mass += w;
      let wrong: boolean;
      if (a <= 0) wrong = true;
      else if (b >= 0) wrong = false;
      else if (-b >= a) wrong = true;
      else wrong = Math.log((a - b) / (a + b)) / (speed * r) > t;
      if (wrong) err += w;
    }
  }
  return err / mass;
}

describe("errorCurveEqualNorm (P8)", () => {
  it("matches a 2D grid integration over the init distribution to 2e-3", () => {
    for (const t of [0, 0.5, 1, 2, 5]) {
      expect(Math.abs(errorCurveEqualNorm(t, 1.3) - gridError(t, 1.3, false))).toBeLessThan(2e-3);
      expect(
        Math.abs(errorCurveEqualNorm(t, 1.3, { aInit: "gaussian" }) - gridError(t, 1.3, true)),
      ).toBeLessThan(2e-3);
      expect(
        Math.abs(errorCurveEqualNorm(t, 1.3, { loss: "hinge" }) - gridError(t, 1.3, false, 2)),
      ).toBeLessThan(2e-3);
    }
  });
  it("starts at 1/2 (3/4), ends at 1/4 (5/8), is decreasing, and collapses against r t", () => {
    expect(errorCurveEqualNorm(0, 2)).toBe(0.5);
    expect(errorCurveEqualNorm(0, 2, { aInit: "gaussian" })).toBe(0.75);
    expect(Math.abs(errorCurveEqualNorm(1e6, 2) - 0.25)).toBeLessThan(1e-15);
    expect(Math.abs(errorCurveEqualNorm(1e6, 2, { aInit: "gaussian" }) - 0.625)).toBeLessThan(1e-15);
    expect(errorCurveEqualNorm(1.5, 2)).toBe(errorCurveEqualNorm(3, 1));
    expect(errorCurveEqualNorm(1, 1)).toBeLessThan(errorCurveEqualNorm(0.9, 1));
  });
  it("timeToErrorLevel inverts it", () => {
    for (const t of [0.1, 1, 4])
      expect(relErr(timeToErrorLevel(errorCurveEqualNorm(t, 3), 3), t)).toBeLessThan(1e-12);
    expect(timeToErrorLevel(0.25, 1)).toBe(Number.POSITIVE_INFINITY);
  });
  it("timeToErrorLevel inverts the Gaussian-a curve ½ + ½E too (its own branch), and hinge's", () => {
    const gauss = { aInit: "gaussian" } as const;
    for (const t of [0.1, 1, 4]) {
      // E is rounded to an ulp near its limit; the inverse amplifies that by |dE/dt|⁻¹/t ~ 1e5 at r·t = 16
      expect(relErr(timeToErrorLevel(errorCurveEqualNorm(t, 2, gauss), 2, gauss), t)).toBeLessThan(1e-10);
      const hinge = { loss: "hinge" } as const;
      expect(relErr(timeToErrorLevel(errorCurveEqualNorm(t, 2, hinge), 2, hinge), t)).toBeLessThan(1e-10);
    }
    expect(timeToErrorLevel(0.625, 1, gauss)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("errorCurve with spread norms (C1, C4)", () => {
  it("is the mean of per-norm curves and a sigmoid in log t spanning the norms' range", () => {
    const norms = [0.01, 0.1, 1, 10, 100];
    const e = (t: number) => errorCurve(t, norms);
    expect(e(1)).toBeCloseTo(norms.reduce((s, r) => s + errorCurveEqualNorm(1, r), 0) / 5, 15);
    // half-way between 1/2 and 1/4 is reached near t ~ 1/median norm
    expect(e(0.01)).toBeGreaterThan(0.45);
    expect(e(1e4)).toBeLessThan(0.26);
    expect(Math.abs(e(1) - 0.375)).toBeLessThan(0.02);
  });
});

describe("errorCurveFiniteInit (where P8 stops holding)", () => {
  it("tends to the closed form as ε → 0", () => {
    for (const t of [0.5, 2]) {
      expect(Math.abs(errorCurveFiniteInit(t, { eps: 1e-3, r: 1 }) - errorCurveEqualNorm(t, 1))).toBeLessThan(
        1e-5,
      );
    }
  });
  it("equals the same probability computed in Cartesian coordinates (a, |b0|), at ε = 0.5 and 1.5", () => {
    for (const eps of [0.5, 1.5]) {
      for (const t of [0.5, 2]) {
        const polar = errorCurveFiniteInit(t, { eps, r: 1 });
        expect(Math.abs(polar - finiteInitCartesian(t, eps, 1))).toBeLessThan(2e-3);
      }
    }
  });
  it("with Gaussian a adds the dead half: ½ + ½·(the half-normal curve)", () => {
    const half = errorCurveFiniteInit(1, { eps: 0.5, r: 1 });
    expect(errorCurveFiniteInit(1, { eps: 0.5, r: 1, aInit: "gaussian" })).toBeCloseTo(0.5 + 0.5 * half, 15);
  });
  it("drops earlier for a large init scale (flips are faster), same E(∞) = 1/4", () => {
    const small = errorCurveEqualNorm(1, 1);
    const big = errorCurveFiniteInit(1, { eps: 2, r: 1 });
    expect(big).toBeLessThan(small - 0.02);
    expect(Math.abs(errorCurveFiniteInit(200, { eps: 2, r: 1 }) - 0.25)).toBeLessThan(2e-3);
    // hinge is exact at any scale: no ε dependence
    expect(
      Math.abs(
        errorCurveFiniteInit(0.7, { eps: 2, r: 1, loss: "hinge" }) -
          errorCurveEqualNorm(0.7, 1, { loss: "hinge" }),
      ),
    ).toBeLessThan(1e-6);
  });
});
