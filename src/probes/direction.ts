/**
 * Direction to a reference vector: how far w/‖w‖ is from r/‖r‖. Soudry et al. (2018) predict that for
 * separable data the gradient-descent iterate of a linear model on logistic loss turns towards the
 * hard-margin SVM direction with a gap that shrinks like 1/log t.
 */
import type { Dataset } from "../data/dataset.js";
import { hardMarginSvm } from "../math/hard-margin-svm.js";
import { endToEndMap } from "./linear-map.js";
import type { Probe, ProbeValues } from "./probe.js";

/** Where w points relative to r. */
export interface Direction {
  /** cos ∠(w, r). */
  cosine: number;
  /** The angle in radians (accurate also near 0, from the gap). */
  angle: number;
  /** ‖w/‖w‖ − r/‖r‖‖ (the quantity of Soudry et al.'s Theorem 3). */
  gap: number;
}

/** The direction of w relative to r (both non-zero, same length). */
export function directionTo(w: ArrayLike<number>, r: ArrayLike<number>): Direction {
  if (w.length !== r.length)
    throw new Error(`directionTo: w has ${w.length} entries, the reference ${r.length}`);
  let ww = 0;
  let rr = 0;
  for (let i = 0; i < w.length; i++) {
    ww += w[i] * w[i];
    rr += r[i] * r[i];
  }
  if (!(ww > 0 && rr > 0))
    throw new Error("directionTo: both vectors must be non-zero (a zero vector has no direction)");
  const nw = Math.sqrt(ww);
  const nr = Math.sqrt(rr);
  let gap2 = 0;
  let dot = 0;
  for (let i = 0; i < w.length; i++) {
    const d = w[i] / nw - r[i] / nr;
    gap2 += d * d;
    dot += (w[i] / nw) * (r[i] / nr);
  }
  const gap = Math.sqrt(gap2);
  // The chord of the unit circle is 2 sin(θ/2): exact where acos(cosine) loses digits.
  return { cosine: dot, angle: 2 * Math.asin(Math.min(1, gap / 2)), gap };
}

/** The hard-margin SVM direction of each training set, solved once (an exact QP, then reused per record). */
const svmDirections = new WeakMap<Dataset, Float64Array>();

function svmDirection(data: Dataset): Float64Array {
  let w = svmDirections.get(data);
  if (!w) {
    try {
      w = hardMarginSvm(data.x, data.y, data.n, data.d).w;
    } catch (e) {
      throw new Error(
        `probe direction: ${(e as Error).message}; it measures the turn to the max-margin separator through the origin, which exists only for data separable through the origin`,
      );
    }
    svmDirections.set(data, w);
  }
  return w;
}

/**
 * `direction`: how far a linear net's end-to-end map w is from the training set's hard-margin SVM
 * direction ŵ (bias-free, through the origin; an exact QP solved once per data set). Soudry et al.
 * (2018): under GD on logistic loss the gap ‖w/‖w‖ − ŵ/‖ŵ‖‖ shrinks like 1/ln t. Needs a linear,
 * bias-free net (the SVM has no offset) and separable data; NaN while w = 0 (no direction yet).
 */
export const directionProbe: Probe = {
  name: "direction",
  description:
    "linear bias-free nets: gap, angle and cosine to the hard-margin SVM direction (directionGap, directionAngle, directionCosine)",
  fields: ["directionGap", "directionAngle", "directionCosine"],
  measure({ mlp, params, data }): ProbeValues {
    if (mlp.spec.bias)
      throw new Error(
        "probe direction: the reference is the SVM through the origin, so the net must have no biases; set model.bias false",
      );
    const w = endToEndMap(mlp, params, "direction");
    if (!w.some((v) => v !== 0)) return { directionGap: NaN, directionAngle: NaN, directionCosine: NaN };
    const d = directionTo(w, svmDirection(data));
    return { directionGap: d.gap, directionAngle: d.angle, directionCosine: d.cosine };
  },
};
