import { execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportStore } from "../../../src/cli/store-commands.js";
import { mergeStores } from "../../../src/node/store/merge.js";
import { openStore } from "../../../src/node/store/store.js";
import { storeOfRuns } from "./helpers.js";

/**
 * A folder holding a 120-run store that this process cannot write. Root ignores permissions, so as root
 * the folder is a read-only bind mount; otherwise it is chmod 555. `how` says which was used.
 */
function readOnlyStoreFolder(): { dir: string; how: string; undo(): void } | { error: string } {
  const base = mkdtempSync(join(tmpdir(), "learndyn-ro-test-"));
  const src = join(base, "src");
  mkdirSync(src);
  storeOfRuns(join(src, "ro.db"), 120);
  if (process.getuid?.() !== 0) {
    chmodSync(src, 0o555);
    return { dir: src, how: "chmod 555 (not root)", undo: () => chmodSync(src, 0o755) };
  }
  const dir = join(base, "ro");
  mkdirSync(dir);
  try {
    execFileSync("mount", ["--bind", src, dir], { stdio: "pipe" });
    execFileSync("mount", ["-o", "remount,ro,bind", dir], { stdio: "pipe" });
  } catch (e) {
    return { error: `running as root, and a read-only bind mount failed: ${(e as Error).message}` };
  }
  return {
    dir,
    how: "read-only bind mount (root)",
    undo: () => {
      execFileSync("umount", [dir]);
      rmdirSync(dir);
    },
  };
}

const folder = readOnlyStoreFolder();
afterAll(() => {
  if ("undo" in folder) folder.undo();
});

describe(`a store on read-only media (${"how" in folder ? folder.how : "no read-only folder"})`, () => {
  it("export, merge and reading work without writing anything next to the store", () => {
    // No silent skip: without a read-only folder this test fails and says why.
    if ("error" in folder) throw new Error(folder.error);
    const path = join(folder.dir, "ro.db");
    const bytes = readFileSync(path);
    const store = openStore(path);
    expect(store.runs()).toHaveLength(120);
    store.close();
    const csv = join(mkdtempSync(join(tmpdir(), "learndyn-ro-out-")), "runs.csv");
    expect(exportStore(path, { format: "csv", table: "runs", out: csv })).toMatchObject({ rows: 120 });
    expect(readFileSync(csv, "utf8").trim().split("\n")).toHaveLength(121);
    const merged = mergeStores([path], join(mkdtempSync(join(tmpdir(), "learndyn-ro-out-")), "all.db"));
    expect(merged.total).toBe(120);
    expect(readdirSync(folder.dir)).toEqual(["ro.db"]);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
