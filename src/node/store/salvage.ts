import { statSync } from "node:fs";
import type { SweepRunStatus } from "../../sweep/run-point.js";
import { decodeJson, decodeRun, RUN_COLUMNS, type StoredRun } from "./run-rows.js";
import type { Row, SqliteDb } from "./sqlite-file.js";

/**
 * Damaged stores. SQLite keeps no page checksums, so a damaged page (a disk fault, a copy cut short, bytes
 * written into the file by something else) shows only when a query walks into it, often after more runs
 * were written on top. So every open runs `PRAGMA quick_check`: it reads every page of the file once
 * (the cost is one read of the file: 0.9 s for a 101 MB store of 48,000 runs in this WebAssembly build on
 * the loaded 2-core dev box, ~10 ms per MB; it grows with what is stored, never with the spec's size), checks the B-trees' structure and the NOT NULL/CHECK constraints, and skips only the comparison
 * of indexes with their table (integrity_check's expensive part).
 *
 * A damaged store is never written (see openStore). Readers salvage: each run is looked up by its row id
 * (1 … max id: rows are only ever inserted, so the ids are dense), which walks the table's B-tree from
 * its root and so reaches every leaf page whose path is intact, whatever else is broken; a row that errors
 * or does not decode counts as unreadable.
 */

/** The problems quick_check reports (at most `limit`), or [] for a sound file. */
export function quickCheck(db: SqliteDb, limit = 20): string[] {
  try {
    const rows = db.all<{ quick_check: string }>(`PRAGMA quick_check(${limit})`);
    const problems = rows.map((r) => String(r.quick_check)).filter((m) => m !== "ok");
    return problems.flatMap((m) => m.split("\n")).filter((m) => m && !m.startsWith("*** in database"));
  } catch (e) {
    return [(e as Error).message];
  }
}

/** What a salvage read: the readable rows (RUN_COLUMNS, raw) and how many rows could not be read. */
export interface Salvaged {
  rows: Row[];
  unreadable: number;
}

const STATUSES: ReadonlySet<SweepRunStatus> = new Set(["done", "stopped", "diverged", "failed"]);

/** A raw runs row as a stored run, checking every column's type (a damaged page can decode into anything). */
export function checkedRun(r: Row): StoredRun {
  const isInt = (v: unknown) => typeof v === "number" && Number.isInteger(v);
  const ok =
    isInt(r.point_index) &&
    typeof r.point_key === "string" &&
    isInt(r.seed_index) &&
    isInt(r.seed) &&
    typeof r.config_hash === "string" &&
    typeof r.config === "string" &&
    STATUSES.has(r.status as SweepRunStatus) &&
    typeof r.stop_reason === "string" &&
    typeof r.error === "string" &&
    isInt(r.steps) &&
    typeof r.scalars === "string" &&
    (r.history === null || typeof r.history === "string") &&
    typeof r.seconds === "number" &&
    typeof r.finished_at === "string";
  if (!ok) throw new Error("a column has the wrong type");
  decodeJson(r.config as string);
  const run = decodeRun(r);
  if (!Array.isArray(run.values) || typeof run.scalars !== "object" || run.scalars === null)
    throw new Error("undecodable JSON column");
  return run;
}

/** The largest row id, or an upper bound on it when the table's right edge is damaged. */
function maxRowId(db: SqliteDb): { max: number; exact: boolean } {
  try {
    return { max: db.get<{ m: number | null }>("SELECT max(id) AS m FROM runs")?.m ?? 0, exact: true };
  } catch {
    // Every row takes more than 64 bytes of the file (its JSON config alone does).
    return { max: Math.ceil(statSync(db.path).size / 64), exact: false };
  }
}

/**
 * Every readable row of a damaged store's runs table (see the module comment), in point and seed order,
 * each checked with checkedRun; a run present twice (a damaged page can repeat cells) is kept once.
 */
export function salvageRows(db: SqliteDb): Salvaged {
  const { max, exact } = maxRowId(db);
  const byKey = new Map<string, Row>();
  let unreadable = 0;
  let lastFound = 0;
  let failedSinceFound = 0;
  const select = `SELECT ${RUN_COLUMNS.join(", ")} FROM runs WHERE id = ?`;
  for (let id = 1; id <= max; id++) {
    // Without an exact maximum, stop after a long stretch of ids that hold nothing.
    if (!exact && id - lastFound > 10_000) break;
    try {
      const row = db.get(select, [id]);
      if (row === undefined) {
        if (exact) failedSinceFound++;
        continue;
      }
      checkedRun(row);
      const key = `${row.point_key}\u0000${row.seed_index}`;
      const seen = byKey.get(key);
      if (!seen || (seen.status === "failed" && row.status !== "failed")) byKey.set(key, row);
      lastFound = id;
      unreadable += failedSinceFound;
      failedSinceFound = 0;
    } catch {
      failedSinceFound++;
    }
  }
  // Ids after the last readable row count only when the maximum id was read (they then existed).
  if (exact) unreadable += failedSinceFound;
  const rows = [...byKey.values()].sort(
    (a, b) =>
      (a.point_index as number) - (b.point_index as number) ||
      (a.seed_index as number) - (b.seed_index as number),
  );
  return { rows, unreadable };
}
