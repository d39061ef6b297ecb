import { spawnSync } from "node:child_process";
import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { createNativeBackend, type NativeAddon } from "../../src/engine/backend-native.js";
import { createWasmBackend } from "../../src/engine/backend-wasm.js";
import { nativeAddon } from "../../src/engine/backends.js";
import { NATIVE_ADDON_PATH } from "../../src/node/native-addon.js";
import { nativeAvailable, nativeReason, nativeRequired, skipNative } from "./native-helpers.js";

/**
 * The native addon's products against a naive JS triple loop (each output a left-to-right sum over k,
 * added to C at the end with `accumulate`). Tolerance: every output within 1e-13 × (Σ_p |a·b| + |C|),
 * a bound on the rounding of either order with or without fused multiply-adds (k ≤ 600 here). The SSE2
 * kernel (no FMA, same order) must give the reference bits exactly.
 */

function naive(
  transA: boolean,
  A: Float64Array,
  B: Float64Array,
  C: Float64Array,
  m: number,
  n: number,
  k: number,
  accumulate: boolean,
): Float64Array {
  const scale = new Float64Array(m * n);
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      let s = 0;
      let a = 0;
      for (let p = 0; p < k; p++) {
        const x = transA ? A[p * m + i] : A[i * k + p];
        const y = transA ? B[p * n + j] : B[j * k + p];
        s += x * y;
        a += Math.abs(x * y);
      }
      scale[i * n + j] = a + (accumulate ? Math.abs(C[i * n + j]) : 0);
      C[i * n + j] = accumulate ? C[i * n + j] + s : s;
    }
  return scale;
}

/** Deterministic values with varied signs and exponents. */
function noise(length: number, seed: number): Float64Array {
  const a = new Float64Array(length);
  for (let i = 0; i < length; i++) {
    const s = Math.sin((i + 1) * 12.9898 + seed * 78.233) * 43758.5453;
    a[i] = (s - Math.floor(s) - 0.5) * 2 ** ((i * 7 + seed) % 9);
  }
  return a;
}

interface Case {
  transA: boolean;
  m: number;
  n: number;
  k: number;
  accumulate: boolean;
  seed: number;
}

/** Runs one case on the addon; returns the worst |native − naive| / scale and whether bits are equal. */
function check(addon: NativeAddon, c: Case): { worst: number; exact: boolean; C: Float64Array } {
  const { transA, m, n, k, accumulate, seed } = c;
  const A = noise(m * k, seed);
  const B = noise(n * k, seed + 1);
  const C0 = noise(m * n, seed + 2);
  const ref = C0.slice();
  const C = C0.slice();
  const scale = naive(transA, A, B, ref, m, n, k, accumulate);
  (transA ? addon.gemmAtB : addon.gemmABt)(A, B, C, m, n, k, accumulate);
  let worst = 0;
  let exact = true;
  for (let i = 0; i < C.length; i++) {
    if (!Object.is(C[i], ref[i])) exact = false;
    worst = Math.max(worst, Math.abs(C[i] - ref[i]) / (scale[i] || 1));
  }
  return { worst, exact, C };
}

const caseArb = fc.record({
  transA: fc.boolean(),
  m: fc.integer({ min: 1, max: 70 }),
  n: fc.integer({ min: 1, max: 70 }),
  k: fc.oneof(fc.integer({ min: 1, max: 70 }), fc.integer({ min: 250, max: 600 })),
  accumulate: fc.boolean(),
  seed: fc.integer({ min: 0, max: 1000 }),
});

describe("native addon", () => {
  it.runIf(nativeRequired)("is built and loads (LEARNDYN_REQUIRE_NATIVE=1)", () => {
    expect(nativeReason).toBeNull();
    expect(nativeAvailable).toBe(true);
  });

  it.skipIf(nativeAvailable || nativeRequired)("is not built here: its numerics tests are skipped", () => {
    expect(nativeReason).toMatch(/not built|cannot load/);
  });
});

