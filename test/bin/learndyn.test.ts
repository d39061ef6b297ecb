import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/cli-helpers.js";

const root = new URL("../../", import.meta.url).pathname;

/** Runs `script` in sh under `ulimit -v` (KiB) from the repository root. */
function underLimit(kib: number, script: string) {
  runCli(["--version"]); // builds dist/ when missing
  const r = spawnSync("sh", ["-c", `ulimit -v ${kib} && ${script}`], { cwd: root, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

describe("bin/learndyn.js under a low address-space limit (ulimit -v)", () => {
  // 3 GB: below the ~10 GB V8 reserves per WebAssembly memory with its trap handler.
  it("starts, trains on the wasm backend and opens stores", () => {
    const version = underLimit(3_000_000, "node bin/learndyn.js --version");
    expect(version.stderr).toBe("");
    expect(version).toMatchObject({ code: 0, stdout: "0.1.0\n" });

    const out = join(tempDir(), "run");
    const train = underLimit(3_000_000, `node bin/learndyn.js train --steps 30 --json --out ${out}`);
    expect(train.code, train.stderr).toBe(0);
    expect(JSON.parse(train.stdout).backend).toBe("wasm");
    expect(existsSync(join(out, "history.json"))).toBe(true);

    // SQLite (WebAssembly too) loads when a store is opened: a clear error, not an out-of-memory dump.
    const missing = join(tempDir(), "none.db");
    const exp = underLimit(3_000_000, `node bin/learndyn.js export ${missing}`);
    expect(exp.code).toBe(2);
    expect(exp.stderr).toMatch(/no such file/);
    expect(exp.stderr.length).toBeLessThan(400);
  });

  it("passes the child's exit status through", () => {
    const bad = underLimit(3_000_000, "node bin/learndyn.js train --steps nope");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--steps/);
  });
});

describe("start-up loads no SQLite", () => {
  it("importing the CLI leaves node-sqlite3-wasm unloaded until a store is opened", () => {
    const script = `
      const { createRequire } = await import("node:module");
      await import(${JSON.stringify(join(root, "dist/cli/main.js"))});
      const cache = Object.keys(createRequire(import.meta.url).cache);
      console.log(cache.some((k) => k.includes("node-sqlite3-wasm")));`;
    runCli(["--version"]);
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      cwd: root,
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe("false");
    expect(readFileSync(join(root, "bin/learndyn.js"), "utf8")).toMatch(/disable-wasm-trap-handler/);
  });
});
