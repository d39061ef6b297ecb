import type { DataBundle, Dataset } from "../../src/data/dataset.js";

/** The bytes of a typed array, for bit-identical comparisons (−0 ≠ 0, NaN payloads count). */
export function bytes(a: Float64Array | Uint8Array): number[] {
  return Array.from(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

/** True when two data sets hold bit-identical inputs and labels. */
export function sameData(a: Dataset, b: Dataset): boolean {
  const ea = bytes(a.x);
  const eb = bytes(b.x);
  return (
    a.n === b.n &&
    a.d === b.d &&
    ea.length === eb.length &&
    ea.every((v, i) => v === eb[i]) &&
    sameArr(a.y, b.y)
  );
}

function sameArr(a: Float64Array, b: Float64Array): boolean {
  const ea = bytes(a);
  const eb = bytes(b);
  return ea.length === eb.length && ea.every((v, i) => v === eb[i]);
}

/** True when two bundles hold bit-identical train and test sets. */
export function sameBundle(a: DataBundle, b: DataBundle): boolean {
  const ka = Object.keys(a.tests).sort();
  const kb = Object.keys(b.tests).sort();
  return (
    sameData(a.train, b.train) && ka.join() === kb.join() && ka.every((k) => sameData(a.tests[k], b.tests[k]))
  );
}

/** y·(w·x) for every point. */
export function margins(data: Dataset, w: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < data.n; i++) {
    let s = 0;
    for (let c = 0; c < data.d; c++) s += w[c] * data.x[i * data.d + c];
    out.push(data.y[i] * s);
  }
  return out;
}

/** Row i as an array. */
export function rowOf(data: Dataset, i: number): number[] {
  return Array.from(data.x.subarray(i * data.d, (i + 1) * data.d));
}
