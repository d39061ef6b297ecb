import {
  type ActivationKind,
  activate as activateJs,
  multiplyByDerivative as derivativeJs,
} from "./activation.js";
import type { Backend } from "./backend.js";
import { gemmABtJs, transposeJs } from "./backend-js.js";
import * as js from "./kernels-js.js";
import { defaultThreadCount, threadSpawner } from "./threads/config.js";
import { GemmTeam } from "./threads/team.js";
import { gemmBanded } from "./wasm/banded.js";
import { KC, kernelModule } from "./wasm/kernels.js";

/**
 * WebAssembly SIMD backend (f64x2), bit-identical to the plain-JS reference backend.
 *
 * The products (A·Bᵀ, and Aᵀ·B for weight gradients without transposes) are a 4 × 4 register tile, broadcast A × packed B (shared/research/perf-feasibility.md,
 * about 4× the JS kernel): SIMD lanes run across output columns, so every output is still a
 * left-to-right sum over k. Bias add, bias gradient, ReLU/leaky-ReLU and their derivatives, the tanh
 * derivative, transposes and the optimizer updates run in wasm too; tanh itself and the loss stay in JS
 * (their Math.tanh/exp/log1p have no bit-identical wasm counterpart).
 *
 * Memory: each backend has its own WebAssembly memory, and `alloc` hands out views into it (a bump
 * allocator; nothing is freed until the backend and all its views are garbage, so make one backend per
 * run, as the trainer does). Shared memory (SharedArrayBuffer: Node, cross-origin-isolated pages) grows
 * without detaching earlier views. Unshared memory cannot grow without detaching every view, so it has a
 * fixed size; allocations beyond it are ordinary Float64Arrays. Any kernel called on an array outside
 * the memory runs the JS reference instead, so results never depend on where a buffer lives, only speed.
 *
 * The module is assembled at load time from `wasm/kernels.ts` (a few KB, well under a millisecond),
 * so the repository holds no generated binary. Works in Node and browsers (in a browser's main thread,
 * synchronous compilation of modules over 4 KB may be refused: use it in a Worker).
 */
export interface WasmBackendOptions {
  /**
   * Use shared (SharedArrayBuffer-backed) memory, which can grow without detaching views. Default: when
   * SharedArrayBuffer exists (Node; browsers only on cross-origin-isolated pages).
   */
  shared?: boolean;
  /**
   * Shared memory: the most it may grow to, in MiB (default 4096, the wasm32 limit).
   * Unshared memory: its fixed size in MiB (default 256); allocations beyond it fall back to the JS heap.
   */
  memoryMiB?: number;
  /**
   * Threads for the large products (rows of C split across helper threads over the shared memory; the
   * bits do not change). Default: the process default (`configureThreads`; 1 until an entry point sets
   * it). Needs shared memory and a configured spawner, else 1.
   */
  threads?: number;
}

// Stops a backend's helper threads when the backend is garbage without having been disposed.
const teams = new FinalizationRegistry<GemmTeam>((team) => team.dispose());

interface Kernels {
  gemm_abt(A: number, B: number, C: number, m: number, n: number, k: number, pk: number, sa: number): void;
  gemm_atb(A: number, B: number, C: number, m: number, n: number, k: number, pk: number, sa: number): void;
  gemv(A: number, x: number, C: number, m: number, k: number, sa: number): void;
  gevm(a: number, B: number, C: number, n: number, k: number): void;
  transpose(A: number, rows: number, cols: number, out: number): void;
  add_row(M: number, v: number, rows: number, cols: number): void;
  sum_rows(M: number, rows: number, cols: number, out: number): void;
  relu(z: number, out: number, len: number): void;
  leaky_relu(z: number, out: number, slope: number, len: number): void;
  relu_grad(z: number, g: number, len: number): void;
  leaky_relu_grad(z: number, g: number, slope: number, len: number): void;
  tanh_grad(h: number, g: number, len: number): void;
  add_into(dst: number, src: number, len: number): void;
  sgd(p: number, g: number, lr: number, wd: number, len: number): void;
  momentum(p: number, g: number, buf: number, lr: number, wd: number, mu: number, len: number): void;
  momentum_nesterov(p: number, g: number, buf: number, lr: number, wd: number, mu: number, len: number): void;
  momentum_first(p: number, g: number, buf: number, lr: number, wd: number, mu: number, len: number): void;
  momentum_first_nesterov(
    p: number,
    g: number,
    buf: number,
    lr: number,
    wd: number,
    mu: number,
    len: number,
  ): void;
  adam(
    p: number,
    g: number,
    m: number,
    v: number,
    b1: number,
    omb1: number,
    b2: number,
    omb2: number,
    step: number,
    bc2: number,
    eps: number,
    wd: number,
    len: number,
  ): void;
}

