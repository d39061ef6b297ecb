import { describe, expect, it } from "vitest";
import { Rng } from "../../src/engine/rng.js";
import { hardMarginSvm } from "../../src/math/hard-margin-svm.js";

/** Brute force: every support set S (|S| ≤ d) whose equalities y_i wᵀx_i = 1 hold with w in span{y_i x_i}. */
function bruteForce(x: number[], y: number[], n: number, d: number): number[] {
  let best: number[] = [];
  let bestNorm = Number.POSITIVE_INFINITY;
  for (let mask = 1; mask < 1 << n; mask++) {
    const S = [...Array(n).keys()].filter((i) => mask & (1 << i));
    if (S.length > d) continue;
    const z = S.map((i) => x.slice(i * d, (i + 1) * d).map((v) => v * y[i]));
    const k = S.length;
    // Gram system G α = 1 by Gauss–Jordan.
    const G = z.map((a) => [...z.map((b) => a.reduce((s, v, j) => s + v * b[j], 0)), 1]);
    let ok = true;
    for (let c = 0; c < k && ok; c++) {
      let p = c;
      for (let r = c + 1; r < k; r++) if (Math.abs(G[r][c]) > Math.abs(G[p][c])) p = r;
      if (Math.abs(G[p][c]) < 1e-12) ok = false;
      else {
        [G[c], G[p]] = [G[p], G[c]];
        for (let r = 0; r < k; r++)
          if (r !== c) {
            const f = G[r][c] / G[c][c];
            for (let j = c; j <= k; j++) G[r][j] -= f * G[c][j];
          }
      }
    }
    if (!ok) continue;
    const alpha = G.map((row, r) => row[k] / row[r]);
    const w = Array.from({ length: d }, (_, j) => z.reduce((s, zi, r) => s + alpha[r] * zi[j], 0));
    const feasible = [...Array(n).keys()].every(
      (i) => y[i] * w.reduce((s, v, j) => s + v * x[i * d + j], 0) >= 1 - 1e-9,
    );
    const norm = Math.hypot(...w);
    if (feasible && norm < bestNorm) [best, bestNorm] = [w, norm];
  }
  return best;
}

function separable(n: number, d: number, seed: number) {
  const rng = new Rng(seed);
  const teacher = Array.from({ length: d }, () => rng.normal());
  const x: number[] = [];
  const y: number[] = [];
  while (y.length < n) {
    const p = Array.from({ length: d }, () => rng.normal());
    const s = p.reduce((a, v, j) => a + v * teacher[j], 0);
    if (Math.abs(s) < 0.2) continue;
    x.push(...p);
    y.push(Math.sign(s));
  }
  return { x, y };
}

describe("hardMarginSvm", () => {
  it("matches the brute-force support-set search on random separable sets (d = 2, 3, 4)", () => {
    for (const [n, d, seed] of [
      [8, 2, 1],
      [10, 3, 2],
      [9, 4, 3],
      [12, 2, 4],
    ]) {
      const { x, y } = separable(n, d, seed);
      const svm = hardMarginSvm(x, y, n, d);
      const ref = bruteForce(x, y, n, d);
      for (let j = 0; j < d; j++) expect(Math.abs(svm.w[j] - ref[j])).toBeLessThan(1e-9);
      // KKT: ŵ = Σ α_i y_i x_i with α ≥ 0, the support vectors at margin exactly 1.
      for (let j = 0; j < d; j++) {
        const back = svm.support.reduce((s, i) => s + svm.alpha[i] * y[i] * x[i * d + j], 0);
        expect(Math.abs(back - svm.w[j])).toBeLessThan(1e-9);
      }
      for (const i of svm.support) {
        const m = y[i] * svm.w.reduce((s, v, j) => s + v * x[i * d + j], 0);
        expect(Math.abs(m - 1)).toBeLessThan(1e-9);
      }
    }
  });
  it("solves a case by hand: (1,0), (0,1) vs (−1,−1) gives ŵ = (1, 1)", () => {
    const s = hardMarginSvm([1, 0, 0, 1, -1, -1], [1, 1, -1], 3, 2);
    expect(s.w[0]).toBeCloseTo(1, 12);
    expect(s.w[1]).toBeCloseTo(1, 12);
    expect(s.margin).toBeCloseTo(1 / Math.SQRT2, 12);
  });
  it("refuses non-separable data and bad labels with words", () => {
    expect(() => hardMarginSvm([1, 0, -1, 0], [1, 1], 2, 2)).toThrow(/not linearly separable/);
    expect(() => hardMarginSvm([1, 0], [0], 1, 2)).toThrow(/±1/);
  });
});
