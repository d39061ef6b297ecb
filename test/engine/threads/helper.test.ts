import { afterEach, describe, expect, it } from "vitest";
import { configureThreads, threadSpawner } from "../../../src/engine/threads/config.js";
import { helperMain, type SpawnHelper } from "../../../src/engine/threads/helper.js";
import { GemmTeam } from "../../../src/engine/threads/team.js";
import { kernelModule } from "../../../src/engine/wasm/kernels.js";
import { useNodeThreads } from "../../../src/node/threads.js";

describe("the helper thread's program", () => {
  afterEach(() => configureThreads(null, 1));

  it("is self-contained source text (it is evaluated in a fresh thread)", () => {
    const source = String(helperMain);
    expect(() => new Function(`return (${source});`)()).not.toThrow();
    // Nothing from this module's scope: only its parameter, globals and its own locals.
    expect(source).not.toMatch(/\b(JOB|HELPER|OP|BLOCK_SLOTS|KC|BAND_ROWS)\b/);
  });

  it("a product that traps in a helper stops the team with a clear error instead of hanging", async () => {
    useNodeThreads(2);
    const memory = new WebAssembly.Memory({ initial: 64, maximum: 64, shared: true });
    const module = new WebAssembly.Module(kernelModule({ shared: true, maxPages: 64 }) as BufferSource);
    let top = 1024;
    const alloc = (length: number) => {
      const a = new Float64Array(memory.buffer, top, length);
      top += Math.ceil((length * 8) / 16) * 16;
      return a;
    };
    let spawned = 0;
    const nodeSpawn = threadSpawner() as SpawnHelper;
    const team = new GemmTeam({
      module,
      memory,
      alloc,
      threads: 2,
      spawn: (init) => {
        spawned++;
        return nodeSpawn(init);
      },
    });
    const noop = () => {};
    // The caller's parts wait (up to 10 s) until the helper has failed, so the helper surely claims a
    // part however busy the machine is (a fixed delay was not enough on a loaded CI machine).
    const slow = () => {
      const until = performance.now() + 10_000;
      while (performance.now() < until && team.readyHelpers() > 0);
    };
    expect(team.gemm(noop, false, 0, 0, 0, 64, 64, 64, 0, 1024)).toBe(false); // starts the helper
    for (let i = 0; i < 1000 && team.readyHelpers() < 1; i++) await new Promise((r) => setTimeout(r, 10));
    expect(team.readyHelpers()).toBe(1);
    expect(team.gemm(noop, false, 0, 0, 0, 64, 64, 64, 0, 1024)).toBe(true);
    // C far outside the 4 MiB memory: the helper's kernel traps on the part it claims.
    expect(() => team.gemm(slow, false, 0, 0, 0x7000_0000, 64, 64, 64, 0, 1024)).toThrow(
      /helper thread failed/,
    );
    expect(team.readyHelpers()).toBe(0);
    expect(team.gemm(noop, false, 0, 0, 0, 64, 64, 64, 0, 1024)).toBe(false); // disposed: one thread
    expect(spawned).toBe(1);
  });
});
