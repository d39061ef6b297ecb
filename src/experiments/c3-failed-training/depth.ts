import type { RunConfigInput } from "../../config/run-config.js";
import { Rng } from "../../engine/rng.js";
import { runChunked } from "../../kit/measure/chunked-runs.js";
import { Z_99 } from "../../kit/measure/error-curves.js";
import { deepExactSettingConfig } from "../../kit/measure/exact-setting.js";
import { chainRecoveryProbability, classifyChain } from "../../theory/failure-regions.js";

/** Options of {@link measureDepthRecovery}. */
export interface DepthRecoveryOptions {
  /** Depth D ≥ 2 (D − 1 hidden weights, one output weight per chain). */
  depth: number;
  /** Number of wrong chains (points) simulated (default 400). */
  count?: number;
  /** Scale σ of the i.i.d. |N(0, σ²)| weights (default 1; the rule is scale-free). */
  scale?: number;
  /** Learning rate (default 0.05). */
  lr?: number;
  /** Gradient-flow time to run (default 30). */
  time?: number;
  /** Input norm (default 1). */
  r?: number;
  /** Seed of the draws. */
  seed?: number;
  /** Points per engine run (default 20). */
  chunk?: number;
}

/** Simulated vs predicted recovery of wrong depth-D chains. */
export interface DepthRecoveryMeasurement {
  depth: number;
  count: number;
  /** Fraction of chains whose final margin is > 0. */
  recovered: number;
  /** Still undecided at the end (margin < 0, every unit alive). */
  undecided: number;
  /** P9: 1/D. */
  predicted: number;
  /** 99% binomial half-width √(p(1−p)/N)·2.576 at p = 1/D. */
  halfWidth: number;
  /** Fraction of chains whose simulated fate matches the rule |a_D| < min_{l<D} a_l. */
  ruleAgreement: number;
  /**
   * Chains whose fate is decided at the end (recovered, m > 0, or failed, m = 0: the ReLU gate closed)
   * and differs from the rule's: 0 under the theory. A chain still at m < 0 may go either way yet.
   */
  ruleMisses: number;
  /** Fraction the rule predicts to recover, on these draws. */
  ruleRecovered: number;
  config: RunConfigInput;
}

/**
 * Draws wrong chains (y = +1, hidden weights |N(0, σ²)| > 0, output −|N(0, σ²)|), simulates them as
 * orthogonal points with diagonal layers (deepExactSettingConfig) and counts recoveries (P9).
 */
export function measureDepthRecovery(o: DepthRecoveryOptions): DepthRecoveryMeasurement {
  const D = o.depth;
  if (!(Number.isInteger(D) && D >= 2))
    throw new Error(`measureDepthRecovery: depth must be an integer ≥ 2, got ${D}`);
  const count = o.count ?? 400;
  const scale = o.scale ?? 1;
  const lr = o.lr ?? 0.05;
  const r = o.r ?? 1;
  const rng = new Rng(o.seed ?? 0, `c3-depth-${D}`);
  const layers: number[][] = Array.from({ length: D }, () => new Array<number>(count));
  for (let k = 0; k < count; k++) {
    for (let l = 0; l < D; l++) {
      const v = Math.abs(rng.normal()) * scale;
      layers[l][k] = l === D - 1 ? -v : v;
    }
  }
  const runs = runChunked({
    count,
    chunk: o.chunk ?? 20,
    keys: ["margin"],
    build: (offset, size) =>
      deepExactSettingConfig({
        norms: new Array<number>(size).fill(r),
        labels: new Array<number>(size).fill(1),
        layers: layers.map((row) => row.slice(offset, offset + size)),
        lr,
        steps: Math.ceil((o.time ?? 30) / lr),
        perDecade: 10,
      }),
  });
  const final = runs.values.margin[runs.values.margin.length - 1];
  let recovered = 0;
  let undecided = 0;
  let agree = 0;
  let misses = 0;
  let rule = 0;
  for (let k = 0; k < count; k++) {
    const rec = final[k] > 0;
    if (rec) recovered++;
    else if (final[k] < 0) undecided++;
    const predicts = classifyChain(layers.map((row) => row[k])) === "recovers";
    if (predicts) rule++;
    if (predicts === rec) agree++;
    else if (!(final[k] < 0)) misses++;
  }
  const p = chainRecoveryProbability(D);
  return {
    depth: D,
    count,
    recovered: recovered / count,
    undecided: undecided / count,
    predicted: p,
    halfWidth: Z_99 * Math.sqrt((p * (1 - p)) / count),
    ruleAgreement: agree / count,
    ruleMisses: misses,
    ruleRecovered: rule / count,
    config: runs.config,
  };
}
