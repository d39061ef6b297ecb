import { activate, multiplyByDerivative } from "./activation.js";
import type { Backend } from "./backend.js";
import { adamStep, addRowVector, momentumStep, sgdStep, sumRows } from "./kernels-js.js";

/**
 * Plain-JavaScript reference backend.
 *
 * The product kernel is register-blocked 4 rows × 2 columns (8 scalar accumulators): measured at about
 * 3.7 GFLOP/s against 1.1 for the naive loop on this class of machine (shared/research/perf-feasibility.md).
 * Each output is still a left-to-right sum over k, so the result equals the naive loop bit for bit.
 * No JavaScript linear-algebra library was faster in float64 (ml-matrix 0.7, `@stdlib` dgemm 0.84 GFLOP/s).
 */
export const jsBackend: Backend = {
  name: "js",
  alloc: (length) => {
    try {
      return new Float64Array(length);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      throw new Error(
        `js backend: cannot allocate ${length} float64 values (${(length / 2 ** 27).toFixed(1)} GiB); make the model or the data smaller`,
      );
    }
  },
  gemmABt,
  transpose,
  addRowVector,
  sumRows,
  activate,
  multiplyByDerivative,
  sgdStep,
  momentumStep,
  adamStep,
};

/** The reference product, for backends that fall back to it (operands outside their memory). */
export const gemmABtJs = gemmABt;
/** The reference transpose. */
export const transposeJs = transpose;

function gemmABt(
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  m: number,
  n: number,
  k: number,
  accumulate = false,
): void {
  let i = 0;
  for (; i + 3 < m; i += 4) {
    const a0 = i * k;
    const a1 = a0 + k;
    const a2 = a1 + k;
    const a3 = a2 + k;
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const b0 = j * k;
      const b1 = b0 + k;
      let c00 = 0;
      let c01 = 0;
      let c10 = 0;
      let c11 = 0;
      let c20 = 0;
      let c21 = 0;
      let c30 = 0;
      let c31 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = A[a0 + p];
        const x1 = A[a1 + p];
        const x2 = A[a2 + p];
        const x3 = A[a3 + p];
        const y0 = B[b0 + p];
        const y1 = B[b1 + p];
        c00 += x0 * y0;
        c01 += x0 * y1;
        c10 += x1 * y0;
        c11 += x1 * y1;
        c20 += x2 * y0;
        c21 += x2 * y1;
        c30 += x3 * y0;
        c31 += x3 * y1;
      }
      if (accumulate) {
        C[r0 + j] += c00;
        C[r0 + j + 1] += c01;
        C[r1 + j] += c10;
        C[r1 + j + 1] += c11;
        C[r2 + j] += c20;
        C[r2 + j + 1] += c21;
        C[r3 + j] += c30;
        C[r3 + j + 1] += c31;
      } else {
        C[r0 + j] = c00;
        C[r0 + j + 1] = c01;
        C[r1 + j] = c10;
        C[r1 + j + 1] = c11;
        C[r2 + j] = c20;
        C[r2 + j + 1] = c21;
        C[r3 + j] = c30;
        C[r3 + j + 1] = c31;
      }
    }
    // A leftover column (n odd; n = 1 is the output layer's matrix-vector product): 4 rows × 1 column.
    for (; j < n; j++) {
      const b0 = j * k;
      let c0 = 0;
      let c1 = 0;
      let c2 = 0;
      let c3 = 0;
      for (let p = 0; p < k; p++) {
        const y0 = B[b0 + p];
        c0 += A[a0 + p] * y0;
        c1 += A[a1 + p] * y0;
        c2 += A[a2 + p] * y0;
        c3 += A[a3 + p] * y0;
      }
      if (accumulate) {
        C[r0 + j] += c0;
        C[r1 + j] += c1;
        C[r2 + j] += c2;
        C[r3 + j] += c3;
      } else {
        C[r0 + j] = c0;
        C[r1 + j] = c1;
        C[r2 + j] = c2;
        C[r3 + j] = c3;
      }
    }
  }
  for (; i < m; i++) {
    for (let j = 0; j < n; j++) dotInto(A, i * k, B, j * k, k, C, i * n + j, accumulate);
  }
}

function dotInto(
  A: Float64Array,
  aOff: number,
  B: Float64Array,
  bOff: number,
  k: number,
  C: Float64Array,
  cIdx: number,
  accumulate: boolean,
): void {
  let s = 0;
  for (let p = 0; p < k; p++) s += A[aOff + p] * B[bOff + p];
  if (accumulate) C[cIdx] += s;
  else C[cIdx] = s;
}

function transpose(A: Float64Array, rows: number, cols: number, out: Float64Array): void {
  // Blocked so both reads and writes stay within a few cache lines.
  const BS = 32;
  for (let i0 = 0; i0 < rows; i0 += BS) {
    const i1 = Math.min(i0 + BS, rows);
    for (let j0 = 0; j0 < cols; j0 += BS) {
      const j1 = Math.min(j0 + BS, cols);
      for (let i = i0; i < i1; i++) {
        const ai = i * cols;
        for (let j = j0; j < j1; j++) out[j * rows + i] = A[ai + j];
      }
    }
  }
}
