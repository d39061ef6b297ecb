import { describe, expect, it } from "vitest";
import {
  featureLearningTimeApprox,
  featureLearningTimeExact,
} from "../../src/theory/feature-learning-time.js";
import { integrateAdaptive } from "../../src/theory/quadrature.js";
import { relErr, rk4, sig } from "./helpers/rk4.js";

/** RK4 of the balanced chain a' = p r σ(−r a^D) a^{D−1}, in log-time-free form; time for r a^D to reach 1. */
function rk4Time(p: number, r: number, a0: number, D: number, tMax: number, steps: number): number {
  let prevT = 0;
  let prevM = r * a0 ** D;
  let hit = Number.NaN;
  rk4(
    (_t, s) => [p * r * sig(-r * s[0] ** D) * s[0] ** (D - 1)],
    [a0],
    0,
    tMax,
    steps,
    (t, s) => {
      const m = r * s[0] ** D;
      if (m >= 1) {
        hit = prevT + ((t - prevT) * (1 - prevM)) / (m - prevM);
        return false;
      }
      prevT = t;
      prevM = m;
      return true;
    },
  );
  return hit;
}

describe("featureLearningTimeExact (P10) against RK4 of the chain ODE", () => {
  it("D = 2, 3, 4 agree to 1e-6", () => {
    for (const [p, r, a0, D, tMax] of [
      [0.5, 2, 0.05, 2, 30],
      [0.25, 1, 0.3, 3, 60],
      [1, 0.7, 0.4, 4, 60],
    ]) {
      const exact = featureLearningTimeExact({ p, r, a0, depth: D });
      expect(relErr(exact, rk4Time(p, r, a0, D, tMax, 400000))).toBeLessThan(1e-6);
    }
  });
  it("the D ≥ 3 quadrature reduces to the Ei form at D = 2 (same integral)", () => {
    const [p, r, a0] = [0.3, 1.7, 0.02];
    const m0 = r * a0 * a0;
    const byQuad = integrateAdaptive((v) => 1 + Math.exp(Math.exp(v)), Math.log(m0), 0) / (2 * p * r);
    expect(relErr(featureLearningTimeExact({ p, r, a0 }), byQuad)).toBeLessThan(1e-12);
  });
  it("time ∝ 1/(p r) exactly (C4, C5)", () => {
    const base = featureLearningTimeExact({ p: 0.5, r: 1, a0: 0.01, depth: 3 });
    // (p, r) → (p/4, r): 4× slower only if m0 is unchanged, i.e. same r
    expect(relErr(featureLearningTimeExact({ p: 0.125, r: 1, a0: 0.01, depth: 3 }), 4 * base)).toBeLessThan(
      1e-12,
    );
  });
});

describe("featureLearningTimeApprox: where it holds and where it does not", () => {
  it("D = 2: relative error → 0 only like 1/ln(1/ε)", () => {
    const err = (a0: number) =>
      relErr(featureLearningTimeApprox({ p: 0.5, r: 1, a0 }), featureLearningTimeExact({ p: 0.5, r: 1, a0 }));
    expect(err(0.3)).toBeGreaterThan(0.2); // ε = 0.09: off by > 20%
    expect(err(1e-4)).toBeLessThan(0.05);
    expect(err(1e-8)).toBeLessThan(err(1e-4));
    expect(err(1e-4)).toBeLessThan(err(1e-2));
  });
  it("D = 2, any norm: exact − approx → (Ei(1) − γ)/(2pr), the Ei term the formula drops", () => {
    // exact = [ln(1/m0) + Ei(1) − Ei(m0)]/(2pr) with m0 = r a0² and Ei(m0) = γ + ln m0 + O(m0)
    const gap = (1.8951178163559368 - 0.5772156649015329) / 2;
    for (const [p, r] of [
      [0.5, 2],
      [0.2, 0.25],
      [1, 4],
    ]) {
      const spec = { p, r, a0: 1e-4 };
      const diff = featureLearningTimeExact(spec) - featureLearningTimeApprox(spec);
      expect(Math.abs(diff * p * r - gap)).toBeLessThan(1e-6);
    }
  });
  it("D = 3, 4: relative error ∝ a0^{D−2}", () => {
    for (const D of [3, 4]) {
      const err = (a0: number) =>
        relErr(
          featureLearningTimeApprox({ p: 1, r: 1, a0, depth: D }),
          featureLearningTimeExact({ p: 1, r: 1, a0, depth: D }),
        );
      expect(err(1e-3)).toBeLessThan(1e-2);
      expect(err(0.5)).toBeGreaterThan(0.05);
      const slope = Math.log(err(1e-3) / err(1e-2)) / Math.log(0.1);
      expect(Math.abs(slope - (D - 2))).toBeLessThan(0.1);
    }
  });
  it("rejects bad specs with a message", () => {
    expect(() => featureLearningTimeApprox({ p: 0, r: 1, a0: 0.1 })).toThrow(/p must/);
    expect(() => featureLearningTimeApprox({ p: 1.5, r: 1, a0: 0.1 })).toThrow(
      /p must be in \(0, 1\], got 1.5/,
    );
    expect(() => featureLearningTimeApprox({ p: 1, r: 0, a0: 0.1 })).toThrow(/r must be > 0, got 0/);
    expect(() => featureLearningTimeExact({ p: 1, r: 1, a0: 0 })).toThrow(/a0 must be > 0, got 0/);
    expect(() => featureLearningTimeExact({ p: 1, r: 1, a0: 0.1, depth: 1 })).toThrow(/depth/);
  });
});

describe("feature learning time at r ≠ 1 and past the threshold (mutation survivors)", () => {
  it("the depth-D formula divides by (D − 2)·p·r", () => {
    expect(featureLearningTimeApprox({ p: 0.5, r: 2, a0: 0.1, depth: 3 })).toBeCloseTo(
      (2 * 10) / (1 * 0.5 * 2),
      12,
    );
    expect(featureLearningTimeApprox({ p: 0.5, r: 2, a0: 0.2, depth: 4 })).toBeCloseTo(
      (2 * 25) / (2 * 0.5 * 2),
      12,
    );
  });

  it("a chain that starts past the threshold takes no time", () => {
    expect(featureLearningTimeExact({ p: 0.5, r: 2, a0: 1, depth: 3 })).toBe(0);
    expect(featureLearningTimeExact({ p: 0.5, r: 1, a0: 1, depth: 2 })).toBe(0);
  });
});