const PAGE = 65536;
const MAX_PAGES = 65536;
const modules = new Map<string, WebAssembly.Module>();

function compiled(shared: boolean, maxPages: number): WebAssembly.Module {
  const key = `${shared}:${maxPages}`;
  let mod = modules.get(key);
  if (!mod) {
    mod = new WebAssembly.Module(kernelModule({ shared, maxPages }) as BufferSource);
    modules.set(key, mod);
  }
  return mod;
}

/** The least shared memory worth reserving when the address space is short: 16 MiB. */
const MIN_SHARED_PAGES = 256;

/**
 * A shared memory that may grow to `pages`, or, when the address space cannot hold that reservation
 * (`ulimit -v`: V8 reserves a shared memory's maximum up front), to the largest half, quarter, … of it
 * that fits, down to 16 MiB. Most runs need far less than the 4 GiB default, so they keep the wasm
 * backend instead of failing; a run that needs more than was reserved says so when it allocates.
 */
function reserveShared(pages: number): { memory: WebAssembly.Memory; pages: number } {
  for (let p = pages; ; p = Math.floor(p / 2)) {
    try {
      return {
        memory: new WebAssembly.Memory({ initial: Math.min(16, p), maximum: p, shared: true }),
        pages: p,
      };
    } catch (e) {
      if (!(e instanceof RangeError) || p / 2 < MIN_SHARED_PAGES) throw e;
    }
  }
}

/** The error for a run that needs more memory than the backend holds, saying which limit it hit. */
function memoryExceeded(neededMiB: number, reservedMiB: number, askedMiB: number): string {
  if (neededMiB > MAX_PAGES / 16)
    return `wasm backend: this run needs ${neededMiB} MiB, more than the 4096 MiB a wasm32 memory can hold; use --backend js`;
  if (reservedMiB < askedMiB)
    return `wasm backend: this run needs ${neededMiB} MiB but only ${reservedMiB} MiB of address space could be reserved (of ${askedMiB} MiB asked: \`ulimit -v\` is low); raise the limit or use --backend js`;
  return `wasm backend: this run needs ${neededMiB} MiB, more than the ${askedMiB} MiB this backend was made with (memoryMiB); make it with a larger memoryMiB or use the js backend`;
}

let support: boolean | undefined;

/** Whether this JavaScript engine runs the WASM SIMD backend (WebAssembly with fixed-width SIMD). */
export function wasmSupported(): boolean {
  if (support === undefined) {
    try {
      support =
        typeof WebAssembly === "object" &&
        WebAssembly.validate(kernelModule({ shared: false, maxPages: 1 }) as BufferSource);
    } catch {
      support = false;
    }
  }
  return support;
}

/** The WASM backend: a Backend that can say how many of its helper threads are running. */
export interface WasmBackend extends Backend {
  readonly threads: number;
  /** Helper threads ready to take products (0 before the first large product starts them). */
  helpersReady(): number;
}

