/**
 * LMS data of Shah et al. 2020 ("The pitfalls of simplicity bias in neural networks"; their
 * `scripts/gendata.py: get_lms_data`): one linear coordinate plus k-slab coordinates, every one of them
 * alone separating the classes. The linear coordinate is y·(γ + (w − γ)·U); a 5-slab coordinate puts the
 * positive class in the two slabs at ±[(w + 6γ)/5, … + slab width] and the negative class in the centre
 * slab (probability 3/4) or the outer two; a 3-slab coordinate puts the negative class in the centre and
 * the positive one on both sides. Slab width (2w − 8γ)/5 (5 slabs) or (2w − 4γ)/3 (3 slabs), margins as
 * published (γ = 0.1·w, w = 1). Remaining coordinates are uniform noise on [0, w).
 */
import type { Rng } from "../engine/rng.js";
import type { DataBundle, Dataset } from "./dataset.js";
import { checkInt, checkNumber } from "./validate.js";

/** Options of {@link lmsData}. */
export interface LmsOptions {
  /** Training points. Default 2000; integer in [2, 200000] (the paper: 100,000). */
  n?: number;
  /** Points of the test set "test". Default 1000; integer in [2, 200000] (the paper: 2000). */
  nTest?: number;
  /** Number of slab coordinates after the linear one. Default 19; integer in [1, 1000]. */
  slabs?: number;
  /** Slabs per slab coordinate: 3 or 5 (the paper's LMS-5: 5). Default 5. */
  k?: 3 | 5;
  /** Margin of the linear coordinate as a fraction of the width (0, 1). Default 0.1. */
  linearMargin?: number;
  /** Margin between slabs as a fraction of the width. Default 0.1; below 0.25 (5 slabs) or 0.5 (3 slabs). */
  slabMargin?: number;
  /** Extra uniform-noise coordinates after the slabs. Default 0; integer in [0, 1000]. */
  noise?: number;
  /**
   * Also the test set's S-randomised copy "S-randomized" (the linear column shuffled) and Sᶜ-randomised
   * copy "Sc-randomized" (the slab columns shuffled), so a run's test accuracy on each says which
   * coordinates the net relies on. Default false.
   */
  randomizedTests?: boolean;
}

const WHERE = "lms data";

/** Draws one LMS set of `n` points: column 0 linear, columns 1…slabs k-slab, then noise columns. */
function draw(n: number, o: Required<LmsOptions>, rng: Rng, name: string): Dataset {
  const d = 1 + o.slabs + o.noise;
  const x = new Float64Array(n * d);
  const y = new Float64Array(n);
  const sign = () => (rng.uniform() < 0.5 ? -1 : 1);
  const lm = o.linearMargin;
  const sm = o.slabMargin;
  for (let i = 0; i < n; i++) {
    const label = rng.uniform() < 0.5 ? -1 : 1;
    y[i] = label;
    const row = i * d;
    x[row] = label * (lm + (1 - lm) * rng.uniform());
    for (let j = 1; j <= o.slabs; j++) x[row + j] = slabValue(label, o.k, sm, rng, sign);
    for (let j = 1 + o.slabs; j < d; j++) x[row + j] = rng.uniform();
  }
  return { name, n, d, x, y, meta: { linearColumn: 0, slabColumns: o.slabs, k: o.k } };
}

/** One k-slab coordinate of a point with `label`, by the published construction (width 1). */
function slabValue(label: number, k: 3 | 5, sm: number, rng: Rng, sign: () => number): number {
  if (k === 3) {
    const sw = (2 - 4 * sm) / 3;
    if (label > 0) return sign() * (0.5 * sw + 2 * sm + sw * rng.uniform());
    return 0.5 * sign() * sw * rng.uniform();
  }
  const sw = (2 - 8 * sm) / 5;
  if (label > 0) return sign() * ((1 + 6 * sm) / 5 + sw * rng.uniform());
  if (rng.uniform() < 0.75) return 0.5 * sign() * sw * rng.uniform();
  return sign() * ((8 * sm + 3) / 5 + sw * rng.uniform());
}

/** LMS training set and test set "test", drawn from `rng`. */
export function lmsData(options: LmsOptions, rng: Rng): DataBundle {
  const k = options.k ?? 5;
  if (k !== 3 && k !== 5)
    throw new Error(`${WHERE}: k must be 3 or 5 (slabs per coordinate), got ${String(k)}`);
  const o: Required<LmsOptions> = {
    n: checkInt(WHERE, "n", options.n ?? 2000, 2, 200000),
    nTest: checkInt(WHERE, "nTest", options.nTest ?? 1000, 2, 200000),
    slabs: checkInt(WHERE, "slabs", options.slabs ?? 19, 1, 1000),
    k,
    linearMargin: checkNumber(WHERE, "linearMargin", options.linearMargin ?? 0.1, 0, 1, true),
    slabMargin: checkNumber(WHERE, "slabMargin", options.slabMargin ?? 0.1, 0, k === 5 ? 0.25 : 0.5, true),
    noise: checkInt(WHERE, "noise", options.noise ?? 0, 0, 1000),
    randomizedTests: options.randomizedTests ?? false,
  };
  if (typeof o.randomizedTests !== "boolean")
    throw new Error(`${WHERE}: randomizedTests must be true or false, got ${String(o.randomizedTests)}`);
  if (o.linearMargin === 1 || o.slabMargin === (k === 5 ? 0.25 : 0.5))
    throw new Error(
      `${WHERE}: a margin equal to its upper limit leaves no room for the data; use a smaller one`,
    );
  const name = `lms-${k}(slabs=${o.slabs})`;
  const test = draw(o.nTest, o, rng.fork("test"), `${name} test`);
  const tests: Record<string, Dataset> = { test };
  if (o.randomizedTests) {
    // Their own stream: turning the copies on leaves the training and test draws as they were.
    const shuffle = rng.fork("randomize");
    const slabs = Array.from({ length: o.slabs }, (_, j) => 1 + j);
    tests["S-randomized"] = { ...randomizeColumns(test, [0], shuffle), name: `${name} S-randomized` };
    tests["Sc-randomized"] = { ...randomizeColumns(test, slabs, shuffle), name: `${name} Sc-randomized` };
  }
  return { train: draw(o.n, o, rng.fork("train"), name), tests };
}

/**
 * A copy of `data` with each listed column permuted across points (independently): Shah et al.'s
 * S-randomised set (the linear column shuffled) or Sᶜ-randomised set (the slab columns shuffled), which
 * keeps each column's distribution but cuts its link to the label.
 */
export function randomizeColumns(data: Dataset, columns: readonly number[], rng: Rng): Dataset {
  const x = data.x.slice();
  for (const c of columns) {
    if (!(Number.isInteger(c) && c >= 0 && c < data.d))
      throw new Error(`randomizeColumns: column ${c} is not in 0…${data.d - 1}`);
    for (let i = data.n - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      const t = x[i * data.d + c];
      x[i * data.d + c] = x[j * data.d + c];
      x[j * data.d + c] = t;
    }
  }
  return { ...data, name: `${data.name} randomized[${columns.length} columns]`, x };
}
