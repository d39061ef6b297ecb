import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * scripts/build-native.mjs must never fail an install: whatever goes wrong, exit 0 and one line saying
 * the native backend was not built. (The successful build is exercised by `npm test`, which builds first,
 * and by test/engine/backend-native.test.ts.) Each case builds into a fresh directory (LEARNDYN_NATIVE_OUT),
 * so the repository's own build is neither used nor touched.
 */
const SCRIPT = new URL("../../scripts/build-native.mjs", import.meta.url).pathname;

function build(env: Record<string, string>, out = mkdtempSync(join(tmpdir(), "learndyn-native-"))) {
  const r = spawnSync(process.execPath, [SCRIPT], {
    env: { ...process.env, LEARNDYN_NATIVE_OUT: out, ...env },
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, files: readdirSync(out) };
}

const NOT_BUILT = /^learndyn: native backend not built \((.+)\); learndyn uses the wasm backend\n$/;

describe("scripts/build-native.mjs", () => {
  it("without a compiler: exit 0, one line, nothing built", () => {
    const r = build({ CXX: "/nonexistent/g++" });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(NOT_BUILT);
    expect(r.stdout).toMatch(/the compiler CXX=\/nonexistent\/g\+\+ does not run/);
    expect(r.stderr).toBe("");
    // Nothing built: only the note of what was said.
    expect(r.files).toEqual(["skipped.txt"]);
  });

  it("says it once per install: the same reason again within two minutes prints nothing", () => {
    const out = mkdtempSync(join(tmpdir(), "learndyn-native-"));
    expect(build({ CXX: "/nonexistent/g++" }, out).stdout).toMatch(NOT_BUILT);
    const again = build({ CXX: "/nonexistent/g++" }, out);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe("");
    // A different reason is news.
    expect(build({ CXX: "false" }, out).stdout).toMatch(NOT_BUILT);
  });

  it("with no compiler on PATH: names the fix", () => {
    const { CXX: _cxx, ...env } = process.env;
    const r = spawnSync(process.execPath, [SCRIPT], {
      env: {
        ...env,
        PATH: "/nonexistent",
        LEARNDYN_NATIVE_OUT: mkdtempSync(join(tmpdir(), "learndyn-native-")),
      },
      encoding: "utf8",
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(NOT_BUILT);
    expect(r.stdout).toMatch(/no C\+\+ compiler found: install g\+\+ or set CXX/);
  });

  it("with a compiler that fails: exit 0, one line with its first error, no stack", () => {
    // `false` runs but fails, even for --version; a script that fails only on compiling is the next case.
    expect(build({ CXX: "false" }).stdout).toMatch(NOT_BUILT);
    const fake = mkdtempSync(join(tmpdir(), "learndyn-cxx-"));
    const cxx = join(fake, "c++");
    spawnSync("sh", [
      "-c",
      `printf '#!/bin/sh\\n[ "$1" = --version ] && echo fake 1.0 && exit 0\\necho "fake: error: no" >&2\\nexit 1\\n' > ${cxx} && chmod +x ${cxx}`,
    ]);
    const r = build({ CXX: cxx });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(NOT_BUILT);
    expect(r.stdout).toMatch(/failed: fake: error: no/);
    expect(r.stdout.split("\n")).toHaveLength(2);
    expect(r.stderr).toBe("");
    expect(existsSync(join(fake, "learndyn-native.node"))).toBe(false);
  });

  it("LEARNDYN_NATIVE=0 skips it", () => {
    const r = build({ LEARNDYN_NATIVE: "0" });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/not built \(LEARNDYN_NATIVE=0\)/);
  });
});
