import type { Backend } from "./backend.js";
import { jsBackend } from "./backend-js.js";
import { createNativeBackend, type NativeAddon } from "./backend-native.js";
import { createWasmBackend, wasmSupported } from "./backend-wasm.js";

/**
 * Kernel backends by name. "js" and "wasm" are exact: "wasm" gives the same bits as the "js" reference
 * (same operations in the same order), only faster. "native" (an optional Node addon, see
 * backend-native.ts) is faster still but not bit-identical (fused multiply-adds).
 */
export type BackendName = "js" | "wasm" | "native";

export const BACKENDS: readonly BackendName[] = ["js", "wasm", "native"];

/** Whether a backend gives exactly the bits of the "js" reference. */
export function isExactBackend(name: BackendName): boolean {
  return name !== "native";
}

/** The fastest exact backend this engine runs: "wasm" where WebAssembly SIMD works, else "js". */
export function defaultBackendName(): BackendName {
  return wasmSupported() ? "wasm" : "js";
}

/**
 * Loads the native addon, or throws an Error whose message says why it cannot (one line). Registered
 * by the Node-only module `src/node/native-addon.ts`, so that this file (which browsers bundle) never
 * imports Node modules.
 */
export type NativeLoader = () => NativeAddon;

let nativeLoader: NativeLoader | null = null;
let nativeOutcome: { addon: NativeAddon } | { reason: string } | null = null;
let warned = false;

/**
 * Sets the function that loads the native addon (null: none, as in a browser). Forgets an earlier
 * load and whether its failure was reported.
 */
export function registerNativeLoader(loader: NativeLoader | null): void {
  nativeLoader = loader;
  nativeOutcome = null;
  warned = false;
}

function loadNative(): { addon: NativeAddon } | { reason: string } {
  if (!nativeOutcome) {
    if (!nativeLoader) nativeOutcome = { reason: "not available in this environment" };
    else {
      try {
        nativeOutcome = { addon: nativeLoader() };
      } catch (e) {
        nativeOutcome = { reason: (e instanceof Error ? e.message : String(e)).split("\n")[0] };
      }
    }
  }
  return nativeOutcome;
}

/** The native addon when it loads here (loading it on first use), else null. */
export function nativeAddon(): NativeAddon | null {
  const o = loadNative();
  return "addon" in o ? o.addon : null;
}

/** Why the native addon does not load here, or null when it does. */
export function nativeUnavailableReason(): string | null {
  const o = loadNative();
  return "reason" in o ? o.reason : null;
}

/**
 * A backend for one run: "js" is the shared stateless reference; "wasm" is a new backend with its own
 * memory (freed with the run); "native" is a new wasm backend whose products run in the native addon.
 * When the addon cannot load, "native" says so once (on stderr, the first time in this thread) and
 * returns the default backend instead. Without a name, the default; if the wasm module cannot be
 * instantiated here (e.g. a browser main thread refusing synchronous compilation), falls back to "js".
 */
export function createBackend(name?: BackendName): Backend {
  if (name === "js") return jsBackend;
  if (name === "wasm") return createWasmBackend();
  if (name === "native") {
    const o = loadNative();
    if ("addon" in o) return createNativeBackend(o.addon);
    const fallback = createBackend();
    if (!warned) {
      warned = true;
      console.warn(`learndyn: native backend unavailable (${o.reason}); using ${fallback.name}`);
    }
    return fallback;
  }
  if (name !== undefined) throw new Error(`unknown backend "${name}"; use one of ${BACKENDS.join(", ")}`);
  if (defaultBackendName() === "js") return jsBackend;
  try {
    return createWasmBackend();
  } catch (e) {
    // Same bits, but several times slower: say so once, so a slow sweep is not a mystery.
    if (!wasmFallbackWarned) {
      wasmFallbackWarned = true;
      const reason = (e instanceof Error ? e.message : String(e)).split("\n")[0];
      console.warn(
        `learndyn: the wasm backend cannot start here (${reason}); using the js backend (same results, several times slower)`,
      );
    }
    return jsBackend;
  }
}

let wasmFallbackWarned = false;
