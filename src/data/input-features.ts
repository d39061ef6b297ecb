import type { DataBundle, Dataset } from "./dataset.js";

/**
 * TensorFlow Playground's input features of 2-D data: the coordinates, their squares, their product and
 * their sines. A run config's `inputs` lists the ones the network sees, in order (its input dimension is
 * the list's length), so the lab and the CLI train on the same transformed points.
 */
export const INPUT_FEATURES = ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"] as const;

/** One input feature of 2-D data. */
export type InputFeature = (typeof INPUT_FEATURES)[number];

const FEATURE: Record<InputFeature, (a: number, b: number) => number> = {
  x1: (a) => a,
  x2: (_, b) => b,
  "x1^2": (a) => a * a,
  "x2^2": (_, b) => b * b,
  "x1*x2": (a, b) => a * b,
  "sin(x1)": (a) => Math.sin(a),
  "sin(x2)": (_, b) => Math.sin(b),
};

/** Throws an Error saying what is wrong with a list of input features (unknown or repeated names). */
export function checkInputFeatures(names: readonly string[]): asserts names is readonly InputFeature[] {
  if (names.length === 0) throw new Error('inputs: list at least one input feature, e.g. ["x1", "x2"]');
  const seen = new Set<string>();
  for (const name of names) {
    if (!(name in FEATURE))
      throw new Error(
        `inputs: "${name}" is not an input feature; use ${INPUT_FEATURES.map((f) => `"${f}"`).join(", ")}`,
      );
    if (seen.has(name)) throw new Error(`inputs: "${name}" is listed twice; list each feature once`);
    seen.add(name);
  }
}

/**
 * The features of `n` points of the plane (xy: n × 2, row-major) as an n × names.length matrix. Used for
 * the training data and for any grid over the plane the lab evaluates the network on.
 */
export function planeFeatures(
  xy: ArrayLike<number>,
  n: number,
  names: readonly InputFeature[],
): Float64Array {
  const k = names.length;
  const fs = names.map((f) => FEATURE[f]);
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    const a = xy[2 * i];
    const b = xy[2 * i + 1];
    for (let j = 0; j < k; j++) out[i * k + j] = fs[j](a, b);
  }
  return out;
}

/** A 2-D data set with its inputs replaced by the named features (labels unchanged). */
export function withInputFeatures(data: Dataset, names: readonly string[]): Dataset {
  checkInputFeatures(names);
  if (data.d !== 2) {
    throw new Error(
      `inputs: feature crosses are defined for 2-D data, but "${data.name}" has d = ${data.d}; remove "inputs" from the config or use 2-D data`,
    );
  }
  return {
    name: data.name,
    n: data.n,
    d: names.length,
    x: planeFeatures(data.x, data.n, names),
    y: data.y,
    columns: [...names],
    ...(data.meta ? { meta: data.meta } : {}),
  };
}

/** The training and test sets with the named input features, or the bundle itself when `names` is absent. */
export function bundleWithInputFeatures(
  bundle: DataBundle,
  names: readonly string[] | undefined,
): DataBundle {
  if (names === undefined) return bundle;
  const tests: Record<string, Dataset> = {};
  for (const [key, t] of Object.entries(bundle.tests)) tests[key] = withInputFeatures(t, names);
  return { train: withInputFeatures(bundle.train, names), tests };
}
