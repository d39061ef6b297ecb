import { closeSync, existsSync, openSync, readSync, unlinkSync } from "node:fs";
import { SqliteDb } from "./sqlite-file.js";
import { StoreError } from "./store-error.js";

/**
 * Stores written by an older learndyn (better-sqlite3, WAL journal). The WASM build has no shared memory,
 * so no WAL: such a store is read once in exclusive locking mode (which needs no shared memory; SQLite
 * reads committed WAL frames then) and switched to the rollback journal.
 */

/** Whether `path` is a SQLite database file in WAL mode (its header's read/write versions are 2). */
export function isWalDatabase(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return false;
  }
  try {
    const header = Buffer.alloc(20);
    if (readSync(fd, header, 0, 20, 0) < 20) return false;
    return (
      header.subarray(0, 16).toString("latin1") === "SQLite format 3\u0000" &&
      (header[18] === 2 || header[19] === 2)
    );
  } finally {
    closeSync(fd);
  }
}

/**
 * Switches a WAL-mode database to the rollback journal (its WAL is checkpointed into the file first).
 * Throws a StoreError saying what to do when it cannot (read-only file or folder).
 */
export function convertWalToRollback(path: string): void {
  let db: SqliteDb | null = null;
  try {
    db = new SqliteDb(path, { readOnly: false, exclusive: true });
    db.get("PRAGMA journal_mode = DELETE");
  } catch (e) {
    throw new StoreError(
      `${path} was written by an older learndyn in SQLite's WAL journal mode, which this version cannot use, and switching it to a rollback journal failed (${(e as Error).message}). Make the file and its folder writable and open it again, or run \`sqlite3 ${path} 'PRAGMA journal_mode=DELETE'\`.`,
    );
  } finally {
    db?.close();
  }
  if (!existsSync(`${path}-wal`)) {
    try {
      unlinkSync(`${path}-shm`); // the old process's shared-memory index, unused from now on
    } catch {}
  }
}
