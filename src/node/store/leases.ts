import type { SqliteDb } from "./sqlite-file.js";
import { holderAlive } from "./sqlite-lock.js";

/**
 * Leases: two sweep processes on one store share its work. Before computing runs, a process claims them
 * in the store (one transaction per chunk): a run is claimed when it is not stored as a finished run and
 * no live process holds a lease on it. A lease names its holder's entry in `<file>.holders/` and lasts as
 * long as that holder is alive, judged as for the lock (sqlite-lock.ts: the pid on this host, a 30 s lease
 * on an entry touched every 5 s on other hosts), so the runs of a killed process are taken over at once on
 * its host and after 30 s from another. Storing a run removes its lease in the same transaction.
 */

const TABLE = `CREATE TABLE IF NOT EXISTS leases (
  point_key TEXT NOT NULL,
  seed_index INTEGER NOT NULL,
  holder TEXT NOT NULL,
  PRIMARY KEY (point_key, seed_index)
) STRICT`;

/** A run to claim. */
export interface RunRef {
  key: string;
  seedIndex: number;
}

/** The leases of one process in one store. */
export interface Leases {
  /** Claims `runs` for this process; returns which could be claimed (same order). */
  claim(runs: readonly RunRef[], retryFailed: boolean): boolean[];
  /** Drops the leases of `runs` (inside the transaction that stores them). */
  release(runs: readonly RunRef[]): void;
  /** Drops every lease of this process (at the end of a sweep). */
  releaseAll(): void;
}

/** Leases of the connection `db` (writable, with a holder entry); creates the table if the store has none. */
export function storeLeases(db: SqliteDb, holder: string): Leases {
  db.exec(TABLE);
  const stored = db.prepare("SELECT status FROM runs WHERE point_key = ? AND seed_index = ?");
  const current = db.prepare("SELECT holder FROM leases WHERE point_key = ? AND seed_index = ?");
  const put = db.prepare(
    `INSERT INTO leases (point_key, seed_index, holder) VALUES (?, ?, ?)
     ON CONFLICT (point_key, seed_index) DO UPDATE SET holder = excluded.holder`,
  );
  const drop = db.prepare("DELETE FROM leases WHERE point_key = ? AND seed_index = ? AND holder = ?");
  const alive = new Map<string, boolean>();
  const isAlive = (name: string) => {
    if (!alive.has(name)) alive.set(name, holderAlive(db.path, name, holder));
    return alive.get(name) === true;
  };
  return {
    claim(runs, retryFailed) {
      alive.clear();
      return db.transaction(() =>
        runs.map((r) => {
          // all(), not get(): a statement left mid-result keeps its read lock after the commit.
          const [row] = stored.all([r.key, r.seedIndex]) as { status: string }[];
          if (row && (!retryFailed || row.status !== "failed")) return false;
          const [lease] = current.all([r.key, r.seedIndex]) as { holder: string }[];
          if (lease && lease.holder !== holder && isAlive(lease.holder)) return false;
          put.run([r.key, r.seedIndex, holder]);
          return true;
        }),
      );
    },
    release(runs) {
      for (const r of runs) drop.run([r.key, r.seedIndex, holder]);
    },
    releaseAll() {
      db.run("DELETE FROM leases WHERE holder = ?", [holder]);
    },
  };
}
