import { createRequire } from "node:module";
import type { Database, RunResult, Statement } from "node-sqlite3-wasm";
import { watchFileCalls } from "./file-faults.js";
import { recoverJournal } from "./sqlite-journal.js";
import {
  awaitStaleLock,
  BUSY_TIMEOUT_MS,
  clearStaleLock,
  lockedError,
  registerHolder,
  renewHolder,
  unregisterHolder,
} from "./sqlite-lock.js";

/**
 * SQLite files for the sweep store, through node-sqlite3-wasm: SQLite compiled to WebAssembly, reading and
 * writing the real file through node:fs. It ships as plain JS + .wasm with no install script, so
 * `npm ci` needs no C++ compiler, Python or download (better-sqlite3, used before, is a native addon that
 * fetches a prebuilt binary from outside the registry or compiles one with node-gyp).
 *
 * What the WASM build does not do is done next to this file: stale locks of killed processes
 * (sqlite-lock.ts), rolling back their hot journals (sqlite-journal.ts), reading WAL-mode stores of older
 * versions (sqlite-wal.ts). Prepared statements and connections are not garbage-collected: SqliteDb
 * finalizes its statements and closes its connection in close(), which every caller runs in a finally.
 *
 * The module is loaded on the first open, not at start-up: instantiating it reserves WebAssembly memory,
 * which fails under a low `ulimit -v`, and only the store commands need it.
 */

type WasmModule = { Database: typeof Database };
let wasm: WasmModule | null = null;

/** node-sqlite3-wasm, loaded (and its WebAssembly instantiated) on first use. */
function sqliteModule(): WasmModule {
  if (!wasm) {
    // Before the module binds node:fs: its file calls are watched so a failed write can name its errno.
    watchFileCalls();
    try {
      wasm = createRequire(import.meta.url)("node-sqlite3-wasm") as WasmModule;
    } catch (e) {
      throw new Error(
        `cannot load SQLite (node-sqlite3-wasm) for the sweep store: ${(e as Error).message}` +
          (/memory/i.test((e as Error).message)
            ? " (WebAssembly needs a few GB of address space: raise `ulimit -v`)"
            : ""),
      );
    }
  }
  return wasm;
}

export type SqlValue = number | bigint | string | Uint8Array | null;
export type Row = Record<string, SqlValue>;

/** One connection to a SQLite file (see the module comment). Close it. */
export class SqliteDb {
  readonly path: string;
  readonly readonly: boolean;
  private readonly db: Database;
  /** This connection's entry in `<file>.holders/` (null when its folder is read-only). */
  readonly holder: string | null;
  private readonly statements = new Set<Statement>();
  /** Attached databases: schema name → file and holder entry. */
  private readonly attached = new Map<
    string,
    { path: string; holder: string | null; onDetach?: () => void }
  >();

  /**
   * Opens `path` (created unless `readOnly` or `mustExist`). `exclusive` keeps the lock for the whole
   * connection (needed to read a WAL-mode file without shared memory).
   */
  constructor(path: string, options: { readOnly: boolean; mustExist?: boolean; exclusive?: boolean }) {
    this.path = path;
    this.readonly = options.readOnly;
    this.holder = registerHolder(path);
    try {
      awaitStaleLock(path, this.holder);
      recoverJournal(path, this.holder);
      this.db = new (sqliteModule().Database)(path, {
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

  /** Called once the connection is closed (a read-only snapshot removes its temporary copy). */
  afterClose: (() => void) | null = null;

  get open(): boolean {
    return this.db.isOpen;
  }

  /** Retries `f` once after removing a lock left by a killed process (and rolling back its journal). */
  private retrying<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (!/database is locked/.test((e as Error).message)) throw e;
      if (!clearStaleLock(this.path, this.holder) && !awaitStaleLock(this.path, this.holder))
        throw lockedError(this.path, this.holder);
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

  /**
   * A statement kept until close() finalizes it. Its get() resets the statement after the first row: a
   * statement left mid-result keeps its read lock (the store's `.lock` folder) after any commit, and
   * every other process on the store then waits for it.
   */
  prepare(sql: string): Statement {
    const statement = this.db.prepare(sql);
    this.statements.add(statement);
    statement.get = (values, options) => {
      const rows = statement.iterate(values, options);
      const first = rows.next();
      // node-sqlite3-wasm has no public reset; its internal one is used when present, else the rest is read.
      const reset = (statement as unknown as { _reset?: () => boolean })._reset;
      if (reset) reset.call(statement);
      else for (const _ of rows);
      return first.done ? null : first.value;
    };
    return statement;
  }

  /** Runs `f` in one transaction (BEGIN IMMEDIATE … COMMIT; ROLLBACK if it throws). */
  transaction<T>(f: () => T): T {
    // A fresh lease before taking the lock: another host never takes a live writer's lock for stale.
    renewHolder(this.path, this.holder);
    this.retrying(() => this.db.exec("BEGIN IMMEDIATE"));
    try {
      const result = f();
      this.db.exec("COMMIT");
      return result;
    } catch (e) {
      // A rollback that fails too (a full disk) leaves the journal, played back at the next open: the
      // first error is the one to report.
      try {
        if (this.db.isOpen && this.db.inTransaction) this.db.exec("ROLLBACK");
      } catch {}
      this.resetStatements();
      throw e;
    }
  }

  /**
   * Resets the kept statements after a failed transaction: sqlite3_reset returns a statement's last step
   * error once, and node-sqlite3-wasm refuses to bind a statement whose reset fails, so without this one
   * failed write (a disk full for a moment) made every later write of the open store fail with "Could not
   * reset statement prior to binding new values".
   */
  private resetStatements(): void {
    for (const statement of this.statements) {
      const reset = (statement as unknown as { _reset?: () => boolean })._reset;
      if (statement.isFinalized || !reset) continue;
      try {
        reset.call(statement);
      } catch {}
    }
  }

  /**
   * ATTACH DATABASE `path` AS `schema` (":memory:" for an in-memory one), registering this process as
   * its user until detach(), which then calls `onDetach`.
   */
  attach(path: string, schema: string, onDetach?: () => void): void {
    const holder = path === ":memory:" ? null : registerHolder(path);
    try {
      if (path !== ":memory:") {
        clearStaleLock(path, holder);
        recoverJournal(path, holder);
      }
      this.run(`ATTACH DATABASE ? AS ${schema}`, [path]);
    } catch (e) {
      unregisterHolder(path, holder);
      throw e;
    }
    this.attached.set(schema, { path, holder, onDetach });
  }

  detach(schema: string): void {
    try {
      this.run(`DETACH DATABASE ${schema}`);
    } finally {
      const a = this.attached.get(schema);
      this.attached.delete(schema);
      if (a) {
        unregisterHolder(a.path, a.holder);
        a.onDetach?.();
      }
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
        for (const a of this.attached.values()) {
          unregisterHolder(a.path, a.holder);
          a.onDetach?.();
        }
        this.attached.clear();
        unregisterHolder(this.path, this.holder);
        this.afterClose?.();
      }
    }
  }
}
