import { existsSync, mkdirSync, readdirSync, rmdirSync, unlinkSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { StoreError } from "./store-error.js";

/**
 * The lock of node-sqlite3-wasm's VFS, and what it lacks. The VFS locks a database by making one
 * directory, `<file>.lock`, at any lock level, and removes it when the connection holds no lock (between
 * transactions). A process killed inside a transaction (kill -9, Ctrl-C) leaves it behind, and every later
 * open would wait forever. So each open registers its process in `<file>.holders/` (one empty file per
 * connection, "pid.seq@host", removed on close); a lock directory while no registered process is alive
 * on this host is stale and removed.
 */

/** How long an operation waits for another process's lock before failing ("database is locked"). */
export const BUSY_TIMEOUT_MS = 10_000;

const HOST = hostname();
let holderSeq = 0;

export const lockDir = (path: string) => `${path}.lock`;
const holdersDir = (path: string) => `${path}.holders`;

export function sleep(ms: number): void {
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
export function registerHolder(path: string): string | null {
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

export function unregisterHolder(path: string, name: string | null): void {
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
export function withLock<T>(path: string, self: string | null, f: () => T): T {
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
