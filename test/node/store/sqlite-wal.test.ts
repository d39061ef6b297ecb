import { copyFileSync, existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import sqlite from "node-sqlite3-wasm";
import { describe, expect, it } from "vitest";
import { isWalDatabase } from "../../../src/node/store/sqlite-wal.js";
import { openStore } from "../../../src/node/store/store.js";
import { smallSpec } from "../../sweep/fixtures.js";
import { setup, tempPath } from "./helpers.js";

const fixtures = new URL("./fixtures/", import.meta.url).pathname;

/** Copies fixture `name` (and its -wal/-shm files with `sidecars`) to a temporary folder. */
function copyFixture(name: string, sidecars = false): string {
  const path = tempPath(name);
  copyFileSync(join(fixtures, name), path);
  if (sidecars) for (const s of ["-wal", "-shm"]) copyFileSync(join(fixtures, name + s), path + s);
  return path;
}

/** Reads the fixture's runs read-only; returns its spec. */
function expectFixtureRuns(path: string) {
  const store = openStore(path);
  try {
    expect(store.spec.name).toBe("walfixture");
    const runs = store.runs();
    expect(runs.map((r) => [r.pointIndex, r.seedIndex, r.status])).toEqual([
      [0, 0, "done"],
      [1, 0, "done"],
      [6, 1, "diverged"],
      [8, 1, "diverged"],
    ]);
    expect(runs[0].history?.length).toBeGreaterThan(0);
    expect(store.db.get("PRAGMA integrity_check")).toEqual({ integrity_check: "ok" });
    return store.spec;
  } finally {
    store.close();
  }
}

/** The bytes of the store file and its -wal/-shm files (absent ones as null). */
function filesOf(path: string): (Buffer | null)[] {
  return ["", "-wal", "-shm"].map((s) => (existsSync(path + s) ? readFileSync(path + s) : null));
}

/** Opening read-only writes nothing; opening for writing then switches the store to the rollback journal. */
function expectReadOnlyThenConverted(path: string) {
  const before = filesOf(path);
  const spec = expectFixtureRuns(path);
  expect(filesOf(path)).toEqual(before);
  expect(isWalDatabase(path)).toBe(true);
  openStore(path, spec).close();
  expect(isWalDatabase(path)).toBe(false);
  expectFixtureRuns(path);
}

describe("store files written by the previous (better-sqlite3, WAL) store", () => {
  it("reads a WAL store closed cleanly without writing; opened for writing, switches it to the rollback journal and resumes it", () => {
    const path = copyFixture("wal-closed.db");
    expect(isWalDatabase(path)).toBe(true);
    expectReadOnlyThenConverted(path);
    expect(existsSync(`${path}-wal`)).toBe(false);
    // resume: the same spec (hash read from the store) takes new runs
    const spec = expectFixtureRuns(path);
    const { run } = setup({ ...smallSpec(), name: "walfixture" });
    const store = openStore(path, spec);
    try {
      store.writeRun(run(2, 0));
      expect(store.runs()).toHaveLength(5);
    } finally {
      store.close();
    }
  });

  it("reads the runs committed only in the WAL of a killed store without writing, and keeps them when converting", () => {
    const path = copyFixture("wal-killed.db", true);
    expect(statSync(path).size).toBe(4096); // schema page only: the runs are in the WAL
    expectReadOnlyThenConverted(path);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(`${path}-shm`)).toBe(false);
  });

  it("leaves a foreign WAL-mode database untouched", () => {
    const path = tempPath("foreign-wal.db");
    const db = new sqlite.Database(path);
    try {
      db.exec("PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; CREATE TABLE people (name TEXT)");
    } finally {
      db.close();
    }
    expect(isWalDatabase(path)).toBe(true);
    const bytes = readFileSync(path);
    expect(() => openStore(path)).toThrow(/not a learndyn sweep store \(its tables: people\).*untouched/s);
    expect(() => openStore(path, setup(smallSpec()).storeSpec)).toThrow(/not a learndyn sweep store/);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});
