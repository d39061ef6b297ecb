import type { Rng } from "../engine/rng.js";
import type { DataBundle, Dataset } from "./dataset.js";
import { randomOrthonormal, standardBasis } from "./orthonormal.js";
import { alternatingLabels, checkInt, checkNumber, checkOneOf, show } from "./validate.js";

/** How a feature's sign relates to the label. */
export type FeatureCorrelation = "correlated" | "anti" | "uncorrelated";

/** One feature of a {@link featureMixture} data set. */
export interface FeatureSpec {
  /** Unique, non-empty name, used for the test set `"<name>-only"` and by probes. At most 40 characters. */
  name: string;
  /** Norm `r_j` of the feature in a point that carries it. Default 1; number in (0, 1e6]. */
  norm?: number;
  /**
   * Frequency `p_j`: the fraction of training points that carry the feature; exactly `round(p·n)` points do.
   * Default 1; number in [0, 1].
   */
  frequency?: number;
  /**
   * `"correlated"` (default): a carrier with label y gets `+y·r·u`; `"anti"`: `−y·r·u`; `"uncorrelated"`:
   * `±r·u` with the sign balanced within each label class, so the feature carries no label information.
   */
  correlation?: FeatureCorrelation;
}

/** Options of {@link featureMixture}: the frequency/norm setting of THEORY.md §5 and §7. */
export interface FeatureMixtureOptions {
  /** Number of training points. Default 100; integer in [1, 100000]. */
  n?: number;
  /**
   * The features (1 to 64, orthonormal directions). Default THEORY.md §7: `A` (norm 1, frequency 1) and
   * `B` (norm 1, frequency 0.5), both correlated with the label.
   */
  features?: FeatureSpec[];
  /**
   * Feature directions: `"standard"` (default) puts feature j on coordinate j; `"random"` draws k random
   * orthonormal directions in R^d from the rng (Haar). Either way the noise lives in the orthogonal
   * complement of the features.
   */
  basis?: "standard" | "random";
  /**
   * Extra input dimensions (d = k + noiseDims) holding isotropic Gaussian noise: noise is drawn in R^d and
   * projected onto the orthogonal complement of the feature directions. Default 0; integer in [0, 4096].
   */
  noiseDims?: number;
  /** Standard deviation of the noise per noise dimension. Default 0 (no noise); number in [0, 1e6]. */
  noiseStd?: number;
  /** Points in each test set ("<name>-only" per feature, and "all"). Default n; integer in [1, 100000]. */
  nTest?: number;
  /**
   * `"independent"` (default): each feature draws its carriers on its own, so a point may carry several.
   * `"disjoint"`: no point carries two features (needs Σ round(p_j n) ≤ n), so with a diagonal network each
   * feature is an exactly independent mode (THEORY.md §5) and its learning time is its own.
   */
  carriers?: "independent" | "disjoint";
}

const WHERE = "features data";
const CORRELATIONS = ["correlated", "anti", "uncorrelated"] as const;
const MAX_N = 100000;

/** THEORY.md §7's default: A in every point, B in half of them, both norm 1 and label-correlated. */
export const DEFAULT_FEATURES: readonly Required<FeatureSpec>[] = [
  { name: "A", norm: 1, frequency: 1, correlation: "correlated" },
  { name: "B", norm: 1, frequency: 0.5, correlation: "correlated" },
];

/**
 * Points made of label-correlated features, each with a norm and an exact frequency (the gradient
 * starvation setting, THEORY.md §5, §7). Labels alternate +1, −1, …; for each feature exactly round(p·n)
 * carriers are drawn at random (from the rng), split as evenly as possible between the two labels.
 * `x_i = Σ_{j carried} s_ij r_j u_j + noise`, with `s_ij = y_i` for correlated features.
 *
 * Test sets: `"<name>-only"` (every point carries only that feature, so the accuracy on it shows whether
 * the feature alone was learned) and `"all"` (every point carries every feature); nTest points each.
 */
