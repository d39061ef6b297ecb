import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRunConfig } from "../../../src/config/validate.js";
import { createWasmBackend, type WasmBackend } from "../../../src/engine/backend-wasm.js";
import { Rng } from "../../../src/engine/rng.js";
import { configureThreads } from "../../../src/engine/threads/config.js";
import { useNodeThreads } from "../../../src/node/threads.js";
import { buildData } from "../../../src/train/build-data.js";
import { createTrainer } from "../../../src/train/trainer.js";

function random(backend: WasmBackend, length: number, rng: Rng): Float64Array {
  const a = backend.alloc(length);
  for (let i = 0; i < length; i++) a[i] = rng.normal();
  return a;
}

/** Runs one large product (which starts the helpers) and waits until they report ready. */
async function warm(backend: WasmBackend): Promise<void> {
  const a = backend.alloc(64 * 64);
  const c = backend.alloc(64 * 64);
  backend.gemmABt(a, a, c, 64, 64, 64);
  for (let i = 0; i < 1000 && backend.helpersReady() < backend.threads - 1; i++)
    await new Promise((r) => setTimeout(r, 10));
}

describe("WASM products split across helper threads", () => {
  let two: WasmBackend;
  let one: WasmBackend;
  beforeAll(async () => {
    useNodeThreads(2);
    two = createWasmBackend();
    one = createWasmBackend({ threads: 1 });
    await warm(two);
  });
  afterAll(() => {
    two.dispose?.();
    configureThreads(null, 1);
  });

  it("starts its helper at the first large product", () => {
    expect(two.threads).toBe(2);
    expect(two.helpersReady()).toBe(1);
    expect(one.threads).toBe(1);
  });

  it.each([
    [1000, 100, 100],
    [203, 67, 129],
    [9, 300, 513],
    [64, 64, 64],
  ])("A·Bᵀ and Aᵀ·B of %i×%i×%i give the bits of one thread", (m, n, k) => {
    const rng = new Rng(m * 7 + n, "team");
    const a = random(two, m * k, rng);
    const b = random(two, n * k, rng);
    const a1 = one.alloc(m * k);
    const b1 = one.alloc(n * k);
    a1.set(a);
    b1.set(b);
    for (const op of ["gemmABt", "gemmAtB"] as const) {
      for (const accumulate of [false, true]) {
        const c2 = random(two, m * n, new Rng(3, "c"));
        const c1 = one.alloc(m * n);
        c1.set(c2);
        two[op]?.(a, b, c2, m, n, k, accumulate);
        one[op]?.(a1, b1, c1, m, n, k, accumulate);
        expect(
          Buffer.from(c2.buffer, c2.byteOffset, c2.byteLength).equals(
            Buffer.from(c1.buffer, c1.byteOffset, c1.byteLength),
          ),
        ).toBe(true);
      }
    }
  });
});

describe("threads in training runs", () => {
  afterAll(() => configureThreads(null, 1));

  it("a run on 2 threads has the bits of a run on 1, and disposing mid-run changes nothing", async () => {
    useNodeThreads(2);
    const config = parseRunConfig({
      data: { kind: "blobs", n: 300, d: 40 },
      model: { hidden: [64, 32], activation: "tanh" },
      optimizer: { kind: "adam", lr: 1e-3 },
      train: { steps: 60 },
    });
    const data = buildData(config);
    const single = createTrainer(config, data, { backend: createWasmBackend({ threads: 1 }) });
    single.run();
    const two = createWasmBackend({ threads: 2 });
    const threaded = createTrainer(config, data, { backend: two });
    threaded.advance(1);
    for (let i = 0; i < 1000 && two.helpersReady() < 1; i++) await new Promise((r) => setTimeout(r, 10));
    expect(two.helpersReady()).toBe(1);
    threaded.advance(30);
    two.dispose?.();
    expect(two.helpersReady()).toBe(0);
    threaded.run();
    expect(Array.from(threaded.mlp.params)).toEqual(Array.from(single.mlp.params));
    expect(threaded.history.map((r) => r.loss)).toEqual(single.history.map((r) => r.loss));
  });
});
