import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exportStore } from "../../../src/cli/store-commands.js";
import { openStore } from "../../../src/node/store/store.js";
import type { PointResult } from "../../../src/sweep/run-point.js";
import { smallSpec } from "../../sweep/fixtures.js";
import { setup, storeOfRuns } from "./helpers.js";

/** A 2 MB tmpfs (root only: a real full disk); null when it cannot be mounted. */
function smallDisk(): { dir: string; undo(): void } | null {
  if (process.getuid?.() !== 0) return null;
  const dir = mkdtempSync(join(tmpdir(), "learndyn-full-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", dir], { stdio: "pipe" });
  } catch {
    return null;
  }
  return { dir, undo: () => execFileSync("umount", [dir]) };
}

/** Fills the file system of `dir` but `leave` bytes with a file; returns its path. */
function fill(dir: string, leave: number): string {
  const filler = join(dir, "filler");
  const { bavail, bsize } = statfsSync(dir);
  writeFileSync(filler, Buffer.alloc(Math.max(0, bavail * bsize - leave)));
  return filler;
}

const disk = smallDisk();
afterAll(() => disk?.undo());

describe(`a full disk (${disk ? "2 MB tmpfs, root" : "no tmpfs: not root or mount refused"})`, () => {
  it.runIf(disk !== null)(
    "a sweep's write fails saying the stored runs are safe and the same command resumes; they are, and it does",
    () => {
      const dir = join(disk?.dir ?? "", "sweep");
      mkdirSync(dir);
      const path = join(dir, "full.db");
      const { storeSpec, run } = setup(smallSpec());
      const one = run(0, 0);
      const results: PointResult[] = Array.from({ length: 4000 }, (_, i) => ({
        ...one,
        index: i,
        key: `p${i}`,
      }));
      const store = openStore(path, storeSpec);
      const filler = fill(dir, 96 * 1024);
      let error: Error | null = null;
      let written = 0;
      try {
        for (; written < results.length; written += 20) store.writeRuns(results.slice(written, written + 20));
      } catch (e) {
        error = e as Error;
      }
      store.close();
      expect(written).toBeGreaterThan(0);
      expect(error?.message).toMatch(
        new RegExp(
          `cannot write to store ${path}: the disk is full .*The ${written} runs stored so far are safe.*run the same command again: it resumes`,
        ),
      );
      rmSync(filler);
      const resumed = openStore(path, storeSpec);
      try {
        expect(resumed.damage).toEqual([]);
        expect(resumed.runs().map((r) => r.pointKey)).toEqual(results.slice(0, written).map((r) => r.key));
        resumed.writeRuns(results.slice(written, written + 20));
        expect(resumed.runs()).toHaveLength(written + 20);
      } finally {
        resumed.close();
      }
    },
  );

  it.runIf(disk !== null)(
    "export to a full disk leaves no truncated file, and an existing one unchanged",
    () => {
      const source = join(mkdtempSync(join(tmpdir(), "learndyn-full-src-")), "src.db");
      storeOfRuns(source, 600);
      const dir = join(disk?.dir ?? "", "export");
      mkdirSync(dir);
      const out = join(dir, "runs.csv");
      writeFileSync(out, "old export\n");
      const filler = fill(dir, 16 * 1024);
      expect(() => exportStore(source, { format: "csv", table: "runs", out })).toThrow(
        new RegExp(`cannot write ${out}: the disk is full; nothing was written`),
      );
      expect(readFileSync(out, "utf8")).toBe("old export\n");
      expect(readdirSync(dir).sort()).toEqual(["filler", "runs.csv"]);
      rmSync(filler);
    },
  );
});
