import { readFileSync, writeFileSync } from "node:fs";
import sqlite from "node-sqlite3-wasm";
import { describe, expect, it } from "vitest";
import { decodeJson, encodeJson, openStore, runKey, StoreError } from "../../../src/node/store/store.js";
import { smallSpec } from "../../sweep/fixtures.js";
import { setup, tempPath } from "./helpers.js";

describe("sweep store", () => {
  it("creates a store, writes runs and reads them back", () => {
    const { storeSpec, run } = setup(smallSpec());
    const path = tempPath("a.db");
    const store = openStore(path, storeSpec);
    const r = run(0, 0);
    store.writeRun(r);
    store.writeRun(run(6, 1));
    const runs = store.runs();
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ pointIndex: 0, seedIndex: 0, status: "done", steps: 60, seed: r.seed });
    expect(runs[0].scalars).toEqual(r.scalars);
    expect(runs[0].history).toEqual(r.history);
    expect(runs[1].status).toBe("diverged");
    expect(store.counts()).toEqual({ done: 1, stopped: 0, diverged: 1, failed: 0 });
    expect(store.storedKeys().has(runKey(r.key, 0))).toBe(true);
    store.close();
    expect(openStore(path).runs()).toHaveLength(2);
  });

  it("never duplicates a run; a failed run is replaced by a finished one, never the reverse", () => {
    const { storeSpec, run } = setup(smallSpec());
    const store = openStore(tempPath("b.db"), storeSpec);
    const good = run(1, 0);
    const failed = { ...good, status: "failed" as const, error: "boom", scalars: { loss: null } };
    store.writeRun(failed);
    store.writeRun(failed);
    expect(store.runs()).toHaveLength(1);
    expect(store.storedKeys(false).size).toBe(0);
    store.writeRun(good);
    expect(store.runs()).toEqual([expect.objectContaining({ status: "done", error: "" })]);
    store.writeRun(failed);
    expect(store.runs()).toEqual([expect.objectContaining({ status: "done" })]);
    store.close();
  });

  it("writes a batch of runs in one transaction: all of them, or none when one row is refused", () => {
    const { storeSpec, run } = setup(smallSpec());
    const store = openStore(tempPath("batch.db"), storeSpec);
    store.writeRuns([run(0, 0), run(1, 0), run(2, 0)]);
    expect(store.runs().map((r) => r.pointIndex)).toEqual([0, 1, 2]);
    store.writeRuns([]);
    // A row SQLite refuses (a NOT NULL column given null) aborts the whole batch.
    const bad = { ...run(4, 0), key: null as unknown as string };
    expect(() => store.writeRuns([run(3, 0), bad])).toThrow();
    expect(store.runs().map((r) => r.pointIndex)).toEqual([0, 1, 2]);
    store.close();
  });

  it("refuses a store made from another spec, leaving it untouched", () => {
    const path = tempPath("c.db");
    openStore(path, setup(smallSpec()).storeSpec).close();
    const before = readFileSync(path);
    const other = setup(smallSpec({ seeds: 3 })).storeSpec;
    expect(() => openStore(path, other)).toThrow(/holds sweep "small" \(spec hash .*\), not this spec/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it("refuses a corrupt file and a foreign SQLite database without writing to them", () => {
    const { storeSpec } = setup(smallSpec());
    const junk = tempPath("junk.db");
    const bytes = Buffer.from("this is not a database at all, just text ".repeat(200));
    writeFileSync(junk, bytes);
    expect(() => openStore(junk, storeSpec)).toThrow(StoreError);
    expect(() => openStore(junk, storeSpec)).toThrow(/not a SQLite database.*left untouched/s);
    expect(() => openStore(junk)).toThrow(/not a SQLite database/);
    expect(readFileSync(junk).equals(bytes)).toBe(true);

    const foreign = tempPath("foreign.db");
    const db = new sqlite.Database(foreign);
    try {
      db.exec("CREATE TABLE people (name TEXT)");
    } finally {
      db.close();
    }
    const fb = readFileSync(foreign);
    expect(() => openStore(foreign, storeSpec)).toThrow(/not a learndyn sweep store \(its tables: people\)/);
    expect(readFileSync(foreign).equals(fb)).toBe(true);

    expect(() => openStore(tempPath("missing.db"))).toThrow(/no such file/);
  });

  it("keeps NaN, infinities and −0 in JSON columns", () => {
    const v = {
      a: Number.NaN,
      b: Number.POSITIVE_INFINITY,
      c: -Infinity,
      d: 1.5,
      e: null,
      f: -0,
      g: [0, -0],
    };
    expect(decodeJson(encodeJson(v))).toEqual(v);
  });
});
