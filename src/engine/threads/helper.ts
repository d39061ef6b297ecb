/**
 * A helper thread of the WASM backend: it instantiates the same kernel module over the same shared
 * memory and computes bands of C's rows on request. Main thread and helper talk through a control block
 * of Int32 slots in that memory (spin, then Atomics.wait: a futex wake-up alone costs ~70 µs on a VM,
 * a spinning helper picks a job up in under 1 µs; shared/research/perf-feasibility.md §1).
 */

/** Slot indices in a helper's control block (Int32, one block of CONTROL_SLOTS per helper). */
export const SLOT = {
  /** Job counter, written by the main thread after the arguments. */
  seq: 0,
  /** The last job finished, written by the helper. */
  done: 1,
  /** 1 once the helper's instance is ready; 2 when a job threw (the helper has stopped). */
  state: 2,
  op: 3,
  A: 4,
  B: 5,
  C: 6,
  m: 7,
  n: 8,
  k: 9,
  pk: 10,
  sa: 11,
} as const;

/** 64 bytes per block: each helper's slots on their own cache line. */
export const CONTROL_SLOTS = 16;

/** Jobs: stop the helper, C = A·Bᵀ, C = Aᵀ·B (the kernels' gemm_abt and gemm_atb). */
export const OP = { exit: 0, abt: 1, atb: 2 } as const;

/** What a helper thread receives (structured-cloneable: the Module and the shared Memory are shared). */
export interface HelperInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  /** Byte offset of this helper's control block in `memory`. */
  control: number;
  /** Polls of the job counter before sleeping in Atomics.wait. */
  spin: number;
  slot: typeof SLOT;
  op: typeof OP;
  /** The kernels' k-block depth and the band height of `gemmBanded` (wasm/banded.ts). */
  kc: number;
  bandRows: number;
}

/** A product kernel as the wasm instance exports it: gemm_abt / gemm_atb (byte addresses, element counts). */
export type GemmKernel = (
  A: number,
  B: number,
  C: number,
  m: number,
  n: number,
  k: number,
  pk: number,
  sa: number,
) => void;

/**
 * The helper's whole program. It must stay self-contained (no imports, no outer variables): it is sent
 * to the thread as source text (`String(helperMain)`), so Node and browsers need no separate worker file.
 */
export function helperMain(init: HelperInit): void {
  const S = init.slot;
  const c = new Int32Array(init.memory.buffer, init.control, 16);
  const exports = new WebAssembly.Instance(init.module, { env: { memory: init.memory } }).exports;
  const abt = exports.gemm_abt as GemmKernel;
  const atb = exports.gemm_atb as GemmKernel;
  Atomics.store(c, S.state, 1);
  let seen = 0;
  for (;;) {
    let spins = init.spin;
    while (Atomics.load(c, S.seq) === seen) if (--spins <= 0) Atomics.wait(c, S.seq, seen);
    seen = Atomics.load(c, S.seq);
    const op = c[S.op];
    if (op === init.op.exit) return;
    try {
      // As gemmBanded (wasm/banded.ts), inlined because this function must stay self-contained.
      const f = op === init.op.abt ? abt : atb;
      const [A, B, C, m, n, k, pk, sa] = [c[S.A], c[S.B], c[S.C], c[S.m], c[S.n], c[S.k], c[S.pk], c[S.sa]];
      const band = k <= init.kc ? m : init.bandRows;
      for (let r = 0; r < m; r += band)
        f(A + 8 * (op === init.op.atb ? r : r * sa), B, C + 8 * r * n, Math.min(band, m - r), n, k, pk, sa);
    } catch {
      Atomics.store(c, S.state, 2);
    }
    Atomics.store(c, S.done, seen);
    Atomics.notify(c, S.done);
    if (Atomics.load(c, S.state) === 2) return;
  }
}

/** A started helper thread, as the environment's spawner returns it. */
export interface HelperHandle {
  terminate(): void;
}

/** Starts a thread running `helperMain(init)` (Node: worker_threads; browsers: a Web Worker). */
export type SpawnHelper = (init: HelperInit) => HelperHandle;
