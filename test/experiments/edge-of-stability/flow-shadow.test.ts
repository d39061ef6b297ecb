import { describe, expect, it } from "vitest";
import { flowShadow } from "../../../src/experiments/edge-of-stability/flow-shadow.js";
import type { EosNet } from "../../../src/experiments/edge-of-stability/net-on-data.js";

/** L = ½ Σ λ_i θ_i²: the flow is θ_i(0)·e^{−λ_i t}, GD θ_i(0)·(1 − ηλ_i)^k, λ_max = max λ_i. */
function quadratic(lambdas: number[], start: number[]): EosNet {
  return {
    mlp: undefined as never,
    initial: Float64Array.from(start),
    lossAndGradient(theta, grad) {
      let loss = 0;
      lambdas.forEach((l, i) => {
        grad[i] = l * theta[i];
        loss += 0.5 * l * theta[i] ** 2;
      });
      return loss;
    },
    sharpness: () => Math.max(...lambdas),
  };
}

describe("flowShadow", () => {
  it("matches the closed-form flow: GD's relative distance from it, at GD's record times up to tEnd", () => {
    const lambdas = [1, 0.1];
    const start = [1, 2];
    const eta = 0.5;
    const net = quadratic(lambdas, start);
    const t: number[] = [];
    const states: Float64Array[] = [];
    for (let k = 0; k <= 20; k += 2) {
      t.push(eta * k);
      states.push(Float64Array.from(start, (v, i) => v * (1 - eta * lambdas[i]) ** k));
    }
    const f = flowShadow(net, { t, states }, 7, 0.05);
    expect(f.t).toEqual(t.slice(0, 8)); // 0, 1, …, 7
    for (let k = 1; k < f.t.length; k++) {
      const flow = start.map((v, i) => v * Math.exp(-lambdas[i] * f.t[k]));
      const gap = Math.hypot(...flow.map((v, i) => states[k][i] - v));
      const travelled = Math.hypot(...flow.map((v, i) => v - start[i]));
      expect(f.distance[k]).toBeCloseTo(gap / travelled, 6);
    }
    expect(f.distance[0]).toBe(0);
    expect(f.sharpness.every((s) => s === 1)).toBe(true);
    expect(f.sharpnessT[0]).toBe(0);
  });
});
