import { describe, expect, it } from "vitest";
import { chebyshev, eosNet } from "../../../src/experiments/edge-of-stability/workload.js";

describe("edge-of-stability workload", () => {
  it("T_k by the recurrence equals the closed polynomial", () => {
    for (const x of [-1, -0.3, 0.2, 0.9]) {
      expect(chebyshev(5, x)).toBeCloseTo(16 * x ** 5 - 20 * x ** 3 + 5 * x, 13);
      expect(chebyshev(3, x)).toBeCloseTo(4 * x ** 3 - 3 * x, 14);
      expect(chebyshev(0, x)).toBe(1);
    }
  });

  it("the loss gradient matches central differences; init within PyTorch's U(±1/√fan_in)", () => {
    const net = eosNet({ hidden: [7], degree: 5, points: 9 }, 3);
    expect(Math.max(...net.initial.subarray(0, 14).map(Math.abs))).toBeLessThanOrEqual(1);
    expect(Math.max(...net.initial.subarray(14).map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(7));
    const th = Float64Array.from(net.initial);
    const g = new Float64Array(th.length);
    net.lossAndGradient(th, g);
    const scratch = new Float64Array(th.length);
    for (const i of [0, 5, 9, 15, th.length - 1]) {
      const h = 1e-6;
      const p = Float64Array.from(th);
      p[i] += h;
      const up = net.lossAndGradient(p, scratch);
      p[i] -= 2 * h;
      const down = net.lossAndGradient(p, scratch);
      expect(g[i]).toBeCloseTo((up - down) / (2 * h), 8);
    }
  });

  it("λ_max equals the top eigenvalue of the central-difference Hessian", () => {
    const net = eosNet({ hidden: [3], degree: 3, points: 5 }, 0);
    const th = Float64Array.from(net.initial);
    const p = th.length;
    const H: number[][] = [];
    const gp = new Float64Array(p);
    const gm = new Float64Array(p);
    for (let j = 0; j < p; j++) {
      const a = Float64Array.from(th);
      a[j] += 1e-5;
      net.lossAndGradient(a, gp);
      a[j] -= 2e-5;
      net.lossAndGradient(a, gm);
      H.push(Array.from(gp, (v, i) => (v - gm[i]) / 2e-5));
    }
    // Power iteration on H + cI (shifted positive) for its top eigenvalue.
    const c = 100;
    let v: number[] = Array.from({ length: p }, (_, i) => 1 + i / p);
    let lambda = 0;
    for (let it = 0; it < 3000; it++) {
      const w = H.map((row, i) => row.reduce((s, h, j) => s + 0.5 * (h + H[j][i]) * v[j], 0) + c * v[i]);
      const norm = Math.hypot(...w);
      lambda = norm - c;
      v = w.map((x) => x / norm);
    }
    expect(net.sharpness(th)).toBeCloseTo(lambda, 5);
  });
});