/** A new WASM SIMD backend with its own memory (see WasmBackendOptions). Throws when unsupported. */
export function createWasmBackend(options: WasmBackendOptions = {}): WasmBackend {
  if (!wasmSupported())
    throw new Error("the wasm backend needs WebAssembly with SIMD (Node ≥ 16.4, current browsers); use js");
  const shared = options.shared ?? typeof SharedArrayBuffer === "function";
  const mib = options.memoryMiB ?? (shared ? 4096 : 256);
  if (!(mib > 0)) throw new Error(`wasm backend: memoryMiB must be positive, got ${mib}`);
  const wanted = Math.min(MAX_PAGES, Math.ceil((mib * 1024 * 1024) / PAGE));
  const { memory, pages } = shared
    ? reserveShared(wanted)
    : { memory: new WebAssembly.Memory({ initial: wanted, maximum: wanted }), pages: wanted };
  const module = compiled(shared, pages);
  const k = new WebAssembly.Instance(module, { env: { memory } }).exports as unknown as Kernels;

  // Every ArrayBuffer object this memory has had (shared memory gets a new one per growth; old views stay valid).
  const buffers: ArrayBufferLike[] = [memory.buffer];
  let top = 16;

  function owned(b: ArrayBufferLike): boolean {
    for (let i = buffers.length - 1; i >= 0; i--) if (buffers[i] === b) return true;
    return false;
  }

  function owns(a: Float64Array): boolean {
    return owned(a.buffer);
  }

  function alloc(length: number): Float64Array {
    const bytes = Math.ceil((length * 8) / 16) * 16;
    const size = memory.buffer.byteLength;
    if (top + bytes > size) {
      if (!shared) return new Float64Array(length);
      const current = size / PAGE;
      const need = Math.ceil((top + bytes - size) / PAGE);
      if (current + need > pages) {
        throw new Error(memoryExceeded(Math.ceil((top + bytes) / 2 ** 20), (pages * PAGE) / 2 ** 20, mib));
      }
      memory.grow(Math.min(pages - current, Math.max(need, current)));
      buffers.push(memory.buffer);
    }
    // V8 may hand out a new buffer object for a shared memory at any access after some shared memory
    // grew (not only this one): record every buffer object a view is made on, or `owns` would miss
    // views and send kernels to the JS fallback (same bits, 20× slower: seen with two backends).
    const buffer = memory.buffer;
    if (!owned(buffer)) buffers.push(buffer);
    const view = new Float64Array(buffer, top, length);
    top += bytes;
    return view;
  }

  const spawn = threadSpawner();
  const threads = shared && spawn ? (options.threads ?? defaultThreadCount()) : 1;
  if (!Number.isInteger(threads) || threads < 1)
    throw new Error(`wasm backend: threads must be a positive integer, got ${threads}`);
  const team = threads > 1 && spawn ? new GemmTeam({ module, memory, alloc, spawn, threads }) : null;

  // Scratch space for packed B blocks and accumulate temporaries, reallocated only when it must grow.
  let pack: Float64Array | null = null;
  let temp: Float64Array | null = null;
  function scratch(current: Float64Array | null, length: number): Float64Array {
    return current && current.length >= length ? current : alloc(length);
  }

  /** C = A·Bᵀ (transA false) or Aᵀ·B (transA true), in wasm when every operand is in this memory. */
  function gemm(
    transA: boolean,
    A: Float64Array,
    B: Float64Array,
    C: Float64Array,
    m: number,
    n: number,
    kk: number,
    accumulate = false,
  ): void {
    if (A.length < m * kk || B.length < n * kk || C.length < m * n) {
      throw new Error(`${transA ? "gemmAtB" : "gemmABt"}: arrays too short for m=${m}, n=${n}, k=${kk}`);
    }
    if (m === 0 || n === 0) return;
    if (kk === 0) {
      if (!accumulate) C.fill(0, 0, m * n);
      return;
    }
    const packLength = KC * Math.ceil(n / 4) * 4;
    pack = scratch(pack, packLength);
    if (accumulate) temp = scratch(temp, m * n);
    if (!(owns(A) && owns(B) && owns(C) && owns(pack) && (!accumulate || owns(temp as Float64Array)))) {
      if (transA) js.gemmAtB(A, B, C, m, n, kk, accumulate);
      else gemmABtJs(A, B, C, m, n, kk, accumulate);
      return;
    }
    const out = accumulate ? (temp as Float64Array).byteOffset : C.byteOffset;
    // Matrix-vector shapes (output layers; tiny nets spend most of their product time here).
    if (!transA && n === 1) k.gemv(A.byteOffset, B.byteOffset, out, m, kk, kk);
    else if (transA && m === 1) k.gevm(A.byteOffset, B.byteOffset, out, n, kk);
    else {
      const f = transA ? k.gemm_atb : k.gemm_abt;
      const split = team?.gemm(
        f,
        transA,
        A.byteOffset,
        B.byteOffset,
        out,
        m,
        n,
        kk,
        pack.byteOffset,
        packLength,
      );
      if (!split)
        gemmBanded(f, transA, A.byteOffset, B.byteOffset, out, m, n, kk, pack.byteOffset, transA ? m : kk);
    }
    if (accumulate) k.add_into(C.byteOffset, out, m * n);
  }

  const backend: WasmBackend = {
    name: "wasm",
    threads,
    helpersReady: () => team?.readyHelpers() ?? 0,
    dispose: () => team?.dispose(),
    alloc,
    owns,
    gemmABt: (A, B, C, m, n, kk, accumulate) => gemm(false, A, B, C, m, n, kk, accumulate),
    gemmAtB: (A, B, C, m, n, kk, accumulate) => gemm(true, A, B, C, m, n, kk, accumulate),
    transpose(A, rows, cols, out) {
      if (A.length < rows * cols || out.length < rows * cols) throw new Error("transpose: arrays too short");
      if (owns(A) && owns(out)) k.transpose(A.byteOffset, rows, cols, out.byteOffset);
      else transposeJs(A, rows, cols, out);
    },
    addRowVector(M, v, rows, cols) {
      if (M.length < rows * cols || v.length < cols) throw new Error("addRowVector: arrays too short");
      if (owns(M) && owns(v)) k.add_row(M.byteOffset, v.byteOffset, rows, cols);
      else js.addRowVector(M, v, rows, cols);
    },
    sumRows(M, rows, cols, out) {
      if (M.length < rows * cols || out.length < cols) throw new Error("sumRows: arrays too short");
      if (owns(M) && owns(out)) k.sum_rows(M.byteOffset, rows, cols, out.byteOffset);
      else js.sumRows(M, rows, cols, out);
    },
    activate(kind: ActivationKind, z, out, length, slope) {
      if (z.length < length || out.length < length) throw new Error("activate: arrays too short");
      if ((kind === "relu" || kind === "leaky-relu") && owns(z) && owns(out)) {
        if (kind === "relu") k.relu(z.byteOffset, out.byteOffset, length);
        else k.leaky_relu(z.byteOffset, out.byteOffset, slope, length);
      } else activateJs(kind, z, out, length, slope);
    },
    multiplyByDerivative(kind: ActivationKind, z, h, grad, length, slope) {
      if (kind === "linear") return;
      if (z.length < length || h.length < length || grad.length < length)
        throw new Error("multiplyByDerivative: arrays too short");
      if (kind === "relu" && owns(z) && owns(grad)) k.relu_grad(z.byteOffset, grad.byteOffset, length);
      else if (kind === "leaky-relu" && owns(z) && owns(grad))
        k.leaky_relu_grad(z.byteOffset, grad.byteOffset, slope, length);
      else if (kind === "tanh" && owns(h) && owns(grad)) k.tanh_grad(h.byteOffset, grad.byteOffset, length);
      else derivativeJs(kind, z, h, grad, length, slope);
    },
    sgdStep(params, grad, length, lr, wd) {
      if (params.length < length || grad.length < length) throw new Error("sgdStep: arrays too short");
      if (owns(params) && owns(grad)) k.sgd(params.byteOffset, grad.byteOffset, lr, wd, length);
      else js.sgdStep(params, grad, length, lr, wd);
    },
    momentumStep(params, grad, buf, length, lr, wd, mu, first, nesterov) {
      if (params.length < length || grad.length < length || buf.length < length)
        throw new Error("momentumStep: arrays too short");
      if (owns(params) && owns(grad) && owns(buf)) {
        const f = first
          ? nesterov
            ? k.momentum_first_nesterov
            : k.momentum_first
          : nesterov
            ? k.momentum_nesterov
            : k.momentum;
        f(params.byteOffset, grad.byteOffset, buf.byteOffset, lr, wd, mu, length);
      } else js.momentumStep(params, grad, buf, length, lr, wd, mu, first, nesterov);
    },
    adamStep(params, grad, m, v, length, beta1, beta2, stepSize, bc2Sqrt, eps, wd) {
      if (params.length < length || grad.length < length || m.length < length || v.length < length)
        throw new Error("adamStep: arrays too short");
      if (owns(params) && owns(grad) && owns(m) && owns(v)) {
        k.adam(
          params.byteOffset,
          grad.byteOffset,
          m.byteOffset,
          v.byteOffset,
          beta1,
          1 - beta1,
          beta2,
          1 - beta2,
          stepSize,
          bc2Sqrt,
          eps,
          wd,
          length,
        );
      } else js.adamStep(params, grad, m, v, length, beta1, beta2, stepSize, bc2Sqrt, eps, wd);
    },
  };
  if (team) teams.register(backend, team);
  return backend;
}
