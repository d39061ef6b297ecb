import { describe, expect, it } from "vitest";
import { chebyshev, chebyshevNet } from "../../../src/experiments/edge-of-stability/chebyshev-net.js";
import { expectGradientMatchesDifferences, topEigenvalueByDifferences } from "./net-checks.js";

describe("edge-of-stability chebyshev workload", () => {
  it("T_k by the recurrence equals the closed polynomial", () => {
    for (const x of [-1, -0.3, 0.2, 0.9]) {
      expect(chebyshev(5, x)).toBeCloseTo(16 * x ** 5 - 20 * x ** 3 + 5 * x, 13);
      expect(chebyshev(3, x)).toBeCloseTo(4 * x ** 3 - 3 * x, 14);
      expect(chebyshev(0, x)).toBe(1);
    }
  });

  it("the loss gradient matches central differences; init within PyTorch's U(±1/√fan_in)", () => {
    const net = chebyshevNet({ kind: "chebyshev", hidden: [7], degree: 5, points: 9 }, 3);
    expect(Math.max(...net.initial.subarray(0, 14).map(Math.abs))).toBeLessThanOrEqual(1);
    expect(Math.max(...net.initial.subarray(14).map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(7));
    expectGradientMatchesDifferences(net, [0, 5, 9, 15, net.initial.length - 1], 8);
  });

  it("λ_max equals the top eigenvalue of the central-difference Hessian", () => {
    const net = chebyshevNet({ kind: "chebyshev", hidden: [3], degree: 3, points: 5 }, 0);
    expect(net.sharpness(net.initial)).toBeCloseTo(topEigenvalueByDifferences(net), 5);
  });
});
