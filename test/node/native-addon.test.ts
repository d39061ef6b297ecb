import { afterEach, describe, expect, it, vi } from "vitest";
import { createBackend, nativeAddon, registerNativeLoader } from "../../src/engine/backends.js";
import { loadNativeAddon, NATIVE_ADDON_PATH } from "../../src/node/native-addon.js";
import { nativeAvailable, skipNative } from "../engine/native-helpers.js";

afterEach(() => {
  vi.restoreAllMocks();
  registerNativeLoader(() => loadNativeAddon());
});

describe("native addon loader", () => {
  it("looks for the addon in <package root>/native/build", () => {
    expect(NATIVE_ADDON_PATH).toMatch(/[/\\]native[/\\]build[/\\]learndyn-native\.node$/);
    expect(NATIVE_ADDON_PATH).not.toMatch(/[/\\](src|dist)[/\\]native/);
  });

  it("a missing addon: one line on stderr, the wasm backend, and silence on the next call", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    registerNativeLoader(() => loadNativeAddon("/nonexistent/learndyn-native.node"));
    const first = createBackend("native");
    expect(first.name).toBe("wasm");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toBe(
      "learndyn: native backend unavailable (not built: no /nonexistent/learndyn-native.node; it is built by " +
        "npm install / npm run build when a C++ compiler is found); using wasm",
    );
    expect(createBackend("native").name).toBe("wasm");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(nativeAddon()).toBeNull();
  });

  it("a file that is not an addon: the loader's error, in one line", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    registerNativeLoader(() => loadNativeAddon(new URL(import.meta.url).pathname));
    expect(createBackend("native").name).toBe("wasm");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(
      /^learndyn: native backend unavailable \(cannot load .*\); using wasm$/,
    );
    expect(warn.mock.calls[0][0]).not.toMatch(/\n/);
  });

  it("no loader (a browser): falls back, saying so once", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    registerNativeLoader(null);
    expect(createBackend("native").name).toBe("wasm");
    expect(createBackend("native").name).toBe("wasm");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/not available in this environment/);
  });

  it.skipIf(skipNative)("the built addon loads once and serves every native backend", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(nativeAvailable).toBe(true);
    const a = createBackend("native");
    const b = createBackend("native");
    expect(a.name).toBe("native");
    expect(a).not.toBe(b);
    expect((a as { addon?: unknown }).addon).toBe(nativeAddon());
    expect((b as { addon?: unknown }).addon).toBe(nativeAddon());
    expect(warn).not.toHaveBeenCalled();
  });
});
