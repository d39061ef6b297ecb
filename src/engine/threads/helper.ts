/**
 * A helper thread of the WASM backend: it instantiates the same kernel module over the same shared
 * memory and computes parts of the current product. Main thread and helpers talk through Int32 slots in
 * that memory: one job block (the product's arguments, a job counter, a claim counter and a finished
 * counter) and one small block per helper (its state and pack buffer). Parts are claimed with
 * Atomics.add, by the caller too, so a helper that is slow to wake (or descheduled on a busy machine)
 * costs at most the part it holds: the caller takes the rest. Waiting is spin-then-Atomics.wait: a
 * futex wake-up alone costs ~70 µs on a VM, a spinning helper picks a job up in under 1 µs
 * (shared/research/perf-feasibility.md §1).
 */

/** Slots of the job block (Int32). */
export const JOB = {
  /** Job counter, stored (after everything else) to post a job. */
  seq: 0,
  op: 1,
  A: 2,
  B: 3,
  C: 4,
  m: 5,
  n: 6,
  k: 7,
  sa: 8,
  /** Rows per part (a multiple of 4), and the number of parts. */
  band: 9,
  parts: 10,
  /** Parts claimed so far (Atomics.add), and parts finished. */
  next: 11,
  finished: 12,
} as const;

/** Slots of a helper's block: 1 once ready, 2 after a kernel threw (it stops); its pack buffer. */
export const HELPER = { state: 0, pk: 1 } as const;

/** 64 bytes per block: the job's slots and each helper's on their own cache lines. */
export const BLOCK_SLOTS = 16;

/** Jobs: stop the helpers, C = A·Bᵀ, C = Aᵀ·B (the kernels' gemm_abt and gemm_atb). */
export const OP = { exit: 0, abt: 1, atb: 2 } as const;

/** What a helper thread receives (structured-cloneable: the Module and the shared Memory are shared). */
export interface HelperInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  /** Byte offsets in `memory` of the job block and of this helper's block. */
  job: number;
  own: number;
  /** Polls of the job counter before sleeping in Atomics.wait. */
  spin: number;
  slots: { job: typeof JOB; helper: typeof HELPER; op: typeof OP };
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
  const J = init.slots.job;
  const H = init.slots.helper;
  const O = init.slots.op;
  const job = new Int32Array(init.memory.buffer, init.job, 16);
  const own = new Int32Array(init.memory.buffer, init.own, 16);
  const exports = new WebAssembly.Instance(init.module, { env: { memory: init.memory } }).exports;
  const abt = exports.gemm_abt as GemmKernel;
  const atb = exports.gemm_atb as GemmKernel;
  Atomics.store(own, H.state, 1);
  let seen = Atomics.load(job, J.seq);
  for (;;) {
    let spins = init.spin;
    while (Atomics.load(job, J.seq) === seen) if (--spins <= 0) Atomics.wait(job, J.seq, seen);
    seen = Atomics.load(job, J.seq);
    if (job[J.op] === O.exit) return;
    for (;;) {
      // Claim first, then read the arguments: they belong to the job the claim counted in.
      const p = Atomics.add(job, J.next, 1);
      const parts = Atomics.load(job, J.parts);
      if (p >= parts) break;
      const [op, A, B, C, m, n, k, sa, band] = [J.op, J.A, J.B, J.C, J.m, J.n, J.k, J.sa, J.band].map(
        (s) => job[s],
      );
      const f = op === O.abt ? abt : atb;
      const r0 = p * band;
      const rows = Math.min(band, m - r0);
      try {
        // As gemmBanded (wasm/banded.ts), inlined because this function must stay self-contained.
        const step = k <= init.kc ? rows : init.bandRows;
        for (let r = r0; r < r0 + rows; r += step)
          f(
            A + 8 * (op === O.atb ? r : r * sa),
            B,
            C + 8 * r * n,
            Math.min(step, r0 + rows - r),
            n,
            k,
            own[H.pk],
            sa,
          );
      } catch {
        Atomics.store(own, H.state, 2);
      }
      if (Atomics.add(job, J.finished, 1) + 1 === parts) Atomics.notify(job, J.finished);
      if (Atomics.load(own, H.state) === 2) return;
    }
  }
}

/** A started helper thread, as the environment's spawner returns it. */
export interface HelperHandle {
  terminate(): void;
}

/** Starts a thread running `helperMain(init)` (Node: worker_threads; browsers: a Web Worker). */
export type SpawnHelper = (init: HelperInit) => HelperHandle;
