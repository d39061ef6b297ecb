import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { PointResult, SweepRunStatus } from "../../sweep/run-point.js";
import { failuresSince, fileFailureMark } from "./file-faults.js";
import { type Leases, storeLeases } from "./leases.js";
import { readOnlyMediaCopy } from "./read-only-copy.js";
import { decodeRun, RUN_COLUMNS, runRow, type StoredRun } from "./run-rows.js";
import { checkedRun, quickCheck, salvageRows } from "./salvage.js";
import { SqliteDb } from "./sqlite-file.js";
import { convertWalToRollback, isWalDatabase } from "./sqlite-wal.js";
import { StoreError } from "./store-error.js";
import { writeError } from "./write-error.js";

export { decodeJson, encodeJson, type StoredRun } from "./run-rows.js";
export { StoreError } from "./store-error.js";

/**
 * A sweep's run store: one SQLite file holding one sweep spec and its runs, through SQLite compiled to
 * WebAssembly (node-sqlite3-wasm, no native addon: see sqlite-file.ts for why and what it adds). Rollback
 * journal with synchronous=FULL (WAL needs shared memory, which the WASM build lacks), one transaction per
 * batch of finished runs (writeRuns; the sweep runner's group commit), UNIQUE(point_key, seed_index): a
 * process killed at any moment (kill -9 included) loses at most its runs in flight and its open batch, and
 * running the same sweep again skips what is stored.
 */

export const STORE_FORMAT = "learndyn-sweep-store";
export const STORE_VERSION = "1";

/** The spec a store was made for. */
export interface StoreSpec {
  /** The sweep's name. */
  name: string;
  /** Spec hash (see planSweep): the store's identity. */
  specHash: string;
  /** The validated spec as JSON. */
  specJson: string;
}

