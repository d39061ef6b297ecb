import { availableParallelism } from "node:os";
import { afterEach, describe, expect, it } from "vitest";
import { createWasmBackend } from "../../src/engine/backend-wasm.js";
import { configureThreads, defaultThreadCount, threadSpawner } from "../../src/engine/threads/config.js";
import { useNodeThreads } from "../../src/node/threads.js";

describe("useNodeThreads", () => {
  afterEach(() => configureThreads(null, 1));

  it("defaults to the cores available and gives new wasm backends that many threads", () => {
    useNodeThreads();
    expect(defaultThreadCount()).toBe(availableParallelism());
    expect(threadSpawner()).not.toBeNull();
    const b = createWasmBackend();
    expect(b.threads).toBe(availableParallelism());
    b.dispose?.();
  });

  it("an explicit count wins; unshared memory cannot have helpers", () => {
    useNodeThreads(3);
    expect(createWasmBackend().threads).toBe(3);
    expect(createWasmBackend({ threads: 1 }).threads).toBe(1);
    expect(createWasmBackend({ shared: false }).threads).toBe(1);
    expect(() => createWasmBackend({ threads: 0 })).toThrow(/threads must be a positive integer/);
  });
});
