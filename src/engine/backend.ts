import type { ActivationKind } from "./activation.js";

/**
 * The kernels a model needs, behind one small interface so that a faster backend (WebAssembly SIMD,
 * threads, native) can replace them without touching model code.
 *
 * All matrices are row-major Float64Arrays. Buffers that a backend works on must be allocated through
 * `alloc`, so a WASM backend can keep them inside its linear memory without copies.
 *
 * The elementwise kernels below are optional: model code uses the plain-JS reference (`kernels-js.ts`,
 * `activation.ts`) when a backend leaves one out. A backend must give the reference's bits: the same IEEE
 * operations in the same order, no fused multiply-add (a backend that cannot must say so in its name
 * and documentation).
 */
export interface Backend {
  /** Short identifier, e.g. "js". */
  readonly name: string;
  /** Threads its products may use (absent: 1). Results do not depend on it for exact backends. */
  readonly threads?: number;
  /**
   * Releases what the backend holds beyond memory (helper threads). It stays usable, on one thread.
   * Whoever created the backend calls it when done; garbage collection does it otherwise.
   */
  dispose?(): void;
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
  /**
   * Optional: C (m × n) = Aᵀ · B with A stored k × m and B stored k × n (with `accumulate`, C += Aᵀ · B),
   * each output the left-to-right sum over k. Without it, callers transpose and use gemmABt (same bits).
   */
  gemmAtB?(
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
  /**
   * Whether `a` lives in this backend's memory, so its kernels work on it in place. Buffers from `alloc`
   * do; callers copy other inputs in once (see `resident`). Absent: every Float64Array does.
   */
  owns?(a: Float64Array): boolean;
  /** M (rows × cols) += v (cols) on every row. */
  addRowVector?(M: Float64Array, v: Float64Array, rows: number, cols: number): void;
  /** out (cols) = column sums of M (rows × cols), summed from 0 in row order. */
  sumRows?(M: Float64Array, rows: number, cols: number, out: Float64Array): void;
  /** out[i] = φ(z[i]) for i < length (as `activate` in activation.ts). */
  activate?(kind: ActivationKind, z: Float64Array, out: Float64Array, length: number, slope: number): void;
  /** grad[i] *= φ'(z[i]) for i < length (as `multiplyByDerivative` in activation.ts). */
  multiplyByDerivative?(
    kind: ActivationKind,
    z: Float64Array,
    h: Float64Array,
    grad: Float64Array,
    length: number,
    slope: number,
  ): void;
  /** p −= lr · (g + wd · p) (as `sgdStep` in kernels-js.ts). */
  sgdStep?(params: Float64Array, grad: Float64Array, length: number, lr: number, wd: number): void;
  /** Momentum step (as `momentumStep` in kernels-js.ts). */
  momentumStep?(
    params: Float64Array,
    grad: Float64Array,
    buf: Float64Array,
    length: number,
    lr: number,
    wd: number,
    mu: number,
    first: boolean,
    nesterov: boolean,
  ): void;
  /** Adam step (as `adamStep` in kernels-js.ts). */
  adamStep?(
    params: Float64Array,
    grad: Float64Array,
    m: Float64Array,
    v: Float64Array,
    length: number,
    beta1: number,
    beta2: number,
    stepSize: number,
    bc2Sqrt: number,
    eps: number,
    wd: number,
  ): void;
}

/**
 * `a` itself when the backend owns it (or cannot tell), otherwise a copy allocated through the backend:
 * for inputs made outside the engine (data sets) that are used on every step.
 */
export function resident(backend: Backend, a: Float64Array): Float64Array {
  if (!backend.owns || backend.owns(a)) return a;
  const copy = backend.alloc(a.length);
  copy.set(a);
  return copy;
}
