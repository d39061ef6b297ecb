/**
 * A binary classification data set, the plain-data form every part of learndyn exchanges.
 * Points are rows of `x` (row-major, n × d); labels are ±1 (0/1 inputs are converted on load).
 */
export interface Dataset {
  /** Short human-readable name, e.g. "orthogonal(n=4)". */
  name: string;
  /** Number of points. */
  n: number;
  /** Input dimension. */
  d: number;
  /** Inputs, row-major n × d. */
  x: Float64Array;
  /** Labels, each -1 or +1. */
  y: Float64Array;
  /**
   * Named feature directions (orthonormal rows, k × d) when the generator knows them, so probes can
   * measure the network's response along each feature (modes, gradient starvation).
   */
  features?: { names: string[]; directions: Float64Array };
  /** Which features each point carries (n × k, 0/1), when the generator knows it. */
  featureMask?: Uint8Array;
  /** Names of the d input columns (kept from a CSV header so export gives the same names back). */
  columns?: string[];
  /**
   * Facts the generator reports about what it made, e.g. `realizedMargin` and `marginDirection` for
   * blobs and moons. Plain data only, so it survives JSON export.
   */
  meta?: Record<string, DatasetMetaValue>;
}

/** A value a generator may report in `Dataset.meta`. */
export type DatasetMetaValue = number | string | boolean | number[];

/** A training set plus optional named test sets (e.g. "B-only" data that carries a single feature). */
export interface DataBundle {
  train: Dataset;
  tests: Record<string, Dataset>;
}

/** Row `i` of a data set as a fresh array (for tests, export and display, not hot loops). */
export function row(data: Dataset, i: number): number[] {
  return Array.from(data.x.subarray(i * data.d, (i + 1) * data.d));
}

/** Checks the invariants every Dataset must hold; throws an Error naming the first violation. */
export function assertValidDataset(data: Dataset): void {
  const where = `data set "${data.name}"`;
  if (!Number.isInteger(data.n) || data.n < 1)
    throw new Error(`${where}: n must be a positive integer, got ${data.n}`);
  if (!Number.isInteger(data.d) || data.d < 1)
    throw new Error(`${where}: d must be a positive integer, got ${data.d}`);
  if (data.x.length !== data.n * data.d) {
    throw new Error(`${where}: x has ${data.x.length} numbers, expected n·d = ${data.n * data.d}`);
  }
  if (data.y.length !== data.n)
    throw new Error(`${where}: y has ${data.y.length} labels, expected n = ${data.n}`);
  for (let i = 0; i < data.x.length; i++) {
    if (!Number.isFinite(data.x[i])) {
      const r = Math.floor(i / data.d);
      throw new Error(`${where}: x[${r}][${i % data.d}] is ${data.x[i]}; inputs must be finite numbers`);
    }
  }
  for (let i = 0; i < data.n; i++) {
    if (data.y[i] !== 1 && data.y[i] !== -1)
      throw new Error(`${where}: y[${i}] is ${data.y[i]}; labels must be -1 or +1`);
  }
}
