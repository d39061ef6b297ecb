import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { activate, multiplyByDerivative } from "../../src/engine/activation.js";
import type { Backend } from "../../src/engine/backend.js";
import { jsBackend } from "../../src/engine/backend-js.js";
import { createWasmBackend, wasmSupported } from "../../src/engine/backend-wasm.js";
import {
  adamStep,
  addRowVector,
  gemmAtB,
  momentumStep,
  sgdStep,
  sumRows,
} from "../../src/engine/kernels-js.js";
import { KC } from "../../src/engine/wasm/kernels.js";

/** Values that find differences: signed zeros, infinities, NaN, subnormals, and ordinary numbers. */
const SPECIAL = [0, -0, 1, -1, Infinity, -Infinity, Number.NaN, 5e-324, -5e-324, 1e300, -1e-300, 0.1, 3];

/** A buffer of the backend filled from `fill(i)`. */
function filled(b: Backend, length: number, fill: (i: number) => number): Float64Array {
  const a = b.alloc(length);
  for (let i = 0; i < length; i++) a[i] = fill(i);
  return a;
}

/** Deterministic pseudo-random doubles with varied exponents, as a seeded function of the index. */
function noise(seed: number): (i: number) => number {
  return (i) => {
    const s = Math.sin((i + 1) * 12.9898 + seed * 78.233) * 43758.5453;
    const u = s - Math.floor(s);
    return (u - 0.5) * 2 ** ((i * 7 + seed) % 9);
  };
}

/** Bit-level equality of two arrays (NaN equals NaN, 0 differs from -0). */
function expectSameBits(a: Float64Array, b: Float64Array): void {
  expect(a.length).toBe(b.length);
  const ua = new BigUint64Array(Float64Array.from(a).buffer);
  const ub = new BigUint64Array(Float64Array.from(b).buffer);
  for (let i = 0; i < ua.length; i++) {
    if (ua[i] !== ub[i] && !(Number.isNaN(a[i]) && Number.isNaN(b[i]))) {
      throw new Error(`element ${i}: wasm ${a[i]} vs js ${b[i]}`);
    }
  }
}

