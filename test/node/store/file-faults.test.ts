import { closeSync, openSync, rmSync, unlinkSync, writeSync } from "node:fs";
import { createRequire } from "node:module";
import { afterEach, describe, expect, it } from "vitest";
import {
  type FileOp,
  failuresSince,
  fileFailureMark,
  injectFileFault,
  watchFileCalls,
} from "../../../src/node/store/file-faults.js";
import { openStore, StoreError, type StoreSpec } from "../../../src/node/store/store.js";
import type { PointResult } from "../../../src/sweep/run-point.js";
import { smallSpec } from "../../sweep/fixtures.js";
import { setup, tempPath } from "./helpers.js";

const cjsFs = createRequire(import.meta.url)("node:fs") as typeof import("node:fs");
let undo: (() => void)[] = [];
afterEach(() => {
  for (const u of undo) u();
  undo = [];
});
const inject = (plan: Parameters<typeof injectFileFault>[0]) => {
  const u = injectFileFault(plan);
  undo.push(u);
  return u;
};

/** Batches of 20 distinct runs of smallSpec (copies of one real run under other keys). */
function batches(count: number): { storeSpec: StoreSpec; batch: (i: number) => PointResult[] } {
  const { storeSpec, run } = setup(smallSpec());
  const one = run(0, 0);
  const all = Array.from({ length: 20 * count }, (_, i) => ({ ...one, index: i, key: `p${i}` }));
  return { storeSpec, batch: (i) => all.slice(20 * i, 20 * (i + 1)) };
}

describe("watched file calls", () => {
  it("records a failure's errno, call and file, and an injected fault fails only the calls it names", () => {
    watchFileCalls();
    const path = tempPath("f.bin");
    const fd = cjsFs.openSync(path, "w");
    const mark = fileFailureMark();
    inject({ code: "EIO", op: "write", pathEndsWith: "f.bin", skip: 1, times: 1 });
    cjsFs.writeSync(fd, "a"); // skipped
    expect(() => cjsFs.writeSync(fd, "b")).toThrow(/EIO/);
    cjsFs.writeSync(fd, "c"); // the fault was used up
    cjsFs.fsyncSync(fd);
    cjsFs.closeSync(fd);
    // The ES-module binding of node:fs is not wrapped: the rest of the program never sees a fault.
    inject({ code: "ENOSPC" });
    const other = openSync(tempPath("g.bin"), "w");
    writeSync(other, "x");
    closeSync(other);
    expect(failuresSince(mark, path)).toEqual([expect.objectContaining({ op: "write", path, code: "EIO" })]);
    expect(failuresSince(mark, "/elsewhere/")).toEqual([]);
    unlinkSync(path);
  });
});

/** The error of a batch write under `plan` (null if the write succeeded), the fault lifted afterwards. */
function writeUnderFault(
  path: string,
  storeSpec: StoreSpec,
  batch: PointResult[],
  plan: Parameters<typeof injectFileFault>[0],
): Error | null {
  const store = openStore(path, storeSpec);
  const lift = inject(plan);
  try {
    store.writeRuns(batch);
    return null;
  } catch (e) {
    return e as Error;
  } finally {
    try {
      store.close();
    } finally {
      lift();
    }
  }
}

/** The calls each error comes from on a real system (a read-only mount fails opens for writing, not reads). */
const OPS: Record<string, FileOp[]> = {
  ENOSPC: ["write", "fsync", "truncate"],
  EIO: ["open", "read", "write", "fsync", "truncate", "unlink"],
  EROFS: ["open", "write", "truncate", "unlink"],
};

const FIX: Record<string, RegExp> = {
  ENOSPC: /the disk is full \(\d+ bytes free\).*free some space and run the same command again: it resumes/,
  EIO: /the disk reported an I\/O error.*check the device.*run the same command again: it resumes.*learndyn merge/,
  EROFS:
    /the file system is read-only.*remount it read-write, or copy the store.*learndyn merge .* --store OTHER\.db/,
};

describe.each(Object.keys(FIX))("%s at every file call of a commit", (code) => {
  it("fails the batch with the file and the fix named; no stored run is lost, the batch is all or none, the store resumes", () => {
    const { storeSpec, batch } = batches(3);
    let calls = 0;
    for (; calls < 200; calls++) {
      const path = tempPath("faults.db");
      const store = openStore(path, storeSpec);
      store.writeRuns(batch(0));
      store.close();
      // The fault stays (a disk stays full until space is freed) from call number `calls` of the commit.
      const error = writeUnderFault(path, storeSpec, batch(1), { code, op: OPS[code], skip: calls });
      const reopened = openStore(path, storeSpec);
      try {
        expect(reopened.damage).toEqual([]);
        const keys = reopened.runs().map((r) => r.pointKey);
        if (error === null) {
          // The commit made fewer file calls than `calls`: every call has been failed once.
          expect(keys).toEqual([...batch(0), ...batch(1)].map((r) => r.key));
          break;
        }
        expect(error).toBeInstanceOf(StoreError);
        expect(error.message).toMatch(
          new RegExp(
            `^cannot write to store ${path}: .*\\((opening|reading|writing|syncing|truncating|deleting) ${path}(-journal)?\\)\\. The (20 runs stored so far|runs stored so far|runs stored before this batch) are safe`,
          ),
        );
        expect(error.message).toMatch(FIX[code]);
        expect(keys, `fault at call ${calls}`).toEqual(batch(0).map((r) => r.key));
        // With the fault gone, the same batch is written (the sweep's resume).
        expect(reopened.writeRuns(batch(1))).toEqual(batch(1).map(() => true));
        expect(reopened.runs()).toHaveLength(40);
      } finally {
        reopened.close();
        rmSync(path, { force: true });
      }
    }
    // A commit makes several file calls (journal, pages, syncs, journal delete): all were tried.
    expect(calls).toBeGreaterThanOrEqual(5);
    expect(calls).toBeLessThan(200);
  });

  it("a fault that passes (one failed call) leaves the open store usable: the next batch is stored", () => {
    const { storeSpec, batch } = batches(3);
    const path = tempPath("transient.db");
    const store = openStore(path, storeSpec);
    try {
      store.writeRuns(batch(0));
      inject({ code, op: "write", times: 1 });
      expect(() => store.writeRuns(batch(1))).toThrow(StoreError);
      store.writeRuns(batch(2));
      expect(store.runs().map((r) => r.pointKey)).toEqual([...batch(0), ...batch(2)].map((r) => r.key));
    } finally {
      store.close();
    }
  });
});
