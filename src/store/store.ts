import { existsSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import type { PointResult, SweepRunStatus } from "../sweep/run-point.js";

/**
 * A sweep's run store: one SQLite file holding one sweep spec and its runs. WAL journal, one transaction
 * per finished run, UNIQUE(point_key, seed_index): a process killed at any moment (kill -9 included)
 * loses at most its runs in flight, and running the same sweep again skips what is stored.
 */

export const STORE_FORMAT = "learndyn-sweep-store";
export const STORE_VERSION = "1";

/** A problem with a store file (not a store, another spec, another format): the file is left untouched. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}

/** The spec a store was made for. */
export interface StoreSpec {
  /** The sweep's name. */
  name: string;
  /** Spec hash (see planSweep): the store's identity. */
  specHash: string;
  /** The validated spec as JSON. */
  specJson: string;
}

/** One stored run, as plain data (JSON columns decoded). */
export interface StoredRun {
  pointIndex: number;
  pointKey: string;
  values: unknown[];
  seedIndex: number;
  seed: number;
  configHash: string;
  status: SweepRunStatus;
  stopReason: string;
  error: string;
  steps: number;
  scalars: Record<string, number | null>;
  history: Record<string, number>[] | null;
  seconds: number;
}

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE runs (
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
) STRICT;
CREATE INDEX runs_point ON runs (point_index, seed_index);
`;

const RUN_COLUMNS = [
  "point_index",
  "point_key",
  "axis_values",
  "seed_index",
  "seed",
  "config_hash",
  "config",
  "status",
  "stop_reason",
  "error",
  "steps",
  "scalars",
  "history",
  "seconds",
  "finished_at",
];

const SPECIAL: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  "-Infinity": Number.NEGATIVE_INFINITY,
  "-0": -0,
};

/** JSON that keeps every float64 bit-exactly: NaN, ±Infinity and −0 become the strings "NaN", "Infinity", "-Infinity", "-0". */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v !== "number") return v;
    if (Number.isNaN(v)) return "NaN";
    if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
    return Object.is(v, -0) ? "-0" : v;
  });
}

/** Inverse of encodeJson. */
export function decodeJson(text: string): unknown {
  return JSON.parse(text, (_k, v) => (typeof v === "string" && Object.hasOwn(SPECIAL, v) ? SPECIAL[v] : v));
}

type Db = Database.Database;

/** An open store. Close it when done. */
export interface SweepStore {
  readonly path: string;
  readonly spec: StoreSpec;
  /** Keys "pointKey\u0000seedIndex" of stored runs (failed ones too unless `includeFailed` is false). */
  storedKeys(includeFailed?: boolean): Set<string>;
  /** Writes one finished run in its own transaction; a stored non-failed run is never replaced. */
  writeRun(result: PointResult): void;
  /** Every stored run, ordered by point index then seed index. */
  runs(): StoredRun[];
  /** Number of stored runs by status. */
  counts(): Record<SweepRunStatus, number>;
  /** The underlying database (for merge). */
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

/** Opens the database and checks it is a learndyn store (or an empty file); never writes to a foreign file. */
function openChecked(path: string, readonly: boolean): { db: Db; empty: boolean } {
  if (existsSync(path) && statSync(path).isDirectory()) fail(path, "is a directory, not a store file");
  let db: Db;
  let tables: string[];
  try {
    db = new Database(path, { readonly, fileMustExist: readonly });
    tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((r) => r.name);
  } catch (e) {
    const code = (e as { code?: string }).code ?? "";
    if (code === "SQLITE_CANTOPEN" && readonly)
      throw new StoreError(`cannot open store ${path}: no such file`);
    if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT")
      fail(path, "is not a SQLite database (corrupt or another kind of file)");
    throw new StoreError(`cannot open store ${path}: ${(e as Error).message}`);
  }
  if (tables.length === 0) return { db, empty: true };
  if (!tables.includes("meta") || !tables.includes("runs")) {
    db.close();
    fail(path, `is a SQLite database but not a learndyn sweep store (its tables: ${tables.join(", ")})`);
  }
  let meta: Map<string, string>;
  try {
    meta = new Map(
      (db.prepare("SELECT key, value FROM meta").all() as { key: string; value: string }[]).map((r) => [
        r.key,
        r.value,
      ]),
    );
    const columns = (db.prepare("PRAGMA table_info(runs)").all() as { name: string }[]).map((r) => r.name);
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
  return { db, empty: false };
}

function readSpec(db: Db, path: string): StoreSpec {
  const get = (key: string) =>
    (db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
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
  if (!readonly) {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 10000");
  }
  if (empty && spec) {
    db.transaction(() => {
      db.exec(SCHEMA);
      const put = db.prepare("INSERT INTO meta (key, value) VALUES (?, ?)");
      put.run("format", STORE_FORMAT);
      put.run("version", STORE_VERSION);
      put.run("name", spec.name);
      put.run("spec_hash", spec.specHash);
      put.run("spec", spec.specJson);
      put.run("created_at", new Date().toISOString());
    })();
  }
  const stored = readSpec(db, path);
  if (spec && stored.specHash !== spec.specHash) {
    db.close();
    throw new StoreError(
      `${path} holds sweep "${stored.name}" (spec hash ${stored.specHash}), not this spec "${spec.name}" (spec hash ${spec.specHash}); a store holds one spec. The file was left untouched: use another --store path for a changed spec.`,
    );
  }
  return wrap(db, path, stored);
}

function wrap(db: Db, path: string, spec: StoreSpec): SweepStore {
  const insert = db.readonly
    ? null
    : db.prepare(
        `INSERT INTO runs (${RUN_COLUMNS.join(", ")}) VALUES (${RUN_COLUMNS.map((c) => `@${c}`).join(", ")})
         ON CONFLICT (point_key, seed_index) DO UPDATE SET ${RUN_COLUMNS.map((c) => `${c} = excluded.${c}`).join(", ")}
         WHERE runs.status = 'failed' AND excluded.status <> 'failed'`,
      );
  const writeTx = insert ? db.transaction((row: Record<string, unknown>) => insert.run(row)) : null;
  return {
    path,
    spec,
    db,
    storedKeys(includeFailed = true) {
      const rows = db
        .prepare(`SELECT point_key, seed_index FROM runs${includeFailed ? "" : " WHERE status <> 'failed'"}`)
        .raw()
        .all() as [string, number][];
      return new Set(rows.map(([k, s]) => runKey(k, s)));
    },
    writeRun(r) {
      if (!writeTx) throw new StoreError(`store ${path} is open read-only`);
      writeTx({
        point_index: r.index,
        point_key: r.key,
        axis_values: encodeJson(r.values),
        seed_index: r.seedIndex,
        seed: r.seed,
        config_hash: r.configHash,
        config: encodeJson(r.config),
        status: r.status,
        stop_reason: r.stopReason,
        error: r.error,
        steps: r.steps,
        scalars: encodeJson(r.scalars),
        history: r.history === null ? null : encodeJson(r.history),
        seconds: r.seconds,
        finished_at: new Date().toISOString(),
      });
    },
    runs() {
      const rows = db
        .prepare(
          "SELECT point_index, point_key, axis_values, seed_index, seed, config_hash, status, stop_reason, error, steps, scalars, history, seconds FROM runs ORDER BY point_index, seed_index",
        )
        .all() as Record<string, unknown>[];
      return rows.map((r) => ({
        pointIndex: r.point_index as number,
        pointKey: r.point_key as string,
        values: decodeJson(r.axis_values as string) as unknown[],
        seedIndex: r.seed_index as number,
        seed: r.seed as number,
        configHash: r.config_hash as string,
        status: r.status as SweepRunStatus,
        stopReason: r.stop_reason as string,
        error: r.error as string,
        steps: r.steps as number,
        scalars: decodeJson(r.scalars as string) as Record<string, number | null>,
        history: r.history === null ? null : (decodeJson(r.history as string) as Record<string, number>[]),
        seconds: r.seconds as number,
      }));
    },
    counts() {
      const out: Record<SweepRunStatus, number> = { done: 0, stopped: 0, diverged: 0, failed: 0 };
      for (const r of db.prepare("SELECT status, count(*) AS n FROM runs GROUP BY status").all() as {
        status: SweepRunStatus;
        n: number;
      }[])
        out[r.status] = r.n;
      return out;
    },
    close() {
      if (db.open) db.close();
    },
  };
}
