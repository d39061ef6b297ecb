import { describe, expect, it } from "vitest";
import { saxeLearningTime, saxeStrength } from "../../src/theory/saxe.js";
import { relErr, rk4 } from "./helpers/rk4.js";

describe("saxeStrength (P14)", () => {
  it("solves τ u' = 2 u (s − u) (RK4 reference) to 1e-9", () => {
    const p = { s: 3, u0: 1e-3, tau: 2 };
    for (const t of [0.1, 1, 2, 5]) {
      const [u] = rk4((_t, y) => [(2 * y[0] * (p.s - y[0])) / p.tau], [p.u0], 0, t, 20000);
      expect(relErr(saxeStrength(t, p), u)).toBeLessThan(1e-9);
    }
  });
  it("equals THEORY.md's form s e^{x}/(e^{x} − 1 + s/u0) and stays finite where that form overflows", () => {
    const p = { s: 2, u0: 0.01 };
    const x = 2 * 2 * 1.3;
    expect(relErr(saxeStrength(1.3, p), (2 * Math.exp(x)) / (Math.exp(x) - 1 + 2 / 0.01))).toBeLessThan(
      1e-14,
    );
    expect(saxeStrength(1e3, p)).toBe(2);
  });
});

describe("saxeLearningTime (P14)", () => {
  it("is where u reaches the fraction, and ∝ 1/s at fixed s/u0", () => {
    const p = { s: 1.5, u0: 1e-4, tau: 1 };
    expect(relErr(saxeStrength(saxeLearningTime(p), p), 0.75)).toBeLessThan(1e-12);
    expect(relErr(saxeStrength(saxeLearningTime(p, 0.9), p), 0.9 * 1.5)).toBeLessThan(1e-12);
    const t1 = saxeLearningTime({ s: 1, u0: 1e-4 });
    const t4 = saxeLearningTime({ s: 4, u0: 4e-4 });
    expect(relErr(t1 / t4, 4)).toBeLessThan(1e-14);
    expect(saxeLearningTime({ s: 1, u0: 0.7 })).toBe(0);
  });
});

describe("saxeDeep* (P14, depth D)", () => {
  it("reduces to the D = 2 closed form", async () => {
    const { saxeDeepStrengths, saxeDeepLearningTime } = await import("../../src/theory/saxe.js");
    const p = { s: 2, u0: 0.01, tau: 1.5 };
    expect(saxeDeepLearningTime(p)).toBe(saxeLearningTime(p));
    expect(saxeDeepStrengths([0.3, 1], p)[1]).toBe(saxeStrength(1, p));
  });
  it("solves τ u' = D u^{2−2/D}(s − u) (RK4) for D = 3, 4, and the time is where u reaches fs", async () => {
    const { saxeDeepStrengths, saxeDeepLearningTime } = await import("../../src/theory/saxe.js");
    for (const depth of [3, 4]) {
      const p = { s: 1.7, u0: 1e-3, tau: 0.8, depth };
      const times = [0.5, 3, 10];
      const us = saxeDeepStrengths(times, p);
      times.forEach((t, i) => {
        const [u] = rk4(
          (_t, y) => [(depth * y[0] ** (2 - 2 / depth) * (p.s - y[0])) / p.tau],
          [p.u0],
          0,
          t,
          40000,
        );
        expect(relErr(us[i], u)).toBeLessThan(1e-8);
      });
      const th = saxeDeepLearningTime(p, 0.7);
      expect(relErr(saxeDeepStrengths([th], p)[0], 0.7 * p.s)).toBeLessThan(1e-8);
    }
  });
  it("is slower for deeper nets at the same per-layer scale and refuses bad depths", async () => {
    const { saxeDeepLearningTime } = await import("../../src/theory/saxe.js");
    const a0 = 0.1;
    const t2 = saxeDeepLearningTime({ s: 1, u0: a0 ** 2, depth: 2 });
    const t3 = saxeDeepLearningTime({ s: 1, u0: a0 ** 3, depth: 3 });
    expect(t3).toBeGreaterThan(2 * t2);
    expect(() => saxeDeepLearningTime({ s: 1, u0: 0.1, depth: 1.5 })).toThrow(/depth/);
  });
});
