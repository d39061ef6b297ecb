import { afterEach, describe, expect, it } from "vitest";
import { configureThreads, defaultThreadCount, threadSpawner } from "../../../src/engine/threads/config.js";

describe("thread configuration", () => {
  afterEach(() => configureThreads(null, 1));

  it("is one thread and no spawner until an entry point configures it", () => {
    expect(defaultThreadCount()).toBe(1);
    expect(threadSpawner()).toBeNull();
  });

  it("keeps the count only with a spawner (no way to start helpers means one thread)", () => {
    const spawn = () => ({ terminate() {} });
    configureThreads(spawn, 3);
    expect(defaultThreadCount()).toBe(3);
    expect(threadSpawner()).toBe(spawn);
    configureThreads(null, 3);
    expect(defaultThreadCount()).toBe(1);
  });

  it.each([0, -1, 1.5, Number.NaN, 65])("refuses %s threads with a clear message", (n) => {
    expect(() => configureThreads(null, n)).toThrow(/threads must be an integer from 1 to 64/);
  });
});
