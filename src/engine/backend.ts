/**
 * The kernels a model needs, behind one small interface so that a faster backend (WebAssembly SIMD,
 * threads, native) can replace them without touching model code.
 *
 * All matrices are row-major Float64Arrays. Buffers that a backend works on must be allocated through
 * `alloc`, so a WASM backend can keep them inside its linear memory without copies.
 */
export interface Backend {
  /** Short identifier, e.g. "js". */
  readonly name: string;
  /** A zero-filled buffer of `length` float64 values owned by this backend. */
  alloc(length: number): Float64Array;
  /**
   * C (m × n) = A (m × k) · Bᵀ, where B is stored n × k. With `accumulate`, C += A · Bᵀ.
   * Every output is a left-to-right sum over k, so results are independent of blocking.
   */
  gemmABt(
    A: Float64Array,
    B: Float64Array,
    C: Float64Array,
    m: number,
    n: number,
    k: number,
    accumulate?: boolean,
  ): void;
  /** out (cols × rows) = transpose of A (rows × cols). */
  transpose(A: Float64Array, rows: number, cols: number, out: Float64Array): void;
}