/** The runs table (merge builds an in-memory one like it for a damaged input's salvaged runs). */
export const RUNS_TABLE = `CREATE TABLE runs (
  id INTEGER PRIMARY KEY,
  point_index INTEGER NOT NULL,
  point_key TEXT NOT NULL,
  axis_values TEXT NOT NULL,
  seed_index INTEGER NOT NULL,
  seed INTEGER NOT NULL,
  config_hash TEXT NOT NULL,
  config TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('done', 'stopped', 'diverged', 'failed')),
  stop_reason TEXT NOT NULL,
  error TEXT NOT NULL,
  steps INTEGER NOT NULL,
  scalars TEXT NOT NULL,
  history TEXT,
  seconds REAL NOT NULL,
  finished_at TEXT NOT NULL,
  UNIQUE (point_key, seed_index)
) STRICT`;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
${RUNS_TABLE};
CREATE INDEX runs_point ON runs (point_index, seed_index);
`;

type Db = SqliteDb;

/** An open store. Close it when done. */
export interface SweepStore {
  readonly path: string;
  readonly spec: StoreSpec;
  /** Keys "pointKey\u0000seedIndex" of stored runs (failed ones too unless `includeFailed` is false). */
  storedKeys(includeFailed?: boolean): Set<string>;
  /**
   * Number of stored runs whose point index is `shard.index` mod `shard.count` (all runs without a shard;
   * failed ones too unless `includeFailed` is false): one query, whatever the spec's size.
   */
  storedCount(includeFailed?: boolean, shard?: { index: number; count: number }): number;
  /** Writes one finished run in its own transaction; a stored non-failed run is never replaced. */
  writeRun(result: PointResult): void;
  /**
   * Writes several finished runs in one transaction (group commit: one fsync for all of them). All or
   * none are stored: a process killed mid-write leaves the store as it was before the call. Returns, per
   * run, whether it was stored (false: another process had stored it first); their leases are released.
   */
  writeRuns(results: readonly PointResult[]): boolean[];
  /**
   * This process's run leases (null when read-only): see leases.ts.
   * @internal the sweep runner's plumbing, not part of the documented API
   */
  readonly leases: Leases | null;
  /** Every stored run, ordered by point index then seed index. */
  runs(): StoredRun[];
  /** Number of stored runs by status. */
  counts(): Record<SweepRunStatus, number>;
  /**
   * What `PRAGMA quick_check` found wrong at open ([] for a sound store). A damaged store opens only
   * read-only, and then runs() and counts() hold what could be salvaged (see salvage.ts).
   */
  readonly damage: readonly string[];
  /** Runs of a damaged store that could not be read (known after runs() or counts(); 0 when sound). */
  readonly unreadable: number;
  /**
   * The underlying database (for merge).
   * @internal the store's plumbing, not part of the documented API
   */
  readonly db: Db;
  close(): void;
}

/** "pointKey\u0000seedIndex": the identity of a run in a store. */
export function runKey(pointKey: string, seedIndex: number): string {
  return `${pointKey}\u0000${seedIndex}`;
}

function fail(path: string, what: string): never {
  throw new StoreError(
    `${path} ${what}; the file was left untouched. Use another store path (--store), or move this file away.`,
  );
}

/** Checks that an open database is a learndyn store (or empty); closes it and throws if not. */
function checkStore(db: Db, path: string): boolean {
  let tables: string[];
  try {
    tables = db
      .all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .map((r) => r.name);
  } catch (e) {
    db.close();
    const message = (e as Error).message;
    if (/file is not a database|malformed/.test(message))
      fail(path, "is not a SQLite database (corrupt or another kind of file)");
    throw new StoreError(`cannot open store ${path}: ${message}`);
  }
  if (tables.length === 0) return true;
  if (!tables.includes("meta") || !tables.includes("runs")) {
    db.close();
    fail(path, `is a SQLite database but not a learndyn sweep store (its tables: ${tables.join(", ")})`);
  }
  let meta: Map<string, string>;
  try {
    meta = new Map(
      db.all<{ key: string; value: string }>("SELECT key, value FROM meta").map((r) => [r.key, r.value]),
    );
    const columns = db.all<{ name: string }>("PRAGMA table_info(runs)").map((r) => r.name);
    const missing = RUN_COLUMNS.filter((c) => !columns.includes(c));
    if (missing.length) {
      db.close();
      fail(path, `has a runs table without the columns ${missing.join(", ")} (a damaged or foreign store)`);
    }
  } catch (e) {
    if (e instanceof StoreError) throw e;
    db.close();
    fail(path, `has an unreadable schema (${(e as Error).message})`);
  }
  if (meta.get("format") !== STORE_FORMAT) {
    db.close();
    fail(
      path,
      `is not a learndyn sweep store (meta format is ${JSON.stringify(meta.get("format") ?? null)})`,
    );
  }
  if (meta.get("version") !== STORE_VERSION) {
    db.close();
    fail(
      path,
      `is a store of format version ${meta.get("version")}, this learndyn reads version ${STORE_VERSION}`,
    );
  }
  return false;
}

function connect(path: string, readonly: boolean, exclusive = false): Db {
  const copy = readonly ? readOnlyMediaCopy(path) : null;
  try {
    const db = new SqliteDb(copy?.path ?? path, { readOnly: readonly, mustExist: readonly, exclusive });
    if (copy) db.afterClose = copy.remove;
    return db;
  } catch (e) {
    copy?.remove();
    if (e instanceof StoreError) throw e;
    throw new StoreError(`cannot open store ${path}: ${(e as Error).message}`);
  }
}

/**
 * Opens the database and checks it is a learndyn store (or an empty file); never writes to a foreign
 * file. A store written by an older learndyn in WAL mode is checked first (read-only, exclusive lock),
 * then switched to the rollback journal when opened for writing; opened read-only (export, report, merge
 * inputs) it is read in that exclusive mode and left as it is, so reading never writes.
 */
function openChecked(path: string, readonly: boolean): { db: Db; empty: boolean } {
  if (existsSync(path) && statSync(path).isDirectory()) fail(path, "is a directory, not a store file");
  if (readonly && !existsSync(path)) throw new StoreError(`cannot open store ${path}: no such file`);
  if (isWalDatabase(path)) {
    const check = connect(path, true, true);
    if (readonly) return { db: check, empty: checkStore(check, path) };
    try {
      checkStore(check, path);
    } finally {
      check.close();
    }
    convertWalToRollback(path);
  }
  const db = connect(path, readonly);
  const empty = checkStore(db, path);
  return { db, empty };
}

function readSpec(db: Db, path: string): StoreSpec {
  const get = (key: string) =>
    db.get<{ value: string }>("SELECT value FROM meta WHERE key = ?", [key])?.value;
  const name = get("name");
  const specHash = get("spec_hash");
  const specJson = get("spec");
  if (name === undefined || specHash === undefined || specJson === undefined) {
    db.close();
    fail(path, "is a learndyn store without its spec (damaged)");
  }
  return { name, specHash, specJson };
}

/**
 * Opens a store. With `spec`, creates the store if the file is new or empty, and refuses one made from a
 * different spec; without `spec`, opens an existing store read-only (export, report, merge inputs).
 */
export function openStore(path: string, spec?: StoreSpec): SweepStore {
  const readonly = spec === undefined;
  const { db, empty } = openChecked(path, readonly);
  if (empty && readonly) {
    db.close();
    throw new StoreError(
      `${path} is an empty database, not a sweep store (run \`learndyn sweep … --store ${path}\`)`,
    );
  }
  let damage: string[];
  try {
    damage = quickCheck(db);
  } catch (e) {
    db.close();
    throw e;
  }
  if (damage.length > 0 && !readonly) {
    db.close();
    throw new StoreError(damagedMessage(path, damage));
  }
  try {
    if (!readonly) {
      // Rollback journal, every commit fsynced: crash safety over speed (a sweep writes one row per run).
      // WAL is not an option: node-sqlite3-wasm has no shared memory for the WAL index.
      db.exec("PRAGMA journal_mode = DELETE");
      db.exec("PRAGMA synchronous = FULL");
    }
    if (empty && spec) {
      db.transaction(() => {
        // Another process may have created it since we looked (two sweeps started at once).
        if (db.get("SELECT 1 AS x FROM sqlite_master WHERE name = 'meta'")) return;
        db.exec(SCHEMA);
        const put = (key: string, value: string) =>
          db.run("INSERT INTO meta (key, value) VALUES (?, ?)", [key, value]);
        put("format", STORE_FORMAT);
        put("version", STORE_VERSION);
        put("name", spec.name);
        put("spec_hash", spec.specHash);
        put("spec", spec.specJson);
        put("created_at", new Date().toISOString());
      });
    }
    const stored = readSpec(db, path);
    if (spec && stored.specHash !== spec.specHash) {
      throw new StoreError(
        `${path} holds sweep "${stored.name}" (spec hash ${stored.specHash}), not this spec "${spec.name}" (spec hash ${spec.specHash}); a store holds one spec. The file was left untouched: use another --store path for a changed spec.`,
      );
    }
    return wrap(db, path, stored, damage);
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Why a damaged store is refused for writing, and what to do. */
function damagedMessage(path: string, damage: readonly string[]): string {
  const salvaged = `${path.replace(/\.db$/, "")}.salvaged.db`;
  const more =
    damage.length > 1 ? ` and ${damage.length - 1} more problem${damage.length > 2 ? "s" : ""}` : "";
  return `${path} is damaged (PRAGMA quick_check: ${damage[0]}${more}); nothing was written to it and it was left untouched. Copy every readable run into a new store with \`learndyn merge ${path} -o ${salvaged}\` (it counts the runs that could not be read), then run the same sweep with --store ${salvaged}: it runs only what is missing.`;
}

function wrap(db: Db, path: string, spec: StoreSpec, damage: readonly string[]): SweepStore {
  const leases = db.readonly || db.holder === null ? null : storeLeases(db, db.holder);
  let salvaged: { runs: StoredRun[]; unreadable: number } | null = null;
  const salvage = () => {
    if (!salvaged) {
      const { rows, unreadable } = salvageRows(db);
      salvaged = { runs: rows.map(checkedRun), unreadable };
    }
    return salvaged;
  };
  const insert = db.readonly
    ? null
    : db.prepare(
        `INSERT INTO runs (${RUN_COLUMNS.join(", ")}) VALUES (${RUN_COLUMNS.map(() => "?").join(", ")})
         ON CONFLICT (point_key, seed_index) DO UPDATE SET ${RUN_COLUMNS.map((c) => `${c} = excluded.${c}`).join(", ")}
         WHERE runs.status = 'failed' AND excluded.status <> 'failed'`,
      );
  return {
    path,
    spec,
    db,
    damage,
    get unreadable() {
      return damage.length > 0 ? salvage().unreadable : 0;
    },
    storedKeys(includeFailed = true) {
      const rows = db.all<{ point_key: string; seed_index: number }>(
        `SELECT point_key, seed_index FROM runs${includeFailed ? "" : " WHERE status <> 'failed'"}`,
      );
      return new Set(rows.map((r) => runKey(r.point_key, r.seed_index)));
    },
    storedCount(includeFailed = true, shard) {
      const where = [
        ...(includeFailed ? [] : ["status <> 'failed'"]),
        ...(shard ? [`point_index % ${shard.count} = ${shard.index}`] : []),
      ];
      const sql = `SELECT count(*) AS n FROM runs${where.length ? ` WHERE ${where.join(" AND ")}` : ""}`;
      if (damage.length > 0) throw new StoreError(`store ${path} is damaged: its runs cannot be counted`);
      return db.get<{ n: number }>(sql)?.n ?? 0;
    },
    leases,
    writeRun(r) {
      this.writeRuns([r]);
    },
    writeRuns(results) {
      if (!insert) throw new StoreError(`store ${path} is open read-only`);
      if (results.length === 0) return [];
      const rows = results.map(runRow);
      const mark = fileFailureMark();
      try {
        return db.transaction(() => {
          leases?.release(results.map((r) => ({ key: r.key, seedIndex: r.seedIndex })));
          return rows.map((row) => insert.run(row).changes > 0);
        });
      } catch (e) {
        throw writeError(path, db, e as Error, failuresSince(mark, resolve(path)));
      }
    },
    runs() {
      if (damage.length > 0) return salvage().runs;
      const rows = db.all(
        "SELECT point_index, point_key, axis_values, seed_index, seed, config_hash, status, stop_reason, error, steps, scalars, history, seconds FROM runs ORDER BY point_index, seed_index",
      );
      return rows.map(decodeRun);
    },
    counts() {
      const out: Record<SweepRunStatus, number> = { done: 0, stopped: 0, diverged: 0, failed: 0 };
      if (damage.length > 0) {
        for (const r of salvage().runs) out[r.status]++;
        return out;
      }
      for (const r of db.all<{ status: SweepRunStatus; n: number }>(
        "SELECT status, count(*) AS n FROM runs GROUP BY status",
      ))
        out[r.status] = r.n;
      return out;
    },
    close() {
      db.close();
    },
  };
}
