import { describe, expect, it } from "vitest";
import { reluCeNet } from "../../../src/experiments/edge-of-stability/relu-ce-net.js";
import { expectGradientMatchesDifferences, topEigenvalueByDifferences } from "./net-checks.js";

describe("edge-of-stability ReLU cross-entropy workload", () => {
  const w = { kind: "relu-ce", dim: 3, points: 12, hidden: 5, initScale: 1, outputScale: 0.1 } as const;

  it("a zero output layer gives f = 0 everywhere: the summed CE is n·ln 2", () => {
    const net = reluCeNet(w, 0);
    const th = Float64Array.from(net.initial);
    th.fill(0, 15); // the 5 output weights follow the 3 × 5 first layer
    expect(net.lossAndGradient(th, new Float64Array(th.length))).toBeCloseTo(12 * Math.LN2, 12);
  });

  it("the gradient matches central differences and λ_max the central-difference Hessian", () => {
    const net = reluCeNet(w, 1);
    expect(net.initial.length).toBe(3 * 5 + 5);
    expectGradientMatchesDifferences(net, [0, 4, 11, 15, 19], 7);
    expect(net.sharpness(net.initial)).toBeCloseTo(topEigenvalueByDifferences(net), 4);
  });
});
