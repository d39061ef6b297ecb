import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  rmdirSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import sqlite, { type Database, type RunResult, type Statement } from "node-sqlite3-wasm";

/**
 * SQLite files for the sweep store, through node-sqlite3-wasm: SQLite compiled to WebAssembly, reading and
 * writing the real file through node:fs. It ships as plain JS + .wasm with no install script, so
 * `npm ci` needs no C++ compiler, Python or download (better-sqlite3, used before, is a native addon that
 * fetches a prebuilt binary from outside the registry or compiles one with node-gyp).
 *
 * What the WASM build does not do, and what this module does instead:
 * - No shared memory, so no WAL: stores use a rollback journal (journal_mode=DELETE) with
 *   synchronous=FULL (every commit is fsynced: crash safety over speed, a sweep writes one row per run).
 *   A store written by an older learndyn in WAL mode is switched to the rollback journal when opened
 *   (SQLite reads a WAL file without shared memory in exclusive locking mode, committed WAL frames included).
 * - Its lock is one directory, `<file>.lock`, made for any lock level and removed when the connection
 *   holds no lock (between transactions). A process killed inside a transaction (kill -9, Ctrl-C) leaves
 *   it behind, and every later open would wait forever. So each open registers its process in
 *   `<file>.holders/` (removed on close); a lock directory while no registered process is alive on this
 *   host is stale and removed.
 * - Its xCheckReservedLock reports the lock directory that the asking connection made itself, so SQLite
 *   never rolls back a hot journal: a process killed while writing a commit into the database file would
 *   leave a torn file. So before SQLite reads the file, a leftover journal is played back here (the
 *   rollback-journal format of https://www.sqlite.org/fileformat2.html#rollbackjournal, checksums
 *   checked as SQLite does) while holding the lock directory.
 * - Prepared statements and connections are not garbage-collected: SqliteDb finalizes its statements
 *   and closes its connection in close(), which every caller runs in a finally block.
 */

const { Database: WasmDatabase } = sqlite;

/** A problem with a store file (not a store, another spec, another format): the file is left untouched. */
export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreError";
  }
}

/** How long an operation waits for another process's lock before failing ("database is locked"). */
export const BUSY_TIMEOUT_MS = 10_000;

const HOST = hostname();
let holderSeq = 0;

