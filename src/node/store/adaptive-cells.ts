import type { AdaptiveCell, CellReason } from "../../sweep/adaptive.js";
import type { SqliteDb } from "./sqlite-file.js";

/**
 * The cells of an adaptive sweep, as its store records them: one row per cell visited (coarse cells and
 * every descendant), with whether it was split and why. A level's cells are written in one transaction
 * after that level's runs are committed, so a store never records a cell whose corner runs it lacks; a
 * resumed refinement classifies the same cells again and adds only those not yet recorded.
 */

const TABLE = `CREATE TABLE IF NOT EXISTS adaptive_cells (
  level INTEGER NOT NULL,
  lo TEXT NOT NULL,
  size INTEGER NOT NULL,
  refined INTEGER NOT NULL,
  reason TEXT NOT NULL,
  PRIMARY KEY (level, lo)
) STRICT`;

/** Records one level's cells (those already recorded are kept as they are). */
export function writeAdaptiveCells(db: SqliteDb, cells: readonly AdaptiveCell[]): void {
  db.exec(TABLE);
  const put = db.prepare(
    "INSERT INTO adaptive_cells (level, lo, size, refined, reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
  );
  db.transaction(() => {
    for (const c of cells) put.run([c.level, JSON.stringify(c.lo), c.size, c.refined ? 1 : 0, c.reason]);
  });
}

/** The recorded cells, by level then low corner ([] for a store that recorded none). */
export function readAdaptiveCells(db: SqliteDb): AdaptiveCell[] {
  const table = db.get<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'adaptive_cells'",
  );
  if (!table) return [];
  return db
    .all<{ level: number; lo: string; size: number; refined: number; reason: string }>(
      "SELECT level, lo, size, refined, reason FROM adaptive_cells ORDER BY level, lo",
    )
    .map((r) => ({
      lo: JSON.parse(r.lo) as number[],
      size: r.size,
      level: r.level,
      refined: r.refined === 1,
      reason: r.reason as CellReason,
    }));
}