export function featureMixture(options: FeatureMixtureOptions, rng: Rng): DataBundle {
  const n = checkInt(WHERE, "n", options.n ?? 100, 1, MAX_N);
  const nTest = checkInt(WHERE, "nTest", options.nTest ?? n, 1, MAX_N);
  const features = resolveFeatures(options.features);
  const basis = checkOneOf(WHERE, "basis", options.basis ?? "standard", ["standard", "random"] as const);
  const noiseDims = checkInt(WHERE, "noiseDims", options.noiseDims ?? 0, 0, 4096);
  const noiseStd = checkNumber(WHERE, "noiseStd", options.noiseStd ?? 0, 0, 1e6);
  const carriers = checkOneOf(WHERE, "carriers", options.carriers ?? "independent", [
    "independent",
    "disjoint",
  ] as const);
  const k = features.length;
  const d = k + noiseDims;
  const frame = basis === "standard" ? standardBasis(k, d) : randomOrthonormal(k, d, rng.fork("basis"));
  const geometry: Geometry = { features, k, d, frame, noiseStd };
  const label = features.map((f) => `${f.name}:${f.norm}@${f.frequency}`).join(",");

  const trainRng = rng.fork("train");
  const y = alternatingLabels(n);
  const mask = new Uint8Array(n * k);
  const taken = new Uint8Array(n);
  if (carriers === "disjoint") {
    const total = features.reduce((s, f) => s + Math.round(f.frequency * n), 0);
    if (total > n)
      throw new Error(
        `${WHERE}: carriers "disjoint" needs at most n = ${n} carriers in all, but the frequencies ask for ${total} (Σ round(p·n)); lower the frequencies or raise n`,
      );
  }
  features.forEach((f, j) => {
    const count = Math.round(f.frequency * n);
    const rngJ = trainRng.fork(`carriers:${f.name}`);
    for (const i of chooseCarriers(y, count, rngJ, carriers === "disjoint" ? taken : null)) {
      mask[i * k + j] = 1;
      taken[i] = 1;
    }
  });
  const train = build(
    geometry,
    `features(n=${n},${label})`,
    y,
    mask,
    trainRng.fork("signs"),
    trainRng.fork("noise"),
  );
  let bare = 0;
  for (let i = 0; i < n; i++) if (mask.subarray(i * k, (i + 1) * k).every((m) => m === 0)) bare++;
  train.meta = { pointsWithoutFeatures: bare };

  const tests: Record<string, Dataset> = {};
  const yTest = alternatingLabels(nTest);
  features.forEach((f, j) => {
    const m = new Uint8Array(nTest * k);
    for (let i = 0; i < nTest; i++) m[i * k + j] = 1;
    const r = rng.fork(`test:${f.name}`);
    tests[`${f.name}-only`] = build(geometry, `${f.name}-only`, yTest, m, r.fork("signs"), r.fork("noise"));
  });
  const r = rng.fork("test:all");
  tests.all = build(
    geometry,
    "all",
    yTest,
    new Uint8Array(nTest * k).fill(1),
    r.fork("signs"),
    r.fork("noise"),
  );
  return { train, tests };
}

interface Geometry {
  features: Required<FeatureSpec>[];
  k: number;
  d: number;
  /** Feature directions, k × d orthonormal rows. */
  frame: Float64Array;
  noiseStd: number;
}

function build(
  g: Geometry,
  name: string,
  y: Float64Array,
  mask: Uint8Array,
  signRng: Rng,
  noiseRng: Rng,
): Dataset {
  const { features, k, d, frame } = g;
  const n = y.length;
  const x = new Float64Array(n * d);
  const signs = uncorrelatedSigns(y, mask, k, features, signRng);
  const noisy = g.noiseStd > 0 && d > k;
  for (let i = 0; i < n; i++) {
    const xi = x.subarray(i * d, (i + 1) * d);
    if (noisy) {
      for (let c = 0; c < d; c++) xi[c] = g.noiseStd * noiseRng.normal();
      for (let j = 0; j < k; j++) {
        const u = frame.subarray(j * d, (j + 1) * d);
        let dot = 0;
        for (let c = 0; c < d; c++) dot += u[c] * xi[c];
        for (let c = 0; c < d; c++) xi[c] -= dot * u[c];
      }
    }
    for (let j = 0; j < k; j++) {
      if (!mask[i * k + j]) continue;
      const f = features[j];
      const s = f.correlation === "correlated" ? y[i] : f.correlation === "anti" ? -y[i] : signs[i * k + j];
      const u = frame.subarray(j * d, (j + 1) * d);
      for (let c = 0; c < d; c++) xi[c] += s * f.norm * u[c];
    }
  }
  return {
    name,
    n,
    d,
    x,
    y: Float64Array.from(y),
    features: { names: features.map((f) => f.name), directions: frame.slice() },
    featureMask: mask,
  };
}