const lockDir = (path: string) => `${path}.lock`;
const holdersDir = (path: string) => `${path}.holders`;

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** A holder entry "pid.seq@host" names a live process (another host's processes count as alive). */
function holderAlive(name: string): boolean {
  const at = name.indexOf("@");
  const pid = Number(name.slice(0, name.indexOf(".")));
  if (at < 0 || name.slice(at + 1) !== HOST || !Number.isInteger(pid) || pid <= 0) return true;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Records this process as a user of `path`; returns the entry's name (null if the folder is read-only). */
function registerHolder(path: string): string | null {
  const dir = holdersDir(path);
  const name = `${process.pid}.${holderSeq++}@${HOST}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, name), "");
      for (const other of readdirSync(dir)) {
        if (!holderAlive(other)) unlinkSync(join(dir, other));
      }
      return name;
    } catch (e) {
      // ENOENT: another process removed the (empty) folder between our mkdir and write; try again.
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") return null;
    }
  }
  return null;
}

function unregisterHolder(path: string, name: string | null): void {
  if (name === null) return;
  try {
    unlinkSync(join(holdersDir(path), name));
  } catch {}
  try {
    rmdirSync(holdersDir(path)); // only when empty
  } catch {}
}

/**
 * Removes `<path>.lock` when no registered process but `self` can hold it (its holders were killed).
 * Returns whether it removed one.
 */
export function clearStaleLock(path: string, self: string | null): boolean {
  if (!existsSync(lockDir(path))) return false;
  let names: string[] = [];
  try {
    names = readdirSync(holdersDir(path));
  } catch {}
  let alive = false;
  for (const name of names) {
    if (name === self) continue;
    if (holderAlive(name)) alive = true;
    else {
      try {
        unlinkSync(join(holdersDir(path), name));
      } catch {}
    }
  }
  if (alive) return false;
  try {
    rmdirSync(lockDir(path));
    return true;
  } catch {
    return false;
  }
}

/** Runs `f` holding `<path>.lock` (the same lock node-sqlite3-wasm takes), waiting for other holders. */
function withLock<T>(path: string, self: string | null, f: () => T): T {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      mkdirSync(lockDir(path));
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      if (clearStaleLock(path, self)) continue;
      if (Date.now() > deadline) {
        throw new StoreError(
          `${path} is locked by another process (its lock folder ${lockDir(path)} stayed for ${BUSY_TIMEOUT_MS / 1000} s); if no learndyn process uses this store, remove that folder`,
        );
      }
      sleep(10);
    }
  }
  try {
    return f();
  } finally {
    try {
      rmdirSync(lockDir(path));
    } catch {}
  }
}

const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);
const isPow2 = (n: number, lo: number, hi: number) => n >= lo && n <= hi && (n & (n - 1)) === 0;

/**
 * Plays a hot rollback journal back into the database file, as SQLite's pager does: the first header's
 * original page count truncates the file, each record whose checksum holds restores its page; then the
 * journal is deleted. A journal without the magic (its header is written only once the records are
 * synced, so the database file was not touched yet) is just deleted. Call it holding the lock.
 * Returns the number of pages restored.
 */
export function playBackJournal(path: string): number {
  const journalPath = `${path}-journal`;
  const j = readFileSync(journalPath);
  let restored = 0;
  if (j.length >= 28 && j.subarray(0, 8).equals(JOURNAL_MAGIC)) {
    const sector = j.readUInt32BE(20);
    const pageSize = j.readUInt32BE(24);
    if (!isPow2(sector, 32, 65536) || !isPow2(pageSize, 512, 65536)) {
      throw new StoreError(
        `${path} has a rollback journal ${journalPath} with an invalid header (sector ${sector}, page ${pageSize}); the files were left untouched`,
      );
    }
    const fd = openSync(path, "r+");
    try {
      let keepPages = -1;
      let off = 0;
      segments: while (off + sector <= j.length && j.subarray(off, off + 8).equals(JOURNAL_MAGIC)) {
        let records = j.readUInt32BE(off + 8);
        const checksumInit = j.readUInt32BE(off + 12);
        if (keepPages < 0) keepPages = j.readUInt32BE(off + 16);
        off += sector;
        if (records === 0xffffffff) records = Math.floor((j.length - off) / (pageSize + 8));
        for (let i = 0; i < records; i++) {
          if (off + pageSize + 8 > j.length) break segments;
          const pageNo = j.readUInt32BE(off);
          const page = j.subarray(off + 4, off + 4 + pageSize);
          let sum = checksumInit;
          for (let k = pageSize - 200; k > 0; k -= 200) sum = (sum + page[k]) >>> 0;
          if (pageNo === 0 || sum !== j.readUInt32BE(off + 4 + pageSize)) break segments;
          if (pageNo <= keepPages) {
            writeSync(fd, page, 0, pageSize, (pageNo - 1) * pageSize);
            restored++;
          }
          off += pageSize + 8;
        }
        off = Math.ceil(off / sector) * sector;
      }
      if (keepPages >= 0 && fstatSync(fd).size > keepPages * pageSize)
        ftruncateSync(fd, keepPages * pageSize);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
  unlinkSync(journalPath);
  return restored;
}

/** Rolls back a journal left by a killed writer, if any (see playBackJournal). */
function recoverJournal(path: string, self: string | null): void {
  if (!existsSync(`${path}-journal`)) return;
  withLock(path, self, () => {
    // Holding the lock, a journal is hot: a live writer deletes its journal before it unlocks.
    if (existsSync(`${path}-journal`)) playBackJournal(path);
  });
}

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

export type SqlValue = number | bigint | string | Uint8Array | null;
export type Row = Record<string, SqlValue>;

/** One connection to a SQLite file (see the module comment). Close it. */
export class SqliteDb {
  readonly path: string;
  readonly readonly: boolean;
  private readonly db: Database;
  private readonly holder: string | null;
  private readonly statements = new Set<Statement>();
  /** Attached databases: schema name → file and holder entry. */
  private readonly attached = new Map<string, { path: string; holder: string | null }>();

  /**
   * Opens `path` (created unless `readOnly` or `mustExist`). `exclusive` keeps the lock for the whole
   * connection (needed to read a WAL-mode file without shared memory).
   */
  constructor(path: string, options: { readOnly: boolean; mustExist?: boolean; exclusive?: boolean }) {
    this.path = path;
    this.readonly = options.readOnly;
    this.holder = registerHolder(path);
    try {
      clearStaleLock(path, this.holder);
      recoverJournal(path, this.holder);
      this.db = new WasmDatabase(path, {
        readOnly: options.readOnly,
        fileMustExist: options.mustExist ?? false,
      });
    } catch (e) {
      unregisterHolder(path, this.holder);
      throw e;
    }
    try {
      if (options.exclusive) this.db.exec("PRAGMA locking_mode = EXCLUSIVE");
      this.db.exec(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`);
    } catch (e) {
      this.close();
      throw e;
    }
  }

  get open(): boolean {
    return this.db.isOpen;
  }

  /** Retries `f` once after removing a lock left by a killed process (and rolling back its journal). */
  private retrying<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (!/database is locked/.test((e as Error).message) || !clearStaleLock(this.path, this.holder))
        throw e;
      recoverJournal(this.path, this.holder);
      return f();
    }
  }

  exec(sql: string): void {
    this.retrying(() => this.db.exec(sql));
  }

  all<T = Row>(sql: string, values?: SqlValue[]): T[] {
    return this.retrying(() => this.db.all(sql, values) as T[]);
  }

  get<T = Row>(sql: string, values?: SqlValue[]): T | undefined {
    return this.retrying(() => (this.db.get(sql, values) as T | null) ?? undefined);
  }

  run(sql: string, values?: SqlValue[]): RunResult {
    return this.retrying(() => this.db.run(sql, values));
  }

  /** A statement kept until close() finalizes it. */
  prepare(sql: string): Statement {
    const statement = this.db.prepare(sql);
    this.statements.add(statement);
    return statement;
  }

  /** Runs `f` in one transaction (BEGIN IMMEDIATE … COMMIT; ROLLBACK if it throws). */
  transaction<T>(f: () => T): T {
    this.retrying(() => this.db.exec("BEGIN IMMEDIATE"));
    try {
      const result = f();
      this.db.exec("COMMIT");
      return result;
    } catch (e) {
      if (this.db.isOpen && this.db.inTransaction) this.db.exec("ROLLBACK");
      throw e;
    }
  }

  /** ATTACH DATABASE `path` AS `schema`, registering this process as its user until detach(). */
  attach(path: string, schema: string): void {
    const holder = registerHolder(path);
    try {
      clearStaleLock(path, holder);
      recoverJournal(path, holder);
      this.run(`ATTACH DATABASE ? AS ${schema}`, [path]);
    } catch (e) {
      unregisterHolder(path, holder);
      throw e;
    }
    this.attached.set(schema, { path, holder });
  }

  detach(schema: string): void {
    try {
      this.run(`DETACH DATABASE ${schema}`);
    } finally {
      const a = this.attached.get(schema);
      if (a) unregisterHolder(a.path, a.holder);
      this.attached.delete(schema);
    }
  }

  /** Finalizes the statements, closes the connection, unregisters the holder; a no-op when closed. */
  close(): void {
    if (!this.db.isOpen) return;
    try {
      for (const statement of this.statements) {
        if (statement.isFinalized) continue;
        // sqlite3_finalize returns the statement's last error again (a refused insert that the caller
        // already saw and rolled back): that is no reason to leave the connection open.
        try {
          statement.finalize();
        } catch {}
      }
    } finally {
      this.statements.clear();
      try {
        this.db.close();
      } finally {
        for (const a of this.attached.values()) unregisterHolder(a.path, a.holder);
        this.attached.clear();
        unregisterHolder(this.path, this.holder);
      }
    }
  }
}
