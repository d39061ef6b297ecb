import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mergeStores } from "../../src/node/store/merge.js";
import { openStore } from "../../src/node/store/store.js";
import { runSweep } from "../../src/node/sweep-runner.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { mixedSpec, smallSpec } from "../sweep/fixtures.js";
import { comparable, tempPath } from "./store/helpers.js";

const spec = parseSweepSpec(smallSpec());

describe("runSweep (in this thread)", () => {
  it("runs every point × seed once; running again resumes without redoing or duplicating", async () => {
    const path = tempPath("full.db");
    const first = await runSweep({ spec, storePath: path, workers: 0 });
    expect(first.ran.done + first.ran.diverged).toBe(18);
    expect(first.ran.diverged).toBe(6);
    expect(first.stored).toBe(18);
    const again = await runSweep({ spec, storePath: path, workers: 0 });
    expect(again.skipped).toBe(18);
    expect(again.ran).toEqual({ done: 0, stopped: 0, diverged: 0, failed: 0 });
    expect(openStore(path).runs()).toHaveLength(18);
  });

  it("an interrupted sweep resumed equals an uninterrupted one", async () => {
    const whole = tempPath("whole.db");
    await runSweep({ spec, storePath: whole, workers: 0 });
    const parts = tempPath("parts.db");
    for (const limit of [5, 4, 100]) await runSweep({ spec, storePath: parts, workers: 0, limit });
    expect(comparable(openStore(parts).runs())).toEqual(comparable(openStore(whole).runs()));
  });

  it("shards 0..N−1 merged equal the unsharded sweep", async () => {
    const whole = tempPath("whole.db");
    await runSweep({ spec, storePath: whole, workers: 0 });
    const shards = [0, 1, 2, 3].map((i) => tempPath(`s${i}.db`));
    const sizes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const s = await runSweep({ spec, storePath: shards[i], workers: 0, shard: { index: i, count: 4 } });
      sizes.push(s.shardRuns);
    }
    expect(sizes).toEqual([6, 4, 4, 4]);
    const all = tempPath("all.db");
    mergeStores(shards, all);
    expect(comparable(openStore(all).runs())).toEqual(comparable(openStore(whole).runs()));
  });

  it("refuses more than 100,000 runs without confirmation, before creating a store", async () => {
    const huge = parseSweepSpec({
      name: "huge",
      axes: [
        { field: "optimizer.lr", range: { from: 0.001, to: 1, count: 1000 } },
        { field: "init.scale", range: { from: 0.001, to: 1, count: 1_000_000 } },
      ],
    });
    const path = tempPath("huge.db");
    await expect(runSweep({ spec: huge, storePath: path, workers: 0 })).rejects.toThrow(
      /1,000,000,000 runs, more than 100,000; pass --yes/,
    );
    expect(existsSync(path)).toBe(false);
  });

  it("an invalid combination is stored as failed with the axis and value named", async () => {
    const bad = parseSweepSpec({
      name: "bad-combo",
      base: { train: { steps: 5 } },
      combine: "zip",
      axes: [
        { field: "optimizer.kind", values: ["gd", "sgd"] },
        { field: "optimizer.nesterov", values: [false, true] },
      ],
    });
    const path = tempPath("bad.db");
    // zip points are all checked up front, so the bad one is refused before running
    await expect(runSweep({ spec: bad, storePath: path, workers: 0 })).rejects.toThrow(
      /nesterov needs momentum/,
    );
  });
});

describe("runSweep batched", () => {
  const mixed = parseSweepSpec(mixedSpec());

  it("stores the same rows with batching on (several batch sizes) and off", async () => {
    const off = tempPath("off.db");
    await runSweep({ spec: mixed, storePath: off, workers: 0, batch: { enabled: false } });
    const reference = comparable(openStore(off).runs());
    expect(reference).toHaveLength(24);
    expect(new Set(reference.map((r) => r.status))).toEqual(new Set(["done", "diverged"]));
    for (const maxRuns of [undefined, 4, 256]) {
      const on = tempPath("on.db");
      await runSweep({ spec: mixed, storePath: on, workers: 0, batch: { maxRuns } });
      expect(comparable(openStore(on).runs())).toEqual(reference);
    }
  });

  it("resumes a batched sweep stopped part-way (limit) to the same rows, each run once", async () => {
    const whole = tempPath("whole.db");
    await runSweep({ spec: mixed, storePath: whole, workers: 0, batch: { enabled: false } });
    const parts = tempPath("parts.db");
    for (const limit of [7, 5, 100]) {
      await runSweep({ spec: mixed, storePath: parts, workers: 0, limit, batch: { maxRuns: 256 } });
    }
    expect(comparable(openStore(parts).runs())).toEqual(comparable(openStore(whole).runs()));
  });
});
