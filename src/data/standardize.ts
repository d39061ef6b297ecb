import type { DataBundle, Dataset } from "./dataset.js";

/** Per-column shift and scale: `x' = (x − mean) / scale`. */
export interface Standardization {
  /** Subtracted from each column (zeros when not centering). */
  mean: Float64Array;
  /** Each column is divided by this (ones when not scaling; 1 for a constant column). */
  scale: Float64Array;
}

/** Options of {@link fitStandardization}. */
export interface StandardizeOptions {
  /** Subtract each column's mean. Default true. */
  center?: boolean;
  /** Divide each column by its standard deviation (population, 1/n); constant columns are left unscaled. Default true. */
  scale?: boolean;
}

/** Column means and standard deviations of a data set (fit on the training set only). */
export function fitStandardization(data: Dataset, options: StandardizeOptions = {}): Standardization {
  const { n, d, x } = data;
  const mean = new Float64Array(d);
  const scale = new Float64Array(d).fill(1);
  if (options.center ?? true) {
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) mean[j] += x[i * d + j];
    for (let j = 0; j < d; j++) mean[j] /= n;
  }
  if (options.scale ?? true) {
    const m = new Float64Array(d);
    for (let i = 0; i < n; i++) for (let j = 0; j < d; j++) m[j] += x[i * d + j];
    for (let j = 0; j < d; j++) m[j] /= n;
    const v = new Float64Array(d);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < d; j++) {
        const e = x[i * d + j] - m[j];
        v[j] += e * e;
      }
    }
    for (let j = 0; j < d; j++) {
      const sd = Math.sqrt(v[j] / n);
      scale[j] = sd > 0 ? sd : 1;
    }
  }
  return { mean, scale };
}

/**
 * Applies a standardization to a data set (a new Dataset; the input is untouched). Feature directions are
 * kept when every scale is 1 (a pure shift leaves directions unchanged) and dropped otherwise, since
 * per-column scaling breaks their orthonormality. The feature mask is always kept.
 */
export function applyStandardization(data: Dataset, s: Standardization): Dataset {
  const { n, d } = data;
  if (s.mean.length !== d || s.scale.length !== d) {
    throw new Error(
      `applyStandardization: data set "${data.name}" has d = ${d} but the standardization has ${s.mean.length}`,
    );
  }
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < d; j++) x[i * d + j] = (data.x[i * d + j] - s.mean[j]) / s.scale[j];
  const out: Dataset = { ...data, x, y: data.y.slice() };
  if (!s.scale.every((v) => v === 1)) delete out.features;
  return out;
}

/** Fits on the training set and applies the same standardization to the training and every test set. */
export function standardizeBundle(bundle: DataBundle, options: StandardizeOptions = {}): DataBundle {
  const s = fitStandardization(bundle.train, options);
  const tests: Record<string, Dataset> = {};
  for (const [name, t] of Object.entries(bundle.tests)) tests[name] = applyStandardization(t, s);
  return { train: applyStandardization(bundle.train, s), tests };
}
