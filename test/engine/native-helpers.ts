// Which backends the engine tests run: js and wasm always; native when its addon loads here. Where it
// is not built, native tests are skipped, unless LEARNDYN_REQUIRE_NATIVE=1 (CI, which installs g++):
// then they run, and test/engine/backend-native.test.ts fails on the missing addon, never a silent pass.
import "../../src/node/native-addon.js";
import {
  BACKENDS,
  type BackendName,
  nativeAddon,
  nativeUnavailableReason,
} from "../../src/engine/backends.js";

export const nativeRequired = process.env.LEARNDYN_REQUIRE_NATIVE === "1";
export const nativeAvailable = nativeAddon() !== null;
/** Skip native-only tests: the addon is missing and not required. */
export const skipNative = !nativeAvailable && !nativeRequired;
export const nativeReason = nativeUnavailableReason();

/** BACKENDS without "native" when its tests are skipped here. */
export const TESTED_BACKENDS: readonly BackendName[] = BACKENDS.filter((b) => b !== "native" || !skipNative);

/** Per-step relative tolerance of native (fused multiply-adds) against the exact wasm/js bits. */
export const NATIVE_VS_EXACT = 1e-12;
