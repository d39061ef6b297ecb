import type { Backend } from "./backend.js";
import { createWasmBackend, type WasmBackendOptions } from "./backend-wasm.js";
import { defaultThreadCount } from "./threads/config.js";

/**
 * The native backend: the WASM backend with its two matrix products (A·Bᵀ and Aᵀ·B, nearly all of a
 * training step's flops) replaced by the optional Node-API addon in native/ (AVX-512, AVX2+FMA or SSE2
 * kernels chosen at run time by CPU features, rows split over a small thread pool for large products).
 * Everything else (buffers in shared wasm memory, element-wise kernels, optimizer updates) is the wasm
 * backend's, and so are the products the wasm kernels do faster (tiny and matrix-vector ones).
 *
 * Not bit-identical: the AVX kernels use fused multiply-adds, so each product differs from the exact
 * reference by rounding (about 1e-16 relative per output). Splitting rows over threads changes nothing:
 * every output is still one left-to-right sum over k. Nothing here imports Node modules, so this file
 * is safe in a browser bundle; the addon is loaded by `src/node/native-addon.ts` (Node only).
 */
type Product = Backend["gemmABt"];

export interface NativeAddon {
  /** As Backend.gemmABt and Backend.gemmAtB (any Float64Arrays, shared memory included). */
  gemmABt: Product;
  gemmAtB: Product;
  /** The instruction set of the kernel in use: "avx512", "avx2" or "sse2". */
  isa(): string;
  /** The kernels this CPU runs, best first. */
  isas(): string[];
  /** Uses another kernel (one of isas()); throws a RangeError when the CPU lacks it. */
  setIsa(name: string): void;
  /** Threads for large products (the caller's thread plus n - 1 helpers), for this thread's addon. */
  setThreads(n: number): void;
  threads(): number;
}

export interface NativeBackend extends Backend {
  readonly name: "native";
  /** The addon's thread count (shared by every native backend on this JS thread). */
  readonly threads: number;
  /** The addon behind the products (its kernel: `addon.isa()`). */
  readonly addon: NativeAddon;
}

/**
 * Products the wasm kernels do faster: tiny ones (the addon call and its 12×16 tiles cost more than the
 * work below ~8k multiply-adds) and matrix-vector ones (an output layer). Measured per call: 200×8×2
 * wasm 0.8 µs vs addon 1.0–1.6 µs; 200×1×8 0.9 vs 1.8 µs; 64×64×16 already 11.5 vs 4.1 µs for the addon.
 */
const NATIVE_MIN_WORK = 8192;

/** The `wasm` product for tiny and matrix-vector shapes (`vector`: the dimension that is 1 then), else the addon's. */
function routed(wasm: Product, addon: Product, vector: "m" | "n"): Product {
  return (A, B, C, m, n, k, accumulate = false) =>
    (vector === "m" ? m : n) === 1 || m * n * k < NATIVE_MIN_WORK
      ? wasm(A, B, C, m, n, k, accumulate)
      : addon(A, B, C, m, n, k, accumulate);
}

/**
 * A new native backend over `addon`, with its own wasm memory (memory options as for the wasm backend).
 * `threads` (default: the process default of threads/config.ts, as for wasm backends) sets the addon's
 * pool, which every native backend on this JS thread shares; the bits do not depend on it.
 */
export function createNativeBackend(addon: NativeAddon, options: WasmBackendOptions = {}): NativeBackend {
  addon.setThreads(options.threads ?? defaultThreadCount());
  // The wasm backend's own products are never called, so it needs no helper threads.
  const wasm = createWasmBackend({ ...options, threads: 1 });
  // The wasm backend as prototype, so its other kernels (and any state they keep) are used unchanged.
  return Object.create(wasm, {
    name: { value: "native", enumerable: true },
    addon: { value: addon, enumerable: true },
    threads: { get: () => addon.threads(), enumerable: true },
    gemmABt: { value: routed(wasm.gemmABt, addon.gemmABt.bind(addon), "n"), enumerable: true },
    gemmAtB: { value: routed(wasm.gemmAtB as Product, addon.gemmAtB.bind(addon), "m"), enumerable: true },
  }) as NativeBackend;
}
