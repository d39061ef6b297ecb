import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;

/** Runs the built CLI (bin/learndyn.js → dist/) and returns its exit code and output. */
export function runCli(args: string[], cwd = root): { code: number; stdout: string; stderr: string } {
  if (!existsSync(join(root, "dist/cli/main.js"))) {
    spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  }
  const r = spawnSync(process.execPath, [join(root, "bin/learndyn.js"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "learndyn-test-"));
}
