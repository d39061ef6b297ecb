/**
 * SVD mode strengths (Saxe et al. 2014): the strength of mode α of a network's end-to-end linear map W
 * (N_out × N_in) is u_αᵀ W v_α, the projection on the singular vectors of the task's Σ_yx. Under the
 * theory's decoupled dynamics each strength follows its own sigmoid u(t) (THEORY.md §3, P14).
 */
import { Matrix, SingularValueDecomposition } from "ml-matrix";
import type { Dataset } from "../data/dataset.js";
import { endToEndMap } from "./linear-map.js";
import type { Probe, ProbeValues } from "./probe.js";

/** Singular triples, largest first: `u` rows are left vectors (length rows), `v` rows right ones. */
export interface Svd {
  values: number[];
  /** k × rows. */
  u: Float64Array;
  /** k × cols. */
  v: Float64Array;
}

/** Thin SVD of a row-major rows × cols matrix (ml-matrix's Golub–Kahan), k = min(rows, cols) triples. */
export function svd(a: Float64Array, rows: number, cols: number): Svd {
  if (a.length !== rows * cols)
    throw new Error(`svd: expected ${rows}×${cols} = ${rows * cols} entries, got ${a.length}`);
  const m = new Matrix(rows, cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) m.set(i, j, a[i * cols + j]);
  // ml-matrix's SVD wants rows ≥ cols; transpose otherwise and swap the factors back.
  const flip = rows < cols;
  const d = new SingularValueDecomposition(flip ? m.transpose() : m, { autoTranspose: false });
  const L = flip ? d.rightSingularVectors : d.leftSingularVectors;
  const R = flip ? d.leftSingularVectors : d.rightSingularVectors;
  const k = Math.min(rows, cols);
  const values = d.diagonal.slice(0, k);
  const order = values.map((_, j) => j).sort((p, q) => values[q] - values[p]);
  const u = new Float64Array(k * rows);
  const v = new Float64Array(k * cols);
  order.forEach((j, a) => {
    for (let i = 0; i < rows; i++) u[a * rows + i] = L.get(i, j);
    for (let i = 0; i < cols; i++) v[a * cols + i] = R.get(i, j);
  });
  return { values: order.map((j) => values[j]), u, v };
}

/**
 * Strengths u_αᵀ W v_α of the row-major rows × cols map W on the given singular vectors (`u`: k × rows,
 * `v`: k × cols, as {@link svd} or {@link correlatedData} give them).
 */
export function modeStrengths(
  w: ArrayLike<number>,
  rows: number,
  cols: number,
  u: ArrayLike<number>,
  v: ArrayLike<number>,
): number[] {
  if (w.length !== rows * cols)
    throw new Error(`modeStrengths: W has ${w.length} entries, expected ${rows}×${cols}`);
  const k = u.length / rows;
  if (!Number.isInteger(k) || v.length !== k * cols)
    throw new Error(`modeStrengths: u (${u.length}) and v (${v.length}) are not k×${rows} and k×${cols}`);
  const out: number[] = [];
  for (let a = 0; a < k; a++) {
    let sum = 0;
    for (let i = 0; i < rows; i++) {
      let wv = 0;
      for (let j = 0; j < cols; j++) wv += w[i * cols + j] * v[a * cols + j];
      sum += u[a * rows + i] * wv;
    }
    out.push(sum);
  }
  return out;
}

/** The task's Σ_yx = (1/n) Σ_i y_i x_iᵀ (1 × d for the trainer's ±1 labels) and its SVD, once per data set. */
const taskModes = new WeakMap<Dataset, Svd>();

/** The SVD of a data set's input–output correlation Σ_yx = (1/n) Σ_i y_i x_iᵀ (one triple: scalar labels). */
export function correlationSvd(data: Dataset): Svd {
  let modes = taskModes.get(data);
  if (!modes) {
    const syx = new Float64Array(data.d);
    for (let i = 0; i < data.n; i++)
      for (let j = 0; j < data.d; j++) syx[j] += (data.y[i] * data.x[i * data.d + j]) / data.n;
    modes = svd(syx, 1, data.d);
    taskModes.set(data, modes);
  }
  return modes;
}

/**
 * `svd-modes`: Saxe et al.'s mode strengths u_αᵀ W v_α of a linear net's end-to-end map W on the singular
 * vectors of the training set's Σ_yx, beside the singular values s_α they tend to (with whitened inputs
 * and squared loss, u(t) is the sigmoid of THEORY.md's saxe section rising from the init to s_α). The
 * trainer's logit is a scalar, so Σ_yx has one mode. Linear nets only (a clear error otherwise).
 */
export const svdModesProbe: Probe = {
  name: "svd-modes",
  description: "linear nets: strengths uᵀWv of the end-to-end map on the SVD of Σ_yx (svdStrength, svdValue)",
  fields: ["svdStrength", "svdValue"],
  measure({ mlp, params, data }): ProbeValues {
    const w = endToEndMap(mlp, params, "svd-modes");
    const modes = correlationSvd(data);
    return {
      svdStrength: modeStrengths(w, 1, data.d, modes.u, modes.v),
      svdValue: [...modes.values],
    };
  },
};
