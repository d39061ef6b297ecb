import type { Dataset } from "../data/dataset.js";

/** What the meter needs to know about the inputs' geometry. */
export interface InputGeometry {
  /** Points the Gram quantities were computed over (all of them up to the sample size). */
  sampled: number;
  /** max over pairs i ≠ j of |cos(x_i, x_j)| (0 for orthogonal points; 0 when n = 1). */
  maxCos: number;
  /**
   * max_i Σ_k |x_i · x_k| / ‖x_i‖ (sum over all n points, estimated as n/sampled × the sampled sum when
   * sampling, the point's own term ‖x_i‖ always exact): how far one full-batch gradient step with unit loss slopes moves the pre-activation of a
   * unit along x_i, in units of the unit's weight along x_i. For orthogonal points it is max ‖x_i‖.
   */
  flowRow: number;
  /** max_i ‖x_i‖. */
  maxNorm: number;
  /**
   * For axis-aligned data (every point has exactly one non-zero coordinate, no two points share one): the
   * coordinate of each point; else null. THEORY.md §1's exact setting x_k = r_k e_k is of this kind.
   */
  coordinate: Int32Array | null;
}

/**
 * Input geometry over the first `sample` points (all when n ≤ sample; default 256): O(sample² d). The
 * first points, not a random draw, so the same data give the same numbers everywhere.
 */
export function inputGeometry(data: Dataset, sample = 256): InputGeometry {
  const { n, d, x } = data;
  const m = Math.min(n, sample);
  const norms = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += x[i * d + c] ** 2;
    norms[i] = Math.sqrt(s);
  }
  let maxNorm = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let c = 0; c < d; c++) s += x[i * d + c] ** 2;
    maxNorm = Math.max(maxNorm, Math.sqrt(s));
  }
  let maxCos = 0;
  let flowRow = 0;
  for (let i = 0; i < m; i++) {
    let others = 0;
    for (let k = 0; k < m; k++) {
      if (k === i) continue;
      let dot = 0;
      for (let c = 0; c < d; c++) dot += x[i * d + c] * x[k * d + c];
      others += Math.abs(dot);
      if (norms[i] > 0 && norms[k] > 0) maxCos = Math.max(maxCos, Math.abs(dot) / (norms[i] * norms[k]));
    }
    // The point's own term exactly, the others' sum scaled up from the sample (exact when m = n).
    const scale = m > 1 ? (n - 1) / (m - 1) : 0;
    if (norms[i] > 0) flowRow = Math.max(flowRow, norms[i] + (others * scale) / norms[i]);
  }
  return { sampled: m, maxCos, flowRow, maxNorm, coordinate: axisCoordinates(data) };
}

function axisCoordinates(data: Dataset): Int32Array | null {
  const { n, d, x } = data;
  const coordinate = new Int32Array(n);
  const taken = new Uint8Array(d);
  for (let i = 0; i < n; i++) {
    let found = -1;
    for (let c = 0; c < d; c++) {
      if (x[i * d + c] === 0) continue;
      if (found >= 0) return null;
      found = c;
    }
    if (found < 0 || taken[found]) return null;
    taken[found] = 1;
    coordinate[i] = found;
  }
  return coordinate;
}
