import type { Backend } from "./backend.js";
import { jsBackend } from "./backend-js.js";
import { createWasmBackend, wasmSupported } from "./backend-wasm.js";

/**
 * Kernel backends by name. Both are exact: "wasm" gives the same bits as the "js" reference (same
 * operations in the same order), only faster.
 */
export type BackendName = "js" | "wasm";

export const BACKENDS: readonly BackendName[] = ["js", "wasm"];

/** The fastest exact backend this engine runs: "wasm" where WebAssembly SIMD works, else "js". */
export function defaultBackendName(): BackendName {
  return wasmSupported() ? "wasm" : "js";
}

/**
 * A backend for one run: "js" is the shared stateless reference; "wasm" is a new backend with its own
 * memory (freed with the run). Without a name, the default; if the wasm module cannot be instantiated
 * here (e.g. a browser main thread refusing synchronous compilation), falls back to "js".
 */
export function createBackend(name?: BackendName): Backend {
  if (name === "js") return jsBackend;
  if (name === "wasm") return createWasmBackend();
  if (name !== undefined) throw new Error(`unknown backend "${name}"; use one of ${BACKENDS.join(", ")}`);
  if (defaultBackendName() === "js") return jsBackend;
  try {
    return createWasmBackend();
  } catch {
    return jsBackend;
  }
}
