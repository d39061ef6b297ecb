import { Rng } from "./rng.js";
import { symmetricEigen } from "./symmetric-eigen.js";

/** Options of `lanczosTop`. */
export interface LanczosOptions {
  /** How many eigenpairs: the k algebraically largest eigenvalues (sharpness is the first). */
  k: number;
  /** Krylov basis size per cycle (default max(2k + 10, 24), capped at `dim`). */
  basis?: number;
  /** Restarts after the first cycle before giving up unconverged (default 100). */
  maxRestarts?: number;
  /**
   * Convergence: every wanted Ritz pair's residual ‖A y − θ y‖ ≤ tolerance × max(|θ₁|, 1e-300) (default
   * 1e-10). The eigenvalue error is then about residual² / gap, far below it.
   */
  tolerance?: number;
  /** Seed of the random start vector (default 0): the same seed gives the same bits. */
  seed?: number;
  /** A start vector instead of a random one (e.g. the last call's top eigenvector, to warm-start). */
  start?: Float64Array;
  /** Whether to return the eigenvectors (default true). */
  vectors?: boolean;
}

/** What Lanczos found. */
export interface LanczosResult {
  /** The k largest eigenvalues, descending. */
  values: number[];
  /** Their unit eigenvectors (absent with `vectors: false`). */
  vectors?: Float64Array[];
  /** ‖A y − θ y‖ estimate for each (|β · last component of the Ritz vector|). */
  residuals: number[];
  /** Matrix-vector products used. */
  matvecs: number;
  /** Restarts used. */
  restarts: number;
  /** Whether every wanted pair met the tolerance. */
  converged: boolean;
}

/** A symmetric linear operator: writes A v into out (out ≠ v). */
export type MatVec = (v: Float64Array, out: Float64Array) => void;

/**
 * Top-k eigenpairs of a symmetric operator given only as a matrix-vector product, by thick-restart
 * Lanczos (Wu & Simon 2000) with full reorthogonalisation (classical Gram–Schmidt, twice).
 *
 * Why written here: no npm package offers matvec-only symmetric eigensolvers in float64 (the linear
 * algebra libraries, ml-matrix or mathjs, need the dense matrix, which a Hessian of 10⁴–10⁵ parameters
 * is not). The small projected matrix is solved densely with ml-matrix (symmetric-eigen.ts).
 *
 * Memory: (basis + 1) vectors of `dim` float64 values, 8 · (basis + 1) · dim bytes (basis 24, 10⁵
 * parameters: 20 MB). Cost: one product per Krylov step, at most basis + restarts · (basis − kept)
 * products; each step also costs O(basis · dim) for the reorthogonalisation.
 */