describe("wasm backend", () => {
  it("is supported on this Node", () => {
    expect(wasmSupported()).toBe(true);
  });

  it("keeps owning its views when another backend's shared memory grows (no silent JS fallback)", () => {
    // V8 gives a shared memory a new buffer object when any shared memory grows.
    const w = createWasmBackend();
    const v = createWasmBackend();
    const before = w.alloc(100);
    v.alloc(4_000_000); // grows v's memory, not w's
    const after = w.alloc(100); // fits in w's memory: no growth of its own
    expect(w.owns?.(before)).toBe(true);
    expect(w.owns?.(after)).toBe(true);
    const c = w.alloc(100);
    w.gemmABt(before, after, c, 10, 10, 10);
    const ref = new Float64Array(100);
    jsBackend.gemmABt(before, after, ref, 10, 10, 10);
    expectSameBits(c, ref);
  });

  it("matrix-vector products (A·Bᵀ with n = 1, Aᵀ·B with m = 1) have the JS kernel's bits, incl. special values", () => {
    const w = createWasmBackend();
    for (const [len, k] of [
      [1, 1],
      [3, 7],
      [4, 1],
      [9, 13],
      [203, 8],
      [5, 2 * KC + 3],
    ]) {
      for (const accumulate of [false, true]) {
        for (const fill of [noise(len + k), (i: number) => SPECIAL[(i * 5) % SPECIAL.length]]) {
          const A = filled(w, len * k, fill);
          const x = filled(w, k, noise(k));
          const C = filled(w, len, noise(3));
          const ref = Float64Array.from(C);
          w.gemmABt(A, x, C, len, 1, k, accumulate);
          jsBackend.gemmABt(A, x, ref, len, 1, k, accumulate);
          expectSameBits(C, ref);
          // Aᵀ·B with m = 1: a (k) against B (k × len).
          const D = filled(w, len, noise(4));
          const refD = Float64Array.from(D);
          w.gemmAtB?.(x, A, D, 1, len, k, accumulate);
          gemmAtB(x, A, refD, 1, len, k, accumulate);
          expectSameBits(D, refD);
        }
      }
    }
  });

  it("gemmABt equals the JS kernel bit for bit on random shapes (incl. several k-blocks and edges)", () => {
    const w = createWasmBackend();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 11 }),
        fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: KC - 2, max: 2 * KC + 3 })),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (m, n, k, seed, accumulate) => {
          const A = filled(w, m * k, noise(seed));
          const B = filled(w, n * k, noise(seed + 1));
          const C = filled(w, m * n, noise(seed + 2));
          const ref = Float64Array.from(C);
          w.gemmABt(A, B, C, m, n, k, accumulate);
          jsBackend.gemmABt(A, B, ref, m, n, k, accumulate);
          expectSameBits(C, ref);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gemmAtB equals transposing both operands and the JS gemmABt, bit for bit", () => {
    const w = createWasmBackend();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 13 }),
        fc.integer({ min: 1, max: 11 }),
        fc.oneof(fc.integer({ min: 1, max: 9 }), fc.integer({ min: KC - 2, max: 2 * KC + 3 })),
        fc.integer({ min: 0, max: 1000 }),
        fc.boolean(),
        (m, n, k, seed, accumulate) => {
          const A = filled(w, k * m, noise(seed)); // k × m
          const B = filled(w, k * n, noise(seed + 1)); // k × n
          const C = filled(w, m * n, noise(seed + 2));
          const ref = Float64Array.from(C);
          const AT = new Float64Array(m * k);
          const BT = new Float64Array(n * k);
          jsBackend.transpose(A, k, m, AT);
          jsBackend.transpose(B, k, n, BT);
          w.gemmAtB?.(A, B, C, m, n, k, accumulate);
          jsBackend.gemmABt(AT, BT, ref, m, n, k, accumulate);
          expectSameBits(C, ref);
          const plain = Float64Array.from(ref);
          gemmAtB(A, B, plain, m, n, k, false);
          if (!accumulate) expectSameBits(plain, ref);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gemmABt keeps IEEE special values exactly as the JS kernel does", () => {
    const w = createWasmBackend();
    const [m, n, k] = [9, 7, 13];
    const pick = (seed: number) => (i: number) => SPECIAL[(i * 5 + seed) % SPECIAL.length];
    const A = filled(w, m * k, pick(1));
    const B = filled(w, n * k, pick(2));
    const C = w.alloc(m * n);
    const ref = new Float64Array(m * n);
    w.gemmABt(A, B, C, m, n, k);
    jsBackend.gemmABt(A, B, ref, m, n, k);
    expectSameBits(C, ref);
  });

  it("transpose, bias add and bias gradient equal the JS reference", () => {
    const w = createWasmBackend();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 1, max: 70 }), (rows, cols) => {
        const A = filled(w, rows * cols, noise(rows * 100 + cols));
        const T = w.alloc(rows * cols);
        const ref = new Float64Array(rows * cols);
        w.transpose(A, rows, cols, T);
        jsBackend.transpose(A, rows, cols, ref);
        expectSameBits(T, ref);
        const v = filled(w, cols, (i) => SPECIAL[i % SPECIAL.length]);
        const M = Float64Array.from(A);
        w.addRowVector?.(A, v, rows, cols);
        addRowVector(M, v, rows, cols);
        expectSameBits(A, M);
        const s = filled(w, cols, () => 7); // overwritten
        const sRef = new Float64Array(cols);
        w.sumRows?.(A, rows, cols, s);
        sumRows(M, rows, cols, sRef);
        expectSameBits(s, sRef);
      }),
      { numRuns: 60 },
    );
  });

  it("activations and derivatives equal the JS reference on special values", () => {
    const w = createWasmBackend();
    for (const kind of ["relu", "leaky-relu", "tanh", "linear"] as const) {
      for (const length of [1, 2, 3, SPECIAL.length, 2 * SPECIAL.length + 1]) {
        const z = filled(w, length, (i) => SPECIAL[i % SPECIAL.length]);
        const out = w.alloc(length);
        const ref = new Float64Array(length);
        w.activate?.(kind, z, out, length, 0.1);
        activate(kind, z, ref, length, 0.1);
        expectSameBits(out, ref);
        const g = filled(w, length, (i) => SPECIAL[(i * 3 + 1) % SPECIAL.length]);
        const gRef = Float64Array.from(g);
        w.multiplyByDerivative?.(kind, z, out, g, length, 0.1);
        multiplyByDerivative(kind, z, ref, gRef, length, 0.1);
        expectSameBits(g, gRef);
      }
    }
  });

  it("optimizer updates equal the JS reference", () => {
    const w = createWasmBackend();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(0, 1e-3),
        (length, seed, wd) => {
          const p = filled(w, length, noise(seed));
          const g = filled(w, length, noise(seed + 1));
          const buf = filled(w, length, noise(seed + 2));
          const m = filled(w, length, noise(seed + 3));
          const v = filled(w, length, (i) => Math.abs(noise(seed + 4)(i)));
          const [pr, br, mr, vr] = [p, buf, m, v].map((a) => Float64Array.from(a));
          w.sgdStep?.(p, g, length, 0.05, wd);
          sgdStep(pr, g, length, 0.05, wd);
          expectSameBits(p, pr);
          for (const first of [true, false]) {
            for (const nesterov of [false, true]) {
              w.momentumStep?.(p, g, buf, length, 0.05, wd, 0.9, first, nesterov);
              momentumStep(pr, g, br, length, 0.05, wd, 0.9, first, nesterov);
              expectSameBits(p, pr);
              expectSameBits(buf, br);
            }
          }
          w.adamStep?.(
            p,
            g,
            m,
            v,
            length,
            0.9,
            0.999,
            0.01 / (1 - 0.9 ** 3),
            Math.sqrt(1 - 0.999 ** 3),
            1e-8,
            wd,
          );
          adamStep(
            pr,
            g,
            mr,
            vr,
            length,
            0.9,
            0.999,
            0.01 / (1 - 0.9 ** 3),
            Math.sqrt(1 - 0.999 ** 3),
            1e-8,
            wd,
          );
          expectSameBits(p, pr);
          expectSameBits(m, mr);
          expectSameBits(v, vr);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("shared memory grows without detaching earlier buffers", () => {
    const w = createWasmBackend({ shared: true });
    const a = w.alloc(10);
    a.fill(3);
    const big = w.alloc(3_000_000); // 24 MB: forces growth
    expect(a.length).toBe(10);
    expect(a[9]).toBe(3);
    expect(big.length).toBe(3_000_000);
    expect(w.owns?.(a)).toBe(true);
    expect(w.owns?.(big)).toBe(true);
    expect(w.owns?.(new Float64Array(4))).toBe(false);
  });

  it("unshared memory does not grow: beyond it buffers are plain arrays and kernels fall back (same bits)", () => {
    const w = createWasmBackend({ shared: false, memoryMiB: 1 });
    const A = filled(w, 64 * 64, noise(1));
    const B = filled(w, 64 * 64, noise(2)); // 2 × 32 KiB fit, the next does not
    const outside = filled(w, 200_000, noise(3));
    expect(w.owns?.(A)).toBe(true);
    expect(w.owns?.(outside)).toBe(false);
    const C = new Float64Array(64 * 64);
    const ref = new Float64Array(64 * 64);
    w.gemmABt(A, B, C, 64, 64, 64);
    jsBackend.gemmABt(A, B, ref, 64, 64, 64);
    expectSameBits(C, ref);
  });

  it("names what is wrong when arrays are too short for the shape", () => {
    const w = createWasmBackend();
    expect(() => w.gemmABt(w.alloc(3), w.alloc(4), w.alloc(4), 2, 2, 2)).toThrow(/too short for m=2/);
  });

  it("different backends do not share memory", () => {
    const a = createWasmBackend();
    const b = createWasmBackend();
    expect(a.owns?.(b.alloc(4))).toBe(false);
  });
});
