import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { LEASE_MS } from "../../../src/node/store/sqlite-lock.js";
import { openStore } from "../../../src/node/store/store.js";
import { smallSpec } from "../../sweep/fixtures.js";
import { setup, tempPath } from "./helpers.js";

const fixtures = new URL("./fixtures/", import.meta.url).pathname;

/**
 * Child: registers itself as a holder the way a learndyn process on host `argv[3]` (another pod on a
 * shared volume) does, writes pages of an uncommitted transaction into the file, then is killed.
 */
const CRASH_ON_OTHER_HOST = `
const { createRequire } = require("node:module");
const fs = require("node:fs");
const { Database } = createRequire(process.argv[1])("node-sqlite3-wasm");
const [path, host] = [process.argv[2], process.argv[3]];
fs.mkdirSync(path + ".holders", { recursive: true });
fs.writeFileSync(path + ".holders/" + process.pid + ".0.k1ll3d@" + host, "");
const db = new Database(path);
db.exec("PRAGMA journal_mode = DELETE; PRAGMA synchronous = FULL; PRAGMA cache_size = 2; BEGIN IMMEDIATE");
for (let i = 0; i < 300; i++)
  db.run("INSERT INTO runs (point_index, point_key, axis_values, seed_index, seed, config_hash, config, status, stop_reason, error, steps, scalars, history, seconds, finished_at) VALUES (?, ?, '[]', 0, 1, 'h', '{}', 'done', '', '', 1, '{}', ?, 0.5, 'now')", [1000 + i, "crash" + i, "x".repeat(2000)]);
process.kill(process.pid, "SIGKILL");
`;

function twoRunStore(name: string) {
  const { storeSpec, run } = setup(smallSpec());
  const path = tempPath(name);
  const store = openStore(path, storeSpec);
  store.writeRuns([run(0, 0), run(1, 0)]);
  store.close();
  return { path, storeSpec, run };
}

describe("store locks across hosts and containers", () => {
  it("a pod killed inside a commit on another host: its replacement resumes (no refusal, no lock to delete by hand)", () => {
    const { path, storeSpec, run } = twoRunStore("pod.db");
    const committed = readFileSync(path);
    const child = spawnSync(process.execPath, [
      "-e",
      CRASH_ON_OTHER_HOST,
      join(dirname(fixtures), "package.json"),
      path,
      "replaced-pod-0",
    ]);
    expect(child.signal, child.stderr.toString()).toBe("SIGKILL");
    expect(existsSync(`${path}.lock`)).toBe(true);
    expect(existsSync(`${path}-journal`)).toBe(true);
    // The replacement pod starts once the dead pod's lease has run out (its last touch was the kill).
    const [entry] = readdirSync(`${path}.holders`);
    const then = new Date(Date.now() - LEASE_MS - 1000);
    utimesSync(join(`${path}.holders`, entry), then, then);

    const resumed = openStore(path, storeSpec);
    try {
      expect(resumed.runs().map((r) => r.pointIndex)).toEqual([0, 1]);
      resumed.writeRun(run(2, 0));
      expect(resumed.runs()).toHaveLength(3);
    } finally {
      resumed.close();
    }
    expect(existsSync(`${path}.lock`)).toBe(false);
    expect(existsSync(`${path}-journal`)).toBe(false);
    expect(readFileSync(path).equals(committed)).toBe(false);
  });

  it("an entry with this process's pid but another token (an earlier container's pid 1) is dead", () => {
    const { path, storeSpec, run } = twoRunStore("pid1.db");
    mkdirSync(`${path}.lock`);
    mkdirSync(`${path}.holders`);
    writeFileSync(join(`${path}.holders`, `${process.pid}.0.oldbox@${hostname()}`), "");
    const store = openStore(path, storeSpec);
    try {
      store.writeRun(run(3, 0));
      expect(store.runs()).toHaveLength(3);
    } finally {
      store.close();
    }
  });

  it("a store a live process keeps locked: a clear message naming the file and the holder, not 'database is locked'", () => {
    const { path } = twoRunStore("busy.db");
    mkdirSync(`${path}.lock`);
    mkdirSync(`${path}.holders`);
    // The parent of this test process is alive on this host.
    writeFileSync(join(`${path}.holders`, `${process.ppid}.0.alive@${hostname()}`), "");
    expect(() => openStore(path)).toThrow(
      new RegExp(
        `${path} is locked by another learndyn process \\(pid ${process.ppid} on this host\\).*wait until it has finished`,
      ),
    );
  }, 60_000);
});