export function lanczosTop(apply: MatVec, dim: number, options: LanczosOptions): LanczosResult {
  const { k } = options;
  if (!Number.isInteger(dim) || dim < 1)
    throw new Error(`lanczos: dimension must be a positive integer, got ${dim}`);
  if (!Number.isInteger(k) || k < 1 || k > dim) {
    throw new Error(`lanczos: k must be an integer in 1..${dim} (the dimension), got ${k}`);
  }
  const m = Math.min(dim, Math.max(options.basis ?? Math.max(2 * k + 10, 24), k + 1));
  const maxRestarts = options.maxRestarts ?? 100;
  const tol = options.tolerance ?? 1e-10;
  const rng = new Rng(options.seed ?? 0, "lanczos");
  const V: Float64Array[] = Array.from({ length: m + 1 }, () => new Float64Array(dim));
  const T = new Float64Array(m * m);
  const w = new Float64Array(dim);
  let matvecs = 0;
  let scale = 0;

  if (options.start) {
    if (options.start.length !== dim)
      throw new Error(`lanczos: start vector has ${options.start.length} entries, not ${dim}`);
    V[0].set(options.start);
  } else randomFill(V[0], rng);
  if (!normalize(V[0])) {
    randomFill(V[0], rng);
    normalize(V[0]);
  }

  let kept = 0;
  for (let restarts = 0; ; restarts++) {
    let betaLast = 0;
    for (let j = kept; j < m; j++) {
      apply(V[j], w);
      matvecs++;
      T[j * m + j] = orthogonalize(w, V, j + 1);
      let beta = norm(w);
      scale = Math.max(scale, Math.abs(T[j * m + j]) + beta);
      if (beta <= 1e-13 * scale) {
        // An invariant subspace: continue from a fresh random direction, uncoupled (T entry 0).
        beta = 0;
        if (j + 1 < m) {
          randomFill(V[j + 1], rng);
          orthogonalize(V[j + 1], V, j + 1);
          normalize(V[j + 1]);
        }
      } else {
        const target = V[j + 1];
        for (let i = 0; i < dim; i++) target[i] = w[i] / beta;
      }
      if (j + 1 < m) {
        T[j * m + j + 1] = beta;
        T[(j + 1) * m + j] = beta;
      } else betaLast = beta;
    }
    const { values, vectors: S } = symmetricEigen(T, m);
    const residuals = S.slice(0, k).map((s) => Math.abs(betaLast * s[m - 1]));
    const limit = tol * Math.max(Math.abs(values[0]), 1e-300);
    const converged = residuals.every((r) => r <= limit);
    if (converged || restarts >= maxRestarts || m === dim) {
      const result: LanczosResult = {
        values: values.slice(0, k),
        residuals,
        matvecs,
        restarts,
        converged: converged || m === dim,
      };
      if (options.vectors !== false) result.vectors = S.slice(0, k).map((s) => combine(V, s, m, dim));
      return result;
    }
    // Thick restart: keep the p best Ritz vectors, then the residual direction V[m]; T becomes diag(θ)
    // with an arrow row of couplings β·s_last.
    const p = Math.min(m - 1, k + Math.floor((m - k) / 2));
    const ritz = S.slice(0, p).map((s) => combine(V, s, m, dim));
    V[p].set(V[m]);
    for (let i = 0; i < p; i++) V[i].set(ritz[i]);
    T.fill(0);
    for (let i = 0; i < p; i++) {
      T[i * m + i] = values[i];
      const c = betaLast * S[i][m - 1];
      T[i * m + p] = c;
      T[p * m + i] = c;
    }
    kept = p;
  }
}

/**
 * Removes from w its components along V[0..count−1] (orthonormal), twice (classical Gram–Schmidt with
 * one reorthogonalisation, "twice is enough"); returns the total coefficient along V[count − 1].
 */
function orthogonalize(w: Float64Array, V: Float64Array[], count: number): number {
  let lastCoefficient = 0;
  for (let pass = 0; pass < 2; pass++) {
    const c = new Float64Array(count);
    for (let i = 0; i < count; i++) c[i] = dot(V[i], w);
    for (let i = 0; i < count; i++) axpy(-c[i], V[i], w);
    lastCoefficient += c[count - 1];
  }
  return lastCoefficient;
}

/** Σ_j s[j] V[j] for j < m. */
function combine(V: Float64Array[], s: Float64Array, m: number, dim: number): Float64Array {
  const out = new Float64Array(dim);
  for (let j = 0; j < m; j++) axpy(s[j], V[j], out);
  return out;
}

function randomFill(v: Float64Array, rng: Rng): void {
  for (let i = 0; i < v.length; i++) v[i] = rng.normal();
}

/** Scales v to unit length; false when it is 0. */
function normalize(v: Float64Array): boolean {
  const s = norm(v);
  if (!(s > 0)) return false;
  for (let i = 0; i < v.length; i++) v[i] /= s;
  return true;
}

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function norm(v: Float64Array): number {
  return Math.sqrt(dot(v, v));
}

function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < y.length; i++) y[i] += alpha * x[i];
}