/** Signs for uncorrelated features: within each label class, half the carriers get +1, half −1. */
function uncorrelatedSigns(
  y: Float64Array,
  mask: Uint8Array,
  k: number,
  features: Required<FeatureSpec>[],
  rng: Rng,
): Int8Array {
  const n = y.length;
  const signs = new Int8Array(n * k);
  features.forEach((f, j) => {
    if (f.correlation !== "uncorrelated") return;
    const r = rng.fork(`sign:${f.name}`);
    for (const label of [1, -1]) {
      const carriers: number[] = [];
      for (let i = 0; i < n; i++) if (y[i] === label && mask[i * k + j]) carriers.push(i);
      const s = carriers.map((_, t) => (t % 2 === 0 ? 1 : -1));
      r.shuffle(s);
      carriers.forEach((i, t) => {
        signs[i * k + j] = s[t];
      });
    }
  });
  return signs;
}

/**
 * `count` point indices, split between the labels as evenly as the class sizes allow, drawn at random
 * (among the points not `taken` yet, when given).
 */
function chooseCarriers(y: Float64Array, count: number, rng: Rng, taken: Uint8Array | null): number[] {
  const pos: number[] = [];
  const neg: number[] = [];
  y.forEach((v, i) => {
    if (!taken?.[i]) (v === 1 ? pos : neg).push(i);
  });
  let takePos = Math.min(pos.length, Math.ceil(count / 2));
  let takeNeg = count - takePos;
  if (takeNeg > neg.length) {
    takeNeg = neg.length;
    takePos = count - takeNeg;
  }
  rng.shuffle(pos);
  rng.shuffle(neg);
  return [...pos.slice(0, takePos), ...neg.slice(0, takeNeg)].sort((a, b) => a - b);
}

function resolveFeatures(specs: FeatureSpec[] | undefined): Required<FeatureSpec>[] {
  if (specs === undefined) return DEFAULT_FEATURES.map((f) => ({ ...f }));
  if (!Array.isArray(specs) || specs.length < 1 || specs.length > 64) {
    throw new Error(`${WHERE}: features must be a list of 1 to 64 features, got ${show(specs)}`);
  }
  const seen = new Set<string>();
  return specs.map((f, j) => {
    const at = `features[${j}]`;
    if (typeof f !== "object" || f === null)
      throw new Error(`${WHERE}: ${at} must be an object, got ${show(f)}`);
    if (typeof f.name !== "string" || f.name.length < 1 || f.name.length > 40 || /[\s,]/.test(f.name)) {
      throw new Error(
        `${WHERE}: ${at}.name must be a non-empty string of at most 40 characters without spaces or commas, got ${show(f.name)}`,
      );
    }
    if (f.name === "all")
      throw new Error(`${WHERE}: ${at}.name "all" is reserved for the test set with every feature`);
    if (seen.has(f.name))
      throw new Error(`${WHERE}: ${at}.name "${f.name}" is used twice; feature names must be unique`);
    seen.add(f.name);
    return {
      name: f.name,
      norm: checkNumber(WHERE, `${at}.norm`, f.norm ?? 1, 0, 1e6, true),
      frequency: checkNumber(WHERE, `${at}.frequency`, f.frequency ?? 1, 0, 1),
      correlation: checkOneOf(WHERE, `${at}.correlation`, f.correlation ?? "correlated", CORRELATIONS),
    };
  });
}
