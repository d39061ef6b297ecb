import type { Rng } from "../engine/rng.js";
import type { DataBundle, Dataset } from "./dataset.js";
import { alternatingLabels, checkInt, checkNumber, checkOneOf } from "./validate.js";

/** Options of {@link blobs}: two Gaussian blobs, linearly separable with a guaranteed margin. */
export interface BlobsOptions {
  /** Number of training points (labels alternate +1, −1, …). Default 200; integer in [1, 100000]. */
  n?: number;
  /** Input dimension. Default 2; integer in [1, 4096]. */
  d?: number;
  /** Standard deviation of each blob (isotropic). Default 1; number in [0, 1e6]. */
  std?: number;
  /**
   * Distance between the two blob means, which sit at ±separation/2 along the margin direction w (label
   * +1 at +). Default 4; number in [0, 1e6].
   */
  separation?: number;
  /**
   * Required margin Δ: every point satisfies y·(w·x) ≥ Δ, so the hyperplane w·x = 0 separates the classes
   * with each point at distance ≥ Δ. Default 0.5; number in [0, 1e6].
   */
  margin?: number;
  /** Margin direction w: `"axis"` (default, the first coordinate) or `"random"` (uniform unit vector). */
  direction?: "axis" | "random";
  /** Points in the test set `"test"` (fresh draws from the same distribution). Default n; integer in [1, 100000]. */
  nTest?: number;
}

const WHERE = "blobs data";
const MAX_N = 100000;

/**
 * Two isotropic Gaussian blobs with means ±(separation/2)·w. Separability with margin Δ is guaranteed by
 * **rejection**: a draw with y·(w·x) < Δ is discarded and redrawn, so each class follows its Gaussian
 * truncated to the half-space y·(w·x) ≥ Δ (the shape across w is untouched). Throws when the acceptance
 * rate is so low that the draw budget (100 per point) runs out: raise separation or lower margin.
 *
 * `meta.realizedMargin` = min_i y_i (w·x_i) ≥ Δ, `meta.marginDirection` = w, `meta.acceptanceRate`.
 */
export function blobs(options: BlobsOptions, rng: Rng): DataBundle {
  const n = checkInt(WHERE, "n", options.n ?? 200, 1, MAX_N);
  const d = checkInt(WHERE, "d", options.d ?? 2, 1, 4096);
  const std = checkNumber(WHERE, "std", options.std ?? 1, 0, 1e6);
  const separation = checkNumber(WHERE, "separation", options.separation ?? 4, 0, 1e6);
  const margin = checkNumber(WHERE, "margin", options.margin ?? 0.5, 0, 1e6);
  const direction = checkOneOf(WHERE, "direction", options.direction ?? "axis", ["axis", "random"] as const);
  const nTest = checkInt(WHERE, "nTest", options.nTest ?? n, 1, MAX_N);
  if (std === 0 && separation / 2 < margin) {
    throw new Error(
      `${WHERE}: with std 0 every point sits at distance separation/2 = ${separation / 2} from the boundary, ` +
        `below margin ${margin}; raise separation to at least ${2 * margin} or lower margin`,
    );
  }
  const w = new Float64Array(d);
  if (direction === "axis") w[0] = 1;
  else {
    const r = rng.fork("direction");
    let norm = 0;
    while (norm < 1e-8) {
      for (let c = 0; c < d; c++) w[c] = r.normal();
      norm = Math.hypot(...w);
    }
    for (let c = 0; c < d; c++) w[c] /= norm;
  }
  const params = { d, std, separation, margin, w };
  const name = `blobs(n=${n},d=${d},std=${std},sep=${separation},margin=${margin})`;
  return {
    train: draw(params, name, n, rng.fork("train")),
    tests: { test: draw(params, "test", nTest, rng.fork("test")) },
  };
}

interface BlobParams {
  d: number;
  std: number;
  separation: number;
  margin: number;
  w: Float64Array;
}

function draw(p: BlobParams, name: string, n: number, rng: Rng): Dataset {
  const { d, std, separation, margin, w } = p;
  const y = alternatingLabels(n);
  const x = new Float64Array(n * d);
  const budget = 100 * n + 1000;
  let draws = 0;
  let realized = Infinity;
  for (let i = 0; i < n; i++) {
    const xi = x.subarray(i * d, (i + 1) * d);
    for (;;) {
      if (++draws > budget) {
        throw new Error(
          `${WHERE}: rejection sampling kept only ${i} of ${n} points in ${budget} draws; the margin ${margin} is ` +
            `too far into the blobs (separation/2 = ${separation / 2}, std = ${std}): raise separation or lower margin`,
        );
      }
      let proj = 0;
      for (let c = 0; c < d; c++) {
        xi[c] = y[i] * (separation / 2) * w[c] + std * rng.normal();
        proj += w[c] * xi[c];
      }
      const m = y[i] * proj;
      if (m >= margin) {
        realized = Math.min(realized, m);
        break;
      }
    }
  }
  return {
    name,
    n,
    d,
    x,
    y,
    meta: { realizedMargin: realized, marginDirection: Array.from(w), acceptanceRate: n / draws },
  };
}
