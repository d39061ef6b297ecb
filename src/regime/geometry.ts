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
  /**
   * Per input coordinate k, how far it is from being one of the theory's features (THEORY.md §5, §7: a
   * feature enters every point that carries it with the label's sign, or every one against it): with
   * P_k = Σ_i max(0, y_i x_ik) and N_k = Σ_i max(0, −y_i x_ik) over all n points, min(P_k, N_k)/|P_k − N_k|
   * (0 for a feature or an axis-aligned point, Infinity when the two sides cancel, NaN for an all-zero
   * column). See {@link labelSignMixing}.
   */
  signMixing: Float64Array;
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
  return {
    sampled: m,
    maxCos,
    flowRow,
    maxNorm,
    coordinate: axisCoordinates(data),
    signMixing: labelSignMixing(data),
  };
}

/**
 * min(P_k, N_k)/|P_k − N_k| per coordinate (see {@link InputGeometry.signMixing}), O(n d). Why this ratio:
 * under a diagonal first layer coordinate k's parameters are driven by −∂L/∂β_k = Σ_i y_i x_ik·s_i with
 * s_i > 0 the point's loss slope (σ(−m_i) under CE, ½ for every point at a small init). The net drive at
 * init is ½(P_k − N_k), the p·r of §5; the opposing part N_k (or P_k) is carried by points whose slopes
 * change as *other* coordinates learn them, so it is the share of the drive the loss couples to other
 * modes. The ratio is that share against the net drive.
 */
export function labelSignMixing(data: Dataset): Float64Array {
  const { n, d, x, y } = data;
  const P = new Float64Array(d);
  const N = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const yi = y[i] > 0 ? 1 : -1;
    for (let c = 0; c < d; c++) {
      const v = yi * x[i * d + c];
      if (v > 0) P[c] += v;
      else N[c] -= v;
    }
  }
  const out = new Float64Array(d);
  for (let c = 0; c < d; c++) {
    if (P[c] === 0 && N[c] === 0) out[c] = Number.NaN;
    else out[c] = Math.min(P[c], N[c]) / Math.abs(P[c] - N[c]);
  }
  return out;
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
