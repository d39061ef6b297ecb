import { BAND_ROWS, gemmBanded } from "../wasm/banded.js";
import { KC } from "../wasm/kernels.js";
import { CONTROL_SLOTS, type GemmKernel, type HelperHandle, OP, SLOT, type SpawnHelper } from "./helper.js";

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
 * 2-8-1 net's products take less. Measured with bench/threads.mjs (see docs/DESIGN.md, "Threads").
 */
export const MIN_SPLIT_WORK = 1 << 16;
const SPIN = 20_000;

interface Helper {
  handle: HelperHandle;
  /** Index of its control block's first slot in `control`. */
  base: number;
  seq: number;
  pack: Float64Array | null;
}

/**
 * Splits large products across helper threads by bands of C's rows. Each output is still the same
 * left-to-right sum computed by the same kernel, so results do not depend on the number of threads
 * (or on whether helpers are running yet): the bits are those of one thread.
 *
 * Helpers start lazily at the first product big enough to split and are used once they report ready;
 * until then the caller computes alone. `dispose` stops them (later products run on one thread).
 */
export class GemmTeam {
  private readonly helpers: Helper[] = [];
  private control: Int32Array | null = null;
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
    const c = this.control;
    if (!c) return 0;
    let ready = 0;
    for (const h of this.helpers) if (Atomics.load(c, h.base + SLOT.state) === 1) ready++;
    return ready;
  }

  /**
   * C = A·Bᵀ (transA false) or Aᵀ·B, split across ready helpers. Returns false (and computes nothing)
   * when the product is too small, or no helper is ready yet: the caller then runs it alone.
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
    const c = this.control as Int32Array;
    const ready = this.helpers.filter((h) => Atomics.load(c, h.base + SLOT.state) === 1);
    if (ready.length === 0) return false;
    const sa = transA ? m : k;
    // Bands of a multiple of 4 rows (the kernel's tile height), the caller's first.
    const band = Math.ceil(m / (ready.length + 1) / 4) * 4;
    const busy: Helper[] = [];
    for (let i = 0; i < ready.length; i++) {
      const r0 = (i + 1) * band;
      if (r0 >= m) break;
      const h = ready[i] as Helper;
      if (!h.pack || h.pack.length < packLength) h.pack = this.o.alloc(packLength);
      const s = h.base;
      c[s + SLOT.op] = transA ? OP.atb : OP.abt;
      c[s + SLOT.A] = A + 8 * (transA ? r0 : r0 * k);
      c[s + SLOT.B] = B;
      c[s + SLOT.C] = C + 8 * r0 * n;
      c[s + SLOT.m] = Math.min(band, m - r0);
      c[s + SLOT.n] = n;
      c[s + SLOT.k] = k;
      c[s + SLOT.pk] = h.pack.byteOffset;
      c[s + SLOT.sa] = sa;
      h.seq++;
      Atomics.store(c, s + SLOT.seq, h.seq);
      Atomics.notify(c, s + SLOT.seq);
      busy.push(h);
    }
    gemmBanded(kernel, transA, A, B, C, Math.min(band, m), n, k, pk, sa);
    for (const h of busy) this.await(h);
    return true;
  }

  private await(h: Helper): void {
    const c = this.control as Int32Array;
    const at = h.base + SLOT.done;
    let spins = this.spin;
    for (;;) {
      const done = Atomics.load(c, at);
      if (done === h.seq) break;
      if (--spins <= 0) {
        // Browsers' main threads may not block: there we keep polling.
        try {
          Atomics.wait(c, at, done, 1000);
        } catch {
          spins = this.spin;
        }
      }
    }
    if (Atomics.load(c, h.base + SLOT.state) === 2) {
      this.dispose();
      throw new Error("wasm helper thread failed in a product kernel; threads are off for this backend");
    }
  }

  private start(): void {
    this.started = true;
    const count = this.o.threads - 1;
    const block = this.o.alloc((count * CONTROL_SLOTS) / 2); // Float64 elements: 2 Int32 slots each
    this.control = new Int32Array(block.buffer, block.byteOffset, count * CONTROL_SLOTS);
    for (let i = 0; i < count; i++) {
      const base = i * CONTROL_SLOTS;
      const handle = this.o.spawn({
        module: this.o.module,
        memory: this.o.memory,
        control: block.byteOffset + base * 4,
        spin: this.spin,
        slot: SLOT,
        op: OP,
        kc: KC,
        bandRows: BAND_ROWS,
      });
      this.helpers.push({ handle, base, seq: 0, pack: null });
    }
  }

  /** Stops the helpers; products run on the calling thread from now on. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const c = this.control;
    for (const h of this.helpers) {
      if (c) {
        c[h.base + SLOT.op] = OP.exit;
        Atomics.store(c, h.base + SLOT.seq, h.seq + 1);
        Atomics.notify(c, h.base + SLOT.seq);
      }
      h.handle.terminate();
    }
    this.helpers.length = 0;
  }
}
