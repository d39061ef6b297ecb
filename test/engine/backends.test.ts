import { describe, expect, it } from "vitest";
import { jsBackend } from "../../src/engine/backend-js.js";
import { BACKENDS, createBackend, defaultBackendName } from "../../src/engine/backends.js";

describe("backend registry", () => {
  it("defaults to the exact wasm backend where WebAssembly SIMD runs (Node 20 does)", () => {
    expect(defaultBackendName()).toBe("wasm");
    expect(createBackend().name).toBe("wasm");
  });

  it("makes every named backend; js is the shared reference, wasm a fresh one per call", () => {
    for (const name of BACKENDS) expect(createBackend(name).name).toBe(name);
    expect(createBackend("js")).toBe(jsBackend);
    expect(createBackend("wasm")).not.toBe(createBackend("wasm"));
  });

  it("names the choices for an unknown backend", () => {
    expect(() => createBackend("cuda" as never)).toThrow(/unknown backend "cuda"; use one of js, wasm/);
  });
});
