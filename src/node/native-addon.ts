/**
 * Node only: makes `createBackend("native")` load the addon built by scripts/build-native.mjs
 * (native/build/learndyn-native.node in the package). Import it for its side effect from Node entry
 * points (the CLI, worker entries); browser bundles never import it, so there "native" falls back.
 * Nothing loads until a native backend is asked for.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { NativeAddon } from "../engine/backend-native.js";
import { registerNativeLoader } from "../engine/backends.js";

/** The addon's path: <package root>/native/build/learndyn-native.node (same from src/ and dist/). */
export const NATIVE_ADDON_PATH = fileURLToPath(
  new URL("../../native/build/learndyn-native.node", import.meta.url),
);

/**
 * Loads the addon at `path`; throws an Error with a one-line reason when it
 * cannot (not built, built for another platform, LEARNDYN_NATIVE_ISA naming a kernel this CPU lacks).
 */
export function loadNativeAddon(path = NATIVE_ADDON_PATH): NativeAddon {
  if (!existsSync(path)) {
    throw new Error(
      `not built: no ${path}; it is built by npm install / npm run build when a C++ compiler is found`,
    );
  }
  try {
    return createRequire(import.meta.url)(path) as NativeAddon;
  } catch (e) {
    throw new Error(`cannot load ${path}: ${(e instanceof Error ? e.message : String(e)).split("\n")[0]}`);
  }
}

registerNativeLoader(() => loadNativeAddon());
