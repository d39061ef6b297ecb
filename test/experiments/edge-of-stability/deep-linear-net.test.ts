import { describe, expect, it } from "vitest";
import { deepLinearNet } from "../../../src/experiments/edge-of-stability/deep-linear-net.js";
import { expectGradientMatchesDifferences, topEigenvalueByDifferences } from "./net-checks.js";

describe("edge-of-stability deep linear workload", () => {
  const w = { kind: "deep-linear", depth: 3, width: 4, points: 6 } as const;

  it("has depth × width² bias-free parameters, Xavier-normal scale 1/√width", () => {
    const big = deepLinearNet({ kind: "deep-linear", depth: 20, width: 50, points: 50 }, 0);
    expect(big.initial.length).toBe(20 * 50 * 50);
    const sd = Math.sqrt(big.initial.reduce((s, v) => s + v * v, 0) / big.initial.length);
    expect(Math.abs(sd * Math.sqrt(50) - 1)).toBeLessThan(0.02); // 50000 draws: relative sd error ~0.3%
  });

  it("XᵀX = n·I: one layer f = Wx has the Hessian (XᵀX/n) ⊗ I = I, so λ_max = 1 and ∇L at W = 0 is −Yᵀ X/n = −A", () => {
    const net = deepLinearNet({ kind: "deep-linear", depth: 1, width: 4, points: 6 }, 1);
    expect(net.sharpness(net.initial)).toBeCloseTo(1, 9);
    // The loss is quadratic in W with Hessian I: L(W) − L(0) = ⟨∇L(0), W⟩ + ½‖W‖², exactly.
    const zero = new Float64Array(16);
    const g0 = new Float64Array(16);
    const l0 = net.lossAndGradient(zero, g0);
    const lw = net.lossAndGradient(net.initial, new Float64Array(16));
    const dot = net.initial.reduce((s, v, i) => s + v * g0[i], 0);
    const sq = net.initial.reduce((s, v) => s + v * v, 0);
    expect(lw - l0).toBeCloseTo(dot + sq / 2, 10);
    expect(() => deepLinearNet({ ...w, points: 3 }, 0)).toThrow(/points ≥ width/);
  });

  it("the gradient matches central differences and λ_max the central-difference Hessian", () => {
    const net = deepLinearNet(w, 2);
    expectGradientMatchesDifferences(net, [0, 7, 18, 33, 47], 6);
    expect(net.sharpness(net.initial)).toBeCloseTo(topEigenvalueByDifferences(net, 1000), 3);
  });
});
