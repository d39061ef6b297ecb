import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { mergeStores } from "../../../src/node/store/merge.js";
import { openStore, StoreError } from "../../../src/node/store/store.js";
import { smallSpec } from "../../sweep/fixtures.js";
import { damageMiddle, setup, storeOfRuns, tempPath } from "./helpers.js";

describe("damaged stores", () => {
  it("a sound store passes the check and reads in full", () => {
    const path = tempPath("sound.db");
    storeOfRuns(path, 120);
    const store = openStore(path);
    expect(store.damage).toEqual([]);
    expect(store.runs()).toHaveLength(120);
    expect(store.unreadable).toBe(0);
    store.close();
  });

  it("4 KB of garbage mid-file of a 600-run store: refused for writing, untouched; readers salvage and count the rest", () => {
    const path = tempPath("damaged.db");
    const written = storeOfRuns(path, 600);
    damageMiddle(path);
    const before = readFileSync(path);

    const { storeSpec } = setup(smallSpec());
    expect(() => openStore(path, storeSpec)).toThrow(StoreError);
    expect(() => openStore(path, storeSpec)).toThrow(
      new RegExp(
        `${path} is damaged \\(PRAGMA quick_check: .*nothing was written.*learndyn merge ${path} -o`,
      ),
    );
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-journal`)).toBe(false);

    const store = openStore(path);
    const runs = store.runs();
    expect(store.damage.length).toBeGreaterThan(0);
    // Every readable run is salvaged intact, and what is missing is counted.
    expect(runs.length + store.unreadable).toBe(600);
    expect(runs.length).toBeGreaterThan(500);
    expect(store.unreadable).toBeGreaterThan(0);
    const byKey = new Map(written.map((r) => [r.key, r]));
    for (const r of runs) expect(r.scalars).toEqual(byKey.get(r.pointKey)?.scalars);
    expect(Object.values(store.counts()).reduce((a, b) => a + b, 0)).toBe(runs.length);
    const unreadable = store.unreadable;
    store.close();

    const out = tempPath("salvaged.db");
    const summary = mergeStores([path], out);
    expect(summary.inputs[0]).toMatchObject({ runs: runs.length, added: runs.length, unreadable });
    expect(summary.total).toBe(runs.length);
    const salvaged = openStore(out, storeSpec);
    expect(salvaged.damage).toEqual([]);
    expect(salvaged.runs().map((r) => r.pointKey)).toEqual(runs.map((r) => r.pointKey));
    salvaged.close();
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
