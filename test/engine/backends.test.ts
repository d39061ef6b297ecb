import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsBackend } from "../../src/engine/backend-js.js";
import { BACKENDS, createBackend, defaultBackendName, isExactBackend } from "../../src/engine/backends.js";
import { skipNative, TESTED_BACKENDS } from "./native-helpers.js";

describe("backend registry", () => {
  it("defaults to the exact wasm backend where WebAssembly SIMD runs (Node 20 does)", () => {
    expect(defaultBackendName()).toBe("wasm");
    expect(createBackend().name).toBe("wasm");
  });

  it("names js, wasm and native; only native is not exact", () => {
    expect(BACKENDS).toEqual(["js", "wasm", "native"]);
    expect(BACKENDS.filter(isExactBackend)).toEqual(["js", "wasm"]);
    expect(isExactBackend(defaultBackendName())).toBe(true);
  });

  it("makes every named backend; js is the shared reference, wasm and native fresh ones per call", () => {
    for (const name of TESTED_BACKENDS) expect(createBackend(name).name).toBe(name);
    expect(createBackend("js")).toBe(jsBackend);
    expect(createBackend("wasm")).not.toBe(createBackend("wasm"));
  });

  it.skipIf(skipNative)("native keeps its buffers in wasm memory, like wasm", () => {
    const native = createBackend("native");
    expect(native.owns?.(native.alloc(3))).toBe(true);
    expect(native.owns?.(new Float64Array(3))).toBe(false);
    expect(native).not.toBe(createBackend("native"));
  });

  it("names the choices for an unknown backend", () => {
    expect(() => createBackend("cuda" as never)).toThrow(
      /unknown backend "cuda"; use one of js, wasm, native/,
    );
  });
});

describe("when the wasm backend cannot start", () => {
  it("says so once on stderr and trains on js", () => {
    const dist = new URL("../../dist/engine/backends.js", import.meta.url).pathname;
    if (!existsSync(dist)) spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
    // 3 GB of address space with V8's wasm trap handler on (as a library user would run it): no wasm
    // memory can be reserved.
    const script = `const { createBackend } = await import(${JSON.stringify(dist)});
      console.log(createBackend().name, createBackend().name);`;
    const r = spawnSync(
      "sh",
      ["-c", `ulimit -v 3000000 && "${process.execPath}" --input-type=module -e '${script}'`],
      {
        encoding: "utf8",
      },
    );
    expect(r.stdout.trim()).toBe("js js");
    expect(r.stderr).toMatch(
      /^learndyn: the wasm backend cannot start here \(.*memory.*\); using the js backend \(same results, several times slower\)\n$/,
    );
  });
});
