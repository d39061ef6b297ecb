import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../../src/node/store/store.js";
import { smallSpec } from "../../sweep/fixtures.js";
import { setup, tempPath } from "./helpers.js";

const fixtures = new URL("./fixtures/", import.meta.url).pathname;

/** Child: opens the store, writes pages of an uncommitted transaction into the file, then kills itself. */
const CRASH = `
const { createRequire } = require("node:module");
const { Database } = createRequire(process.argv[1])("node-sqlite3-wasm");
const db = new Database(process.argv[2]);
db.exec("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA cache_size = 2; BEGIN IMMEDIATE");
for (let i = 0; i < 300; i++)
  db.run("INSERT INTO runs (point_index, point_key, axis_values, seed_index, seed, config_hash, config, status, stop_reason, error, steps, scalars, history, seconds, finished_at) VALUES (?, ?, '[]', 0, 1, 'h', '{}', 'done', '', '', 1, '{}', ?, 0.5, 'now')", [1000 + i, "crash" + i, "x".repeat(2000)]);
process.kill(process.pid, "SIGKILL");
`;

describe("a store whose writer was killed inside a transaction", () => {
  it("removes the stale lock, rolls the hot journal back and reads the last committed state", () => {
    const { storeSpec, run } = setup(smallSpec());
    const path = tempPath("crash.db");
    const store = openStore(path, storeSpec);
    store.writeRun(run(0, 0));
    store.writeRun(run(1, 0));
    store.close();
    const committed = readFileSync(path);

    const child = spawnSync(process.execPath, ["-e", CRASH, join(dirname(fixtures), "package.json"), path]);
    expect(child.signal, child.stderr.toString()).toBe("SIGKILL");
    // What the killed process left: its lock folder, a hot journal, pages of the transaction in the file.
    expect(existsSync(`${path}.lock`)).toBe(true);
    expect(readFileSync(`${path}-journal`).subarray(0, 8).toString("hex")).toBe("d9d505f920a163d7");
    expect(statSync(path).size).toBeGreaterThan(committed.length);
    expect(readFileSync(path).equals(committed)).toBe(false);

    const reopened = openStore(path);
    try {
      expect(reopened.runs().map((r) => r.pointIndex)).toEqual([0, 1]);
      expect(reopened.db.get("PRAGMA integrity_check")).toEqual({ integrity_check: "ok" });
    } finally {
      reopened.close();
    }
    expect(readFileSync(path).equals(committed)).toBe(true);
    expect(existsSync(`${path}-journal`)).toBe(false);
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(existsSync(`${path}.holders`)).toBe(false);

    // and the sweep goes on
    const resumed = openStore(path, storeSpec);
    try {
      resumed.writeRun(run(2, 0));
      expect(resumed.counts().done + resumed.counts().diverged).toBe(3);
    } finally {
      resumed.close();
    }
  });
});
