import type { MatVec } from "./lanczos.js";
import { Rng } from "./rng.js";

/** Options of `hutchinsonTrace`. */
export interface HutchinsonOptions {
  /** Number of random probe vectors (one operator product each). */
  samples: number;
  /** Seed of the Rademacher vectors (default 0): the same seed gives the same bits. */
  seed?: number;
}

/** A stochastic trace estimate. */
export interface TraceEstimate {
  /** Mean of zᵀ A z over the samples: unbiased for tr A. */
  trace: number;
  /** Standard error of that mean (sample standard deviation / √samples; 0 for one sample). */
  standardError: number;
  /** Samples used. */
  samples: number;
}

/**
 * Hutchinson's estimator of tr A for a symmetric operator known only through products: the mean of
 * zᵀ A z over Rademacher vectors z (entries ±1 with probability ½). Its variance is 2 Σ_{i≠j} A_ij², the
 * smallest of the usual choices of z; exact for diagonal A. Cost: `samples` products and two vectors.
 */
export function hutchinsonTrace(apply: MatVec, dim: number, options: HutchinsonOptions): TraceEstimate {
  const { samples } = options;
  if (!Number.isInteger(samples) || samples < 1) {
    throw new Error(`hutchinsonTrace: samples must be a positive integer, got ${samples}`);
  }
  const rng = new Rng(options.seed ?? 0, "hutchinson");
  const z = new Float64Array(dim);
  const Az = new Float64Array(dim);
  let sum = 0;
  let sumSq = 0;
  for (let s = 0; s < samples; s++) {
    for (let i = 0; i < dim; i++) z[i] = rng.uniform() < 0.5 ? -1 : 1;
    apply(z, Az);
    let q = 0;
    for (let i = 0; i < dim; i++) q += z[i] * Az[i];
    sum += q;
    sumSq += q * q;
  }
  const mean = sum / samples;
  const variance = samples > 1 ? Math.max(0, (sumSq - samples * mean * mean) / (samples - 1)) : 0;
  return { trace: mean, standardError: Math.sqrt(variance / samples), samples };
}
