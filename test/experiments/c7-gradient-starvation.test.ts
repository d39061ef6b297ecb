import { describe, expect, it } from "vitest";
import { measureEngineStarvation } from "../../src/experiments/c7/engine-limits.js";
import { measureStarvation } from "../../src/experiments/c7/measure.js";
import { c7Experiment, epsSlope } from "../../src/experiments/c7-gradient-starvation.js";

const last = (xs: readonly number[]) => xs[xs.length - 1];

describe("C7: gradient starvation (P11–P13)", () => {
  it("P11 at a non-default ρ (p = 0.4, r_A = 1.25, r_B = 0.9 → ρ = 0.288): slope 1 − ρ, and GD follows the ODE", () => {
    const runs = [1e-3, 1e-5, 1e-7].map((eps) => {
      const r = measureStarvation({ p: 0.4, rA: 1.25, rB: 0.9, eps, n: 50, tEnd: 3000, lr: 0.02 });
      expect(Math.abs(last(r.uB) / last(r.theoryUB) - 1)).toBeLessThan(0.03);
      return { eps, uB: last(r.uB), rho: r.rho };
    });
    expect(runs[0].rho).toBeCloseTo(0.288, 6);
    expect(epsSlope(runs)).toBeCloseTo(1 - runs[0].rho, 1);
    expect(Math.abs(epsSlope(runs) - (1 - runs[0].rho))).toBeLessThan(0.03);
  });

  it("P12: after A is learned, ln u_B grows ρ times as fast as ln u_A (ρ = 0.3)", () => {
    const r = measureStarvation({ p: 0.3, eps: 1e-5, n: 50, tEnd: 5000 });
    const i = r.t.findIndex((t) => t >= 100);
    const slope = Math.log(last(r.uB) / r.uB[i]) / Math.log(last(r.uA) / r.uA[i]);
    expect(Math.abs(slope - r.rho)).toBeLessThan(0.03);
  });

  it("noisy B-only accuracy is near chance when starved, matching Φ(u_B r_B/(s|u|)); clean B-only is perfect", () => {
    const r = measureStarvation({ p: 0.25, eps: 1e-4, n: 40, tEnd: 2000, testNoise: 0.3 });
    expect(Math.abs(r.noisyBAccuracy - r.noisyBAccuracyPredicted)).toBeLessThan(0.03);
    expect(r.noisyBAccuracy).toBeLessThan(0.6);
    expect(r.cleanBAccuracy).toBe(1);
  });

  it("P13 hinge at ρ = 0.8 with unequal norms: u_B freezes exactly at the closed-form value", () => {
    const r = measureStarvation({
      p: 0.5,
      rA: 1.5,
      rB: 2.4,
      eps: 1e-3,
      n: 40,
      tEnd: 60,
      loss: "hinge",
      lr: 0.002,
    });
    const tf = r.tFreezeB as number;
    const after = r.uB.filter((_, i) => r.t[i] >= 1.5 * tf);
    expect(after.length).toBeGreaterThan(3);
    for (const v of after) expect(v).toBe(after[0]);
    expect(Math.abs(after[0] / last(r.theoryUB) - 1)).toBeLessThan(0.03);
  });

  it("spectral decoupling does not raise u_B in this model (the fixed point puts everything on A)", () => {
    const plain = measureStarvation({ p: 0.5, eps: 1e-4, n: 20, tEnd: 2000 });
    const sd = measureStarvation({ p: 0.5, eps: 1e-4, n: 20, tEnd: 2000, spectralDecoupling: 0.05 });
    expect(last(sd.uB)).toBeLessThan(last(plain.uB));
  });

  it("the engine's ReLU MLP from the diagonal start does not starve B (u_B independent of ε)", () => {
    const a = measureEngineStarvation({ p: 0.5, init: "pair-diagonal", scale: 1e-2, n: 20, steps: 1500 });
    const b = measureEngineStarvation({ p: 0.5, init: "pair-diagonal", scale: 1e-4, n: 20, steps: 1500 });
    expect(b.uB / a.uB).toBeGreaterThan(0.8);
    expect(a.uB / a.uA).toBeGreaterThan(0.1);
  });

  it("the experiment: every check passes except the spectral-decoupling one, reported failing with numbers", () => {
    const result = c7Experiment.run({ scale: "default", seed: 2 });
    const failing = result.checks.filter((c) => !c.pass).map((c) => c.prediction);
    expect(failing).toEqual(["C7 (SD)"]);
    expect(result.figures.length).toBeGreaterThanOrEqual(5);
    expect(result.limits.length).toBeGreaterThanOrEqual(4);
  });
});
