import type { Rng } from "../engine/rng.js";

/**
 * `k` random orthonormal vectors in R^d (rows of a k × d Float64Array), uniformly distributed (Haar):
 * Gaussian vectors orthonormalized by modified Gram–Schmidt, applied twice for float64 accuracy.
 * Requires k ≤ d.
 */
export function randomOrthonormal(k: number, d: number, rng: Rng): Float64Array {
  if (!Number.isInteger(k) || !Number.isInteger(d) || k < 0 || d < 1 || k > d) {
    throw new Error(`randomOrthonormal: need integers 0 ≤ k ≤ d, d ≥ 1; got k = ${k}, d = ${d}`);
  }
  const q = new Float64Array(k * d);
  for (let i = 0; i < k; i++) {
    for (;;) {
      const v = q.subarray(i * d, (i + 1) * d);
      for (let c = 0; c < d; c++) v[c] = rng.normal();
      for (let pass = 0; pass < 2; pass++) {
        for (let j = 0; j < i; j++) {
          const u = q.subarray(j * d, (j + 1) * d);
          let dot = 0;
          for (let c = 0; c < d; c++) dot += u[c] * v[c];
          for (let c = 0; c < d; c++) v[c] -= dot * u[c];
        }
      }
      let norm = 0;
      for (let c = 0; c < d; c++) norm += v[c] * v[c];
      norm = Math.sqrt(norm);
      if (norm > 1e-8) {
        for (let c = 0; c < d; c++) v[c] /= norm;
        break;
      }
      // Degenerate draw (probability ~0): draw again.
    }
  }
  return q;
}

/** The first k standard basis vectors of R^d as rows of a k × d Float64Array. */
export function standardBasis(k: number, d: number): Float64Array {
  if (!Number.isInteger(k) || !Number.isInteger(d) || k < 0 || d < 1 || k > d) {
    throw new Error(`standardBasis: need integers 0 ≤ k ≤ d, d ≥ 1; got k = ${k}, d = ${d}`);
  }
  const e = new Float64Array(k * d);
  for (let i = 0; i < k; i++) e[i * d + i] = 1;
  return e;
}
