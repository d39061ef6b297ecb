import type { Rng } from "../engine/rng.js";
import type { DataBundle, Dataset } from "./dataset.js";
import { standardBasis } from "./orthonormal.js";
import { alternatingLabels, checkInt, checkNumber, checkOneOf, show } from "./validate.js";

/** The largest number of points (and of dimensions) the orthogonal generator makes. */
export const ORTHOGONAL_MAX = 4096;

/** Options of {@link orthogonal}: THEORY.md §1's exact setting, points `x_k = r_k e_k`. */
export interface OrthogonalOptions {
  /**
   * Norms `r_k` of the points: an array with one norm per point, or one number used for all `count` points.
   * Default 1. Each must be a number in (0, 1e6].
   */
  norms?: number[] | number;
  /**
   * Number of points when `norms` is a single number. Default 2 (or `norms.length` when `norms` is an array;
   * giving both requires they agree). Integer in [1, 4096].
   */
  count?: number;
  /**
   * Labels: an array of ±1 (one per point), `"alternating"` (+1, −1, +1, …), `"random"` (each ±1 with
   * probability ½, drawn from the rng) or `"positive"` (all +1). Default `"alternating"`.
   */
  labels?: number[] | "alternating" | "random" | "positive";
  /** Input dimension d; coordinates beyond the n-th are 0 in every point. Default n; integer in [n, 4096]. */
  dim?: number;
}

const WHERE = "orthogonal data";
const LABEL_MODES = ["alternating", "random", "positive"] as const;

/**
 * Orthogonal points `x_k = r_k e_k` (k = 1..n): the setting where a ReLU net with diagonal init splits into
 * independent modes (THEORY.md §2). `features` are the unit vectors `e_k` (named "e1", "e2", …) and point k
 * carries feature k only. No test sets.
 */
export function orthogonal(options: OrthogonalOptions, rng: Rng): DataBundle {
  const { norms, n } = resolveNorms(options);
  const d = options.dim === undefined ? n : checkInt(WHERE, "dim", options.dim, n, ORTHOGONAL_MAX);
  const y = resolveLabels(options.labels ?? "alternating", n, rng);
  const x = new Float64Array(n * d);
  for (let k = 0; k < n; k++) x[k * d + k] = norms[k];
  const featureMask = new Uint8Array(n * n);
  for (let k = 0; k < n; k++) featureMask[k * n + k] = 1;
  const train: Dataset = {
    name: `orthogonal(n=${n})`,
    n,
    d,
    x,
    y,
    features: { names: Array.from({ length: n }, (_, k) => `e${k + 1}`), directions: standardBasis(n, d) },
    featureMask,
  };
  return { train, tests: {} };
}

function resolveNorms(options: OrthogonalOptions): { norms: Float64Array; n: number } {
  const raw = options.norms ?? 1;
  if (Array.isArray(raw)) {
    if (raw.length < 1 || raw.length > ORTHOGONAL_MAX) {
      throw new Error(`${WHERE}: norms must hold 1 to ${ORTHOGONAL_MAX} numbers, got ${raw.length}`);
    }
    if (options.count !== undefined && options.count !== raw.length) {
      throw new Error(
        `${WHERE}: count (${show(options.count)}) disagrees with norms.length (${raw.length}); drop count or make them equal`,
      );
    }
    const norms = new Float64Array(raw.length);
    raw.forEach((r, k) => {
      norms[k] = checkNumber(WHERE, `norms[${k}]`, r, 0, 1e6, true);
    });
    return { norms, n: raw.length };
  }
  const r = checkNumber(WHERE, "norms", raw, 0, 1e6, true);
  const n = checkInt(WHERE, "count", options.count ?? 2, 1, ORTHOGONAL_MAX);
  return { norms: new Float64Array(n).fill(r), n };
}

function resolveLabels(labels: OrthogonalOptions["labels"], n: number, rng: Rng): Float64Array {
  if (Array.isArray(labels)) {
    if (labels.length !== n) {
      throw new Error(`${WHERE}: labels must hold one label per point (${n}), got ${labels.length}`);
    }
    const y = new Float64Array(n);
    labels.forEach((v, k) => {
      if (v !== 1 && v !== -1) throw new Error(`${WHERE}: labels[${k}] must be -1 or +1, got ${show(v)}`);
      y[k] = v;
    });
    return y;
  }
  const mode = checkOneOf(WHERE, "labels", labels, LABEL_MODES);
  if (mode === "alternating") return alternatingLabels(n);
  if (mode === "positive") return new Float64Array(n).fill(1);
  const r = rng.fork("labels");
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) y[k] = r.uniform() < 0.5 ? 1 : -1;
  return y;
}
