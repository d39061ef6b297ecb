import { Matrix } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/engine/rng.js";
import { nnls, saddleToSaddle } from "../../src/theory/saddle-to-saddle.js";

/** A sparse regression: n = 20 Gaussian rows, d = 30, β* on coordinates 0, 3, 7. */
function problem() {
  const rng = new Rng(1);
  const X = Array.from({ length: 20 }, () => Array.from({ length: 30 }, () => rng.normal()));
  const star = new Array(30).fill(0);
  star[0] = 2;
  star[3] = -1;
  star[7] = 0.5;
  return { X, y: X.map((r) => r.reduce((a, v, i) => a + v * star[i], 0)) };
}

/** Gradient descent on u ⊙ v from u = √2α, v = 0: loss against rescaled time t / ln(1/α). */
function gd(X: number[][], y: number[], alpha: number, tMax: number, eta = 0.01) {
  const n = X.length;
  const d = X[0].length;
  const L = Math.log(1 / alpha);
  const u = new Array(d).fill(Math.SQRT2 * alpha);
  const v = new Array(d).fill(0);
  const out: { t: number; loss: number }[] = [];
  for (let k = 0; k * eta <= tMax * L; k++) {
    const r = X.map((row, j) => row.reduce((a, x, i) => a + x * u[i] * v[i], 0) - y[j]);
    out.push({ t: (k * eta) / L, loss: r.reduce((a, x) => a + x * x, 0) / (2 * n) });
    for (let i = 0; i < d; i++) {
      const g = X.reduce((a, row, j) => a + row[i] * r[j], 0) / n;
      const du = v[i] * g;
      v[i] -= eta * u[i] * g;
      u[i] -= eta * du;
    }
  }
  return out;
}

describe("saddle-to-saddle (Pesme & Flammarion 2023, Algorithm 1)", () => {
  it("visits supports of growing size with falling losses, ending at the interpolating sparse solution", () => {
    const { X, y } = problem();
    const s = saddleToSaddle(X, y);
    expect(s.map((q) => q.support)).toEqual([[], [3], [0, 3], [0, 3, 7]]);
    for (let k = 1; k < s.length; k++) {
      expect(s[k].time).toBeGreaterThan(s[k - 1].time);
      expect(s[k].loss).toBeLessThan(s[k - 1].loss);
    }
    expect(s[3].loss).toBeLessThan(1e-20);
    expect(s[3].beta[0]).toBeCloseTo(2, 10);
  });

  it("predicts GD at small init: plateau losses and jump times in t / ln(1/α)", () => {
    const { X, y } = problem();
    const s = saddleToSaddle(X, y);
    const run = gd(X, y, 1e-6, s[2].time + 0.4);
    const at = (t: number) =>
      run.reduce((best, p) => (Math.abs(p.t - t) < Math.abs(best.t - t) ? p : best)).loss;
    // Plateau values: midway between jumps.
    expect(at((s[1].time + s[2].time) / 2)).toBeCloseTo(s[1].loss, 1);
    expect(Math.abs(at(s[2].time + 0.3) / s[2].loss - 1)).toBeLessThan(0.02);
    // Jump times: where the loss first falls below the midpoint of two plateaus (finite α delays by O(1/ln(1/α))).
    for (const k of [1, 2]) {
      const mid = (s[k - 1].loss + s[k].loss) / 2;
      const tJump = run.find((p) => p.loss < mid)?.t ?? Number.NaN;
      expect(Math.abs(tJump - s[k].time), `jump ${k}`).toBeLessThan(0.1);
    }
    // A large init is lazy: no plateau at the first saddle's loss.
    const lazy = gd(X, y, 0.5, s[2].time);
    expect(Math.abs(lazy[Math.round(lazy.length / 2)].loss - s[1].loss) / s[1].loss).toBeGreaterThan(0.3);
  });

  it("nnls: the non-negative least squares solution of a small system", () => {
    const A = new Matrix([
      [1, 0],
      [0, 1],
      [1, 1],
    ]);
    // Unconstrained solution (2/3·(… )) has a negative entry; the constrained one zeroes it.
    const x = nnls(A, [2, -1, 1]);
    expect(x[1]).toBe(0);
    expect(x[0]).toBeCloseTo(1.5, 12);
  });
});
