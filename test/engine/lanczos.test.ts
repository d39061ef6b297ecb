import { describe, expect, it } from "vitest";
import { lanczosTop, type MatVec } from "../../src/engine/lanczos.js";
import { Rng } from "../../src/engine/rng.js";
import { symmetricEigen } from "../../src/engine/symmetric-eigen.js";

/** A dense symmetric matrix as a MatVec. */
function denseOperator(A: Float64Array, m: number): MatVec {
  return (v, out) => {
    for (let i = 0; i < m; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += A[i * m + j] * v[j];
      out[i] = s;
    }
  };
}

function randomSymmetric(m: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const A = new Float64Array(m * m);
  for (let i = 0; i < m; i++)
    for (let j = 0; j <= i; j++) {
      const x = rng.normal();
      A[i * m + j] = x;
      A[j * m + i] = x;
    }
  return A;
}

describe("lanczosTop", () => {
  it("finds the top 5 of a 300-dimensional diagonal operator, with restarts, to 1e-10", () => {
    const dim = 300;
    const diag = Float64Array.from({ length: dim }, (_, i) => Math.sin(i) * 3 + i / 100);
    const sorted = Array.from(diag).sort((a, b) => b - a);
    const r = lanczosTop((v, out) => out.set(v.map((x, i) => diag[i] * x)), dim, { k: 5, basis: 16 });
    expect(r.converged).toBe(true);
    expect(r.restarts).toBeGreaterThan(0);
    for (let j = 0; j < 5; j++)
      expect(Math.abs(r.values[j] - sorted[j])).toBeLessThan(1e-10 * Math.abs(sorted[0]));
  });

  it("matches a dense eigendecomposition of a random symmetric matrix, eigenvectors included", () => {
    const m = 80;
    const A = randomSymmetric(m, 3);
    const op = denseOperator(A, m);
    const dense = symmetricEigen(A, m);
    const r = lanczosTop(op, m, { k: 4, basis: 20, tolerance: 1e-12 });
    expect(r.converged).toBe(true);
    const Av = new Float64Array(m);
    r.values.forEach((theta, j) => {
      expect(Math.abs(theta - dense.values[j])).toBeLessThan(1e-10 * Math.abs(dense.values[0]));
      const y = r.vectors?.[j] as Float64Array;
      op(y, Av);
      let res = 0;
      for (let i = 0; i < m; i++) res = Math.max(res, Math.abs(Av[i] - theta * y[i]));
      expect(res).toBeLessThan(1e-9);
    });
  });

  it("handles an invariant subspace (rank 2 operator) and a basis as large as the space", () => {
    const m = 30;
    const u = Float64Array.from({ length: m }, (_, i) => Math.cos(i));
    const w = Float64Array.from({ length: m }, (_, i) => (i % 3) - 1);
    const A = new Float64Array(m * m);
    for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) A[i * m + j] = 2 * u[i] * u[j] - 3 * w[i] * w[j];
    const dense = symmetricEigen(A, m);
    const small = lanczosTop(denseOperator(A, m), m, { k: 3, basis: 8 });
    const full = lanczosTop(denseOperator(A, m), m, { k: 3, basis: 100 });
    for (const r of [small, full]) {
      expect(r.converged).toBe(true);
      for (let j = 0; j < 3; j++) expect(Math.abs(r.values[j] - dense.values[j])).toBeLessThan(1e-10 * 60);
    }
  });

  it("is deterministic for a seed and warm-starts from a given vector", () => {
    const m = 50;
    const op = denseOperator(randomSymmetric(m, 5), m);
    const a = lanczosTop(op, m, { k: 2, basis: 10, seed: 4 });
    const b = lanczosTop(op, m, { k: 2, basis: 10, seed: 4 });
    expect(a.values).toEqual(b.values);
    const warm = lanczosTop(op, m, { k: 1, basis: 10, start: a.vectors?.[0] });
    expect(warm.matvecs).toBeLessThan(a.matvecs);
    expect(Math.abs(warm.values[0] - a.values[0])).toBeLessThan(1e-9);
  });

  it("refuses k outside 1..dim and a start vector of the wrong length", () => {
    const op: MatVec = (v, out) => out.set(v);
    expect(() => lanczosTop(op, 3, { k: 4 })).toThrow(/k must be an integer in 1\.\.3/);
    expect(() => lanczosTop(op, 3, { k: 1, start: new Float64Array(2) })).toThrow(
      /start vector has 2 entries/,
    );
  });
});