describe.skipIf(skipNative)("native addon numerics", () => {
  const addon = nativeAddon() as NativeAddon;
  const best = addon?.isa();
  afterEach(() => {
    addon.setIsa(best);
    addon.setThreads(1);
  });

  it("chooses the best kernel the CPU runs and lists the others", () => {
    expect(addon.isas()[0]).toBe(best);
    expect(addon.isas()).toContain("sse2");
    expect(["avx512", "avx2", "sse2"]).toContain(best);
  });

  for (const isa of ["avx512", "avx2", "sse2"]) {
    const runs = (nativeAddon()?.isas() ?? []).includes(isa);
    it.runIf(runs)(
      `${isa}: both products match the naive loop on random shapes (m, n, k to 70, k-blocks)`,
      () => {
        addon.setIsa(isa);
        expect(addon.isa()).toBe(isa);
        fc.assert(
          fc.property(caseArb, (c) => {
            const r = check(addon, c);
            expect(r.worst).toBeLessThan(1e-13);
            // Without fused multiply-adds the kernel keeps the reference's order: the same bits.
            if (isa === "sse2") expect(r.exact).toBe(true);
          }),
          { numRuns: 150 },
        );
      },
    );
  }

  it("splits a large product over 2 threads with the same bits as 1 thread, for each kernel", () => {
    // 2·301·170·530 ≈ 54 MFLOP: above the split threshold; 301 rows leave an edge tile in every kernel.
    const big: Case[] = [
      { transA: false, m: 301, n: 170, k: 530, accumulate: true, seed: 3 },
      { transA: true, m: 301, n: 170, k: 530, accumulate: false, seed: 4 },
    ];
    for (const isa of addon.isas()) {
      addon.setIsa(isa);
      for (const c of big) {
        addon.setThreads(1);
        const one = check(addon, c);
        addon.setThreads(2);
        expect(addon.threads()).toBe(2);
        const two = check(addon, c);
        expect(one.worst).toBeLessThan(1e-13);
        expect(two.C).toEqual(one.C);
      }
    }
  });

  it("leaves C alone for empty products, and zeroes it for k = 0 unless accumulating", () => {
    const C = Float64Array.of(1, 2, 3, 4);
    addon.gemmABt(new Float64Array(0), new Float64Array(12), C, 0, 4, 3);
    expect(Array.from(C)).toEqual([1, 2, 3, 4]);
    addon.gemmABt(new Float64Array(0), new Float64Array(0), C, 2, 2, 0, true);
    expect(Array.from(C)).toEqual([1, 2, 3, 4]);
    addon.gemmAtB(new Float64Array(0), new Float64Array(0), C, 2, 2, 0);
    expect(Array.from(C)).toEqual([0, 0, 0, 0]);
  });

  it("works on Float64Arrays over a SharedArrayBuffer and shared WebAssembly.Memory, at an offset", () => {
    const sab = new Float64Array(new SharedArrayBuffer(8 * 6)).fill(0);
    sab.set([1, 2, 3, 4], 2);
    const A = sab.subarray(2); // [[1, 2], [3, 4]]
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 4, shared: true });
    const C = new Float64Array(memory.buffer, 24, 4);
    addon.gemmABt(A, A, C, 2, 2, 2);
    expect(Array.from(C)).toEqual([5, 11, 11, 25]);
    addon.gemmAtB(A, A, C, 2, 2, 2, true);
    expect(Array.from(C)).toEqual([15, 25, 25, 45]);
    // And on the native backend's own buffers (the wasm backend's shared memory).
    const b = createNativeBackend(addon);
    const X = b.alloc(4);
    const Y = b.alloc(4);
    X.set([1, 2, 3, 4]);
    b.gemmABt(X, X, Y, 2, 2, 2);
    expect(Array.from(Y)).toEqual([5, 11, 11, 25]);
  });

  it("throws a TypeError or RangeError with a clear message on bad arguments", () => {
    const a = new Float64Array(4);
    const f = addon.gemmABt as unknown as (...args: unknown[]) => void;
    expect(() => f(a, a, a, 2, 2)).toThrow(TypeError);
    expect(() => f(a, a, a, 2, 2)).toThrow(/too few arguments/);
    expect(() => f([1, 2, 3, 4], a, a, 2, 2, 1)).toThrow(/gemmABt: A must be a Float64Array/);
    expect(() => f(a, new Float32Array(4), a, 2, 2, 1)).toThrow(/B must be a Float64Array/);
    expect(() => f(a, a, a, 3, 2, 2)).toThrow(RangeError);
    expect(() => f(a, a, a, 3, 2, 2)).toThrow(/arrays too short for m=3, n=2, k=2/);
    expect(() => f(a, a, a, -1, 2, 2)).toThrow(/m must be a whole number/);
    expect(() => f(a, a, a, 1.5, 2, 2)).toThrow(RangeError);
    expect(() => f(a, a, a, "2", 2, 2)).toThrow(/m must be a number/);
    expect(() => f(a, a, a, 1, 1, 1, 1)).toThrow(/accumulate must be a boolean/);
    const big = new Float64Array(16);
    expect(() => f(big, big.subarray(8), big.subarray(2), 2, 2, 2)).toThrow(/C overlaps A or B/);
    expect(() => addon.setThreads(0)).toThrow(RangeError);
    expect(() => addon.setIsa("avx7")).toThrow(/unknown instruction set "avx7"/);
    expect(addon.isa()).toBe(best);
  });

  it("the native backend is the wasm backend with the addon's products", () => {
    const b = createNativeBackend(addon, { threads: 2 });
    expect(b.name).toBe("native");
    expect(b.threads).toBe(2);
    expect(addon.threads()).toBe(2);
    const w = createWasmBackend();
    const A = b.alloc(6);
    A.set([1, -2, 3, 0.5, 4, -1]);
    expect(b.owns?.(A)).toBe(true);
    expect(w.owns?.(A)).toBe(false);
    const out = b.alloc(6);
    b.transpose(A, 2, 3, out);
    expect(Array.from(out)).toEqual([1, 0.5, -2, 4, 3, -1]);
    const C = b.alloc(4);
    b.gemmABt(A, A, C, 2, 2, 3);
    expect(Array.from(C)).toEqual([14, -10.5, -10.5, 17.25]);
    b.gemmAtB?.(A, A, C.subarray(0, 4), 2, 2, 2, true);
    // Aᵀ·A over the first 2 columns of the 2 × 3 view read as 2 × 2: A = [[1, -2], [3, 0.5]].
    expect(Array.from(C)).toEqual([14 + 10, -10.5 - 0.5, -10.5 - 0.5, 17.25 + 4.25]);
  });

  it("loads in worker threads (its own kernel and pool there) and lets them exit and be terminated", async () => {
    const source = `
      const { parentPort, workerData } = require("node:worker_threads");
      const addon = require(workerData.path);
      addon.setThreads(2);
      const m = 200, n = 150, k = 300;
      const A = new Float64Array(m * k).fill(0.5), B = new Float64Array(n * k).fill(0.25);
      const C = new Float64Array(new SharedArrayBuffer(8 * m * n));
      addon.gemmABt(A, B, C, m, n, k);
      parentPort.postMessage({ isa: addon.isa(), threads: addon.threads(), c: C[m * n - 1] });
      if (workerData.spin) setInterval(() => addon.gemmABt(A, B, C, m, n, k), 0);`;
    const run = (spin: boolean) =>
      new Promise<{ isa: string; threads: number; c: number; code: number }>((resolve, reject) => {
        const w = new Worker(source, { eval: true, workerData: { path: NATIVE_ADDON_PATH, spin } });
        let msg: { isa: string; threads: number; c: number };
        w.once("message", (m) => {
          msg = m;
          if (spin) setTimeout(() => void w.terminate(), 50);
        });
        w.once("error", reject);
        w.once("exit", (code) => resolve({ ...msg, code }));
      });
    const [a, b] = await Promise.all([run(false), run(true)]);
    expect(a).toEqual({ isa: best, threads: 2, c: 300 * 0.125, code: 0 });
    expect(b.c).toBe(300 * 0.125);
    expect(b.code).toBe(1); // terminated while its pool was busy: no hang, no crash
    expect(addon.threads()).toBe(1); // the main thread's pool is its own
  });

  it("LEARNDYN_NATIVE_ISA forces a kernel at load, and names the problem when the CPU lacks it", () => {
    const load = (isa: string) =>
      spawnSync(
        process.execPath,
        ["-e", `process.stdout.write(require(${JSON.stringify(NATIVE_ADDON_PATH)}).isa())`],
        {
          env: { ...process.env, LEARNDYN_NATIVE_ISA: isa },
          encoding: "utf8",
        },
      );
    for (const isa of addon.isas()) expect(load(isa).stdout).toBe(isa);
    const bad = load("avx7");
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/LEARNDYN_NATIVE_ISA: unknown instruction set "avx7"/);
    if (!addon.isas().includes("avx512")) expect(load("avx512").stderr).toMatch(/does not support avx512/);
  });
});
