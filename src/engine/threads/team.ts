import { BAND_ROWS, gemmBanded } from "../wasm/banded.js";
import { KC } from "../wasm/kernels.js";
import {
  BLOCK_SLOTS,
  type GemmKernel,
  HELPER,
  type HelperHandle,
  JOB,
  OP,
  type SpawnHelper,
} from "./helper.js";

export interface TeamOptions {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  /** Allocates in `memory` (the backend's bump allocator): control blocks and helpers' pack buffers. */
  alloc: (length: number) => Float64Array;
  spawn: SpawnHelper;
  /** Threads in all, counting the caller's (≥ 2). */
  threads: number;
  /** Smallest product (m·n·k multiply-adds) worth splitting. */
  minWork?: number;
  /** Polls before a thread sleeps in Atomics.wait. */
  spin?: number;
}

/**
 * Below this many multiply-adds a product stays on one thread: a split costs a few µs of hand-off, a
 * 2-8-1 net's products take less.
 */
export const MIN_SPLIT_WORK = 1 << 16;
/** ~0.75 ms of polling: long enough to span the element-wise work between two products of a step. */
const SPIN = 100_000;
/** Parts per thread: a late or descheduled helper holds up at most one small part. */
const PARTS_PER_THREAD = 2;

interface Helper {
  handle: HelperHandle;
  /** Index of its block's first slot in `slots`. */
  base: number;
  packLength: number;
}

/**
 * Splits large products across helper threads by parts (bands of C's rows) that every thread, the
 * caller included, claims until none are left. Each output is still the same left-to-right sum computed
 * by the same kernel, so results do not depend on the number of threads, on who computed which part, or
 * on whether helpers are running yet: the bits are those of one thread.
 *
 * Helpers start lazily at the first product big enough to split; until one reports ready the caller
 * computes alone. `dispose` stops them (later products run on one thread).
 */
export class GemmTeam {
  private readonly helpers: Helper[] = [];
  private slots: Int32Array | null = null;
  private seq = 0;
  private started = false;
  private disposed = false;
  private readonly minWork: number;
  private readonly spin: number;

  constructor(private readonly o: TeamOptions) {
    if (!(o.threads >= 2)) throw new Error(`a GemmTeam needs at least 2 threads, got ${o.threads}`);
    this.minWork = o.minWork ?? MIN_SPLIT_WORK;
    this.spin = o.spin ?? SPIN;
  }

  /** Helpers that have their instance ready. */
  readyHelpers(): number {
    const c = this.slots;
    if (!c || this.disposed) return 0;
    let ready = 0;
    for (const h of this.helpers) if (Atomics.load(c, h.base + HELPER.state) === 1) ready++;
    return ready;
  }

  /**
   * C = A·Bᵀ (transA false) or Aᵀ·B, in parts shared with the helpers. Returns false (and computes
   * nothing) when the product is too small or no helper is ready yet: the caller then runs it alone.
   * Pointers are byte addresses; `pk` is the caller's pack buffer; `packLength` what one needs.
   */
  gemm(
    kernel: GemmKernel,
    transA: boolean,
    A: number,
    B: number,
    C: number,
    m: number,
    n: number,
    k: number,
    pk: number,
    packLength: number,
  ): boolean {
    if (this.disposed || m < 8 || m * n * k < this.minWork) return false;
    if (!this.started) {
      this.start();
      return false;
    }
    if (this.readyHelpers() === 0) return false;
    const c = this.slots as Int32Array;
    for (const h of this.helpers) {
      if (h.packLength < packLength) {
        c[h.base + HELPER.pk] = this.o.alloc(packLength).byteOffset;
        h.packLength = packLength;
      }
    }
    const sa = transA ? m : k;
    const band = Math.ceil(m / (PARTS_PER_THREAD * this.o.threads) / 4) * 4;
    const parts = Math.ceil(m / band);
    c[JOB.op] = transA ? OP.atb : OP.abt;
    c[JOB.A] = A;
    c[JOB.B] = B;
    c[JOB.C] = C;
    c[JOB.m] = m;
    c[JOB.n] = n;
    c[JOB.k] = k;
    c[JOB.sa] = sa;
    c[JOB.band] = band;
    Atomics.store(c, JOB.parts, parts);
    Atomics.store(c, JOB.finished, 0);
    Atomics.store(c, JOB.next, 0);
    Atomics.store(c, JOB.seq, ++this.seq);
    Atomics.notify(c, JOB.seq);
    for (;;) {
      const p = Atomics.add(c, JOB.next, 1);
      if (p >= parts) break;
      const r0 = p * band;
      const A0 = A + 8 * (transA ? r0 : r0 * k);
      gemmBanded(kernel, transA, A0, B, C + 8 * r0 * n, Math.min(band, m - r0), n, k, pk, sa);
      Atomics.add(c, JOB.finished, 1);
    }
    this.awaitParts(parts);
    return true;
  }

  private awaitParts(parts: number): void {
    const c = this.slots as Int32Array;
    let spins = this.spin;
    for (;;) {
      const finished = Atomics.load(c, JOB.finished);
      if (finished === parts) break;
      if (--spins <= 0) {
        // Browsers' main threads may not block: there we keep polling.
        try {
          Atomics.wait(c, JOB.finished, finished, 1000);
        } catch {
          spins = this.spin;
        }
      }
    }
    for (const h of this.helpers) {
      if (Atomics.load(c, h.base + HELPER.state) === 2) {
        this.dispose();
        throw new Error("wasm helper thread failed in a product kernel; threads are off for this backend");
      }
    }
  }

  private start(): void {
    this.started = true;
    const count = this.o.threads - 1;
    const block = this.o.alloc(((count + 1) * BLOCK_SLOTS) / 2); // Float64 elements: 2 Int32 slots each
    this.slots = new Int32Array(block.buffer, block.byteOffset, (count + 1) * BLOCK_SLOTS);
    const slots = { job: JOB, helper: HELPER, op: OP };
    for (let i = 0; i < count; i++) {
      const base = (i + 1) * BLOCK_SLOTS;
      const handle = this.o.spawn({
        module: this.o.module,
        memory: this.o.memory,
        job: block.byteOffset,
        own: block.byteOffset + base * 4,
        spin: this.spin,
        slots,
        kc: KC,
        bandRows: BAND_ROWS,
      });
      this.helpers.push({ handle, base, packLength: 0 });
    }
  }

  /** Stops the helpers; products run on the calling thread from now on. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const c = this.slots;
    if (c) {
      c[JOB.op] = OP.exit;
      Atomics.store(c, JOB.parts, 0);
      Atomics.store(c, JOB.seq, ++this.seq);
      Atomics.notify(c, JOB.seq);
    }
    for (const h of this.helpers) h.handle.terminate();
    this.helpers.length = 0;
  }
}
