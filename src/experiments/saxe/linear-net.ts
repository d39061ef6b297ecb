/**
 * A deep linear network y = W_D ⋯ W_1 x trained by full-batch gradient descent on the mean squared loss
 * ½·mean ‖y − Wx‖², written through the data's correlations: ∂ℒ/∂W = −(Σ_yx − W Σ_xx), so the step on
 * layer l is η·(W_D⋯W_{l+1})ᵀ (Σ_yx − W Σ_xx)(W_{l−1}⋯W_1)ᵀ, exactly GD on the samples. Time t = η·step
 * (τ = 1 in Saxe et al.'s units). Small enough (≤ ~32 units a layer) for ml-matrix's dense products.
 */
import { Matrix } from "ml-matrix";
import { randomOrthonormal } from "../../data/orthonormal.js";
import { Rng } from "../../engine/rng.js";

/** How the layers start. */
export type LinearInit =
  /** Saxe's decoupled balanced start: every layer a0 × (orthonormal map of the task's modes), u0 = a0^D. */
  | { kind: "decoupled"; a0: number }
  /** Independent Gaussian entries of standard deviation `scale` (small: a random, nearly balanced start). */
  | { kind: "random"; scale: number };

/** One training run's shape. */
export interface LinearRunSpec {
  /** Σ_xx (inputs × inputs) and Σ_yx (outputs × inputs), row-major. */
  xx: Float64Array;
  yx: Float64Array;
  inputs: number;
  outputs: number;
  /** Hidden width of every hidden layer (≥ the task's rank for the decoupled start). */
  hidden: number;
  /** Number of weight matrices D ≥ 2. */
  depth: number;
  /** Task singular vectors (k × outputs, k × inputs): used by the decoupled start. */
  u: Float64Array;
  v: Float64Array;
  init: LinearInit;
  /** Step size η. */
  lr: number;
  /** Steps of GD. */
  steps: number;
  /** Record the end-to-end map every this many steps. */
  every: number;
  /** Seed of the hidden bases / random weights. */
  seed: number;
}

/** The end-to-end map W (outputs × inputs, row-major) at each recorded time t = η·step. */
export interface LinearRun {
  t: number[];
  maps: Float64Array[];
}

const toMatrix = (a: Float64Array, rows: number, cols: number) =>
  new Matrix(Array.from({ length: rows }, (_, i) => Array.from(a.subarray(i * cols, (i + 1) * cols))));

function initialWeights(s: LinearRunSpec): Matrix[] {
  const dims = [s.inputs, ...Array.from({ length: s.depth - 1 }, () => s.hidden), s.outputs];
  const rng = new Rng(s.seed, "saxe-init");
  if (s.init.kind === "random") {
    const sc = s.init.scale;
    return dims.slice(1).map((rows, l) =>
      Matrix.from1DArray(
        rows,
        dims[l],
        Array.from({ length: rows * dims[l] }, () => sc * rng.normal()),
      ),
    );
  }
  const k = s.u.length / s.outputs;
  if (s.hidden < k) throw new Error(`saxe: the decoupled start needs hidden ≥ rank (${k}), got ${s.hidden}`);
  // Hidden bases R_1..R_{D−1} (k × hidden); W_1 = a0 R_1ᵀ V, W_l = a0 R_lᵀ R_{l−1}, W_D = a0 Uᵀ R_{D−1}.
  const bases = [toMatrix(s.v, k, s.inputs)];
  for (let l = 1; l < s.depth; l++)
    bases.push(toMatrix(randomOrthonormal(k, s.hidden, rng.fork(`r${l}`)), k, s.hidden));
  bases.push(toMatrix(s.u, k, s.outputs));
  const a0 = s.init.a0;
  return dims.slice(1).map((_, l) => bases[l + 1].transpose().mmul(bases[l]).mul(a0));
}

/** Runs GD and records W(t). */
export function trainLinear(s: LinearRunSpec): LinearRun {
  if (!(s.lr > 0) || !(s.steps >= 1) || !(s.every >= 1))
    throw new Error(`saxe: need lr > 0, steps ≥ 1, every ≥ 1 (got ${s.lr}, ${s.steps}, ${s.every})`);
  const W = initialWeights(s);
  const XX = toMatrix(s.xx, s.inputs, s.inputs);
  const YX = toMatrix(s.yx, s.outputs, s.inputs);
  const run: LinearRun = { t: [], maps: [] };
  const D = W.length;
  for (let k = 0; k <= s.steps; k++) {
    // Prefix products P_l = W_l ⋯ W_1 (P_0 = I) and the product W.
    const prefix: Matrix[] = [Matrix.eye(s.inputs)];
    for (let l = 0; l < D; l++) prefix.push(W[l].mmul(prefix[l]));
    const prod = prefix[D];
    if (k % s.every === 0 || k === s.steps) {
      run.t.push(s.lr * k);
      run.maps.push(Float64Array.from(prod.to1DArray()));
    }
    if (k === s.steps) break;
    const E = YX.clone().sub(prod.mmul(XX));
    // Suffix from the top: S = W_D ⋯ W_{l+1}; update W_l with Sᵀ E P_{l−1}ᵀ using the old weights.
    let suffix = Matrix.eye(s.outputs);
    const steps: Matrix[] = [];
    for (let l = D - 1; l >= 0; l--) {
      steps[l] = suffix.transpose().mmul(E).mmul(prefix[l].transpose()).mul(s.lr);
      suffix = suffix.mmul(W[l]);
    }
    for (let l = 0; l < D; l++) W[l].add(steps[l]);
  }
  return run;
}
