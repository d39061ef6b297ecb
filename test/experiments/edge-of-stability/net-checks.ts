import { expect } from "vitest";
import type { EosNet } from "../../../src/experiments/edge-of-stability/net-on-data.js";

/** ∇L at the init against central differences of the loss at the given coordinates. */
export function expectGradientMatchesDifferences(net: EosNet, coords: number[], digits = 7): void {
  const th = Float64Array.from(net.initial);
  const g = new Float64Array(th.length);
  net.lossAndGradient(th, g);
  const scratch = new Float64Array(th.length);
  for (const i of coords) {
    const h = 1e-6;
    const p = Float64Array.from(th);
    p[i] += h;
    const up = net.lossAndGradient(p, scratch);
    p[i] -= 2 * h;
    const down = net.lossAndGradient(p, scratch);
    expect(g[i], `coordinate ${i}`).toBeCloseTo((up - down) / (2 * h), digits);
  }
}

/** The top eigenvalue of the central-difference Hessian at the init (power iteration, shifted positive). */
export function topEigenvalueByDifferences(net: EosNet, shift = 100): number {
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
  let v: number[] = Array.from({ length: p }, (_, i) => 1 + i / p);
  let lambda = 0;
  for (let it = 0; it < 3000; it++) {
    const w = H.map((row, i) => row.reduce((s, h, j) => s + 0.5 * (h + H[j][i]) * v[j], 0) + shift * v[i]);
    const norm = Math.hypot(...w);
    lambda = norm - shift;
    v = w.map((x) => x / norm);
  }
  return lambda;
}
