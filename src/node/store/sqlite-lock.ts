import {
  existsSync,
  mkdirSync,
  readdirSync,
  rmdirSync,
  statSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { StoreError } from "./store-error.js";

/**
 * The lock of node-sqlite3-wasm's VFS, and what it lacks. The VFS locks a database by making one
 * directory, `<file>.lock`, at any lock level, and removes it when the connection holds no lock (between
 * transactions). A process killed inside a transaction (kill -9, Ctrl-C, a pod replaced) leaves it behind,
 * and every later open would wait forever. So each open registers its process in `<file>.holders/` (one
 * empty file per connection, "pid.seq.token@host", removed on close), and a lock directory is stale when
 * no registered holder is alive:
 * - on this host, a holder is alive while its pid runs, except an entry with this process's pid but
 *   another token (a process of an earlier container that had the same pid, often 1);
 * - on another host (a shared volume), pids cannot be asked, so each holder keeps a lease: its process
 *   touches its entries every LEASE_MS / 6 and before each transaction, and an entry untouched for
 *   LEASE_MS is dead. Ages are measured against this process's own freshly touched entry, i.e. on the
 *   file server's clock, so clock skew between hosts does not matter.
 * A process that finds the lock held only by holders whose lease is running out waits for it (at most
 * LEASE_MS, saying so on stderr once) instead of failing: a pod that replaces a killed one resumes alone.
 */

/** How long an operation waits for a live process's lock before failing ("database is locked"). */
export const BUSY_TIMEOUT_MS = 10_000;
/** A holder on another host whose entry was not touched for this long is dead. */
export const LEASE_MS = 30_000;

const HOST = hostname();
const TOKEN = Math.random().toString(36).slice(2, 10);
let holderSeq = 0;

export const lockDir = (path: string) => `${path}.lock`;
const holdersDir = (path: string) => `${path}.holders`;

export function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** This process's entries (path of the entry file), touched by the heartbeat. */
const mine = new Set<string>();
let heartbeat: ReturnType<typeof setInterval> | null = null;

function touch(entry: string): void {
  try {
    const now = new Date();
    utimesSync(entry, now, now);
  } catch {}
}

/** Renews the lease of this process's entry `name` for `path` (before a transaction). */
export function renewHolder(path: string, name: string | null): void {
  if (name !== null) touch(join(holdersDir(path), name));
}

/** A holder entry's parts; entries of older versions ("pid.seq@host") have no token. */
function parseHolder(name: string): { pid: number; token: string | null; host: string } | null {
  const m = /^(\d+)\.\d+(?:\.([a-z0-9]+))?@(.*)$/.exec(name);
  return m ? { pid: Number(m[1]), token: m[2] ?? null, host: m[3] } : null;
}

/** Milliseconds since `entry` was touched, on the clock of the file system holding `path`'s folder. */
function leaseAge(path: string, entry: string, self: string | null): number {
  try {
    const mtime = statSync(join(holdersDir(path), entry)).mtimeMs;
    let now = Date.now();
    if (self !== null) {
      renewHolder(path, self);
      now = statSync(join(holdersDir(path), self)).mtimeMs;
    }
    return now - mtime;
  } catch {
    return Number.POSITIVE_INFINITY; // gone: its holder closed
  }
}

/** Whether holder entry `name` of `path` names a live process (see the module comment). */
export function holderAlive(path: string, name: string, self: string | null): boolean {
  const h = parseHolder(name);
  if (!h || h.pid <= 0) return true; // not ours to judge
  if (h.host !== HOST) return leaseAge(path, name, self) < LEASE_MS;
  if (h.pid === process.pid) return h.token === TOKEN;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Records this process as a user of `path`; returns the entry's name (null if the folder is read-only). */
export function registerHolder(path: string): string | null {
  const dir = holdersDir(path);
  const name = `${process.pid}.${holderSeq++}.${TOKEN}@${HOST}`;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, name), "");
      for (const other of readdirSync(dir)) {
        if (other !== name && !holderAlive(path, other, name)) unlinkSync(join(dir, other));
      }
      mine.add(join(dir, name));
      heartbeat ??= setInterval(() => {
        for (const entry of mine) touch(entry);
      }, LEASE_MS / 6).unref();
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
  mine.delete(join(holdersDir(path), name));
  if (mine.size === 0 && heartbeat !== null) {
    clearInterval(heartbeat);
    heartbeat = null;
  }
  try {
    unlinkSync(join(holdersDir(path), name));
  } catch {}
  try {
    rmdirSync(holdersDir(path)); // only when empty
  } catch {}
}

/** The other holders of `path` that are alive (dead ones are removed on the way). */
function liveHolders(path: string, self: string | null): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(holdersDir(path));
  } catch {}
  return names.filter((name) => {
    if (name === self) return false;
    if (holderAlive(path, name, self)) return true;
    try {
      unlinkSync(join(holdersDir(path), name));
    } catch {}
    return false;
  });
}

/**
 * Removes `<path>.lock` when no registered process but `self` can hold it (its holders were killed).
 * Returns whether it removed one.
 */
export function clearStaleLock(path: string, self: string | null): boolean {
  if (!existsSync(lockDir(path))) return false;
  if (liveHolders(path, self).length > 0) return false;
  try {
    rmdirSync(lockDir(path));
    return true;
  } catch {
    return false;
  }
}

/** Who holds `path`'s lock, for messages: "pid 12 on host a (seen 3 s ago)". */
export function describeHolders(path: string, self: string | null): string {
  const live = liveHolders(path, self).map((name) => {
    const h = parseHolder(name);
    if (!h) return name;
    const age = leaseAge(path, name, self);
    return `pid ${h.pid} on ${h.host === HOST ? "this host" : `host ${h.host}`}${h.host === HOST ? "" : ` (seen ${Math.round(age / 1000)} s ago)`}`;
  });
  return live.length ? live.join(", ") : "no live learndyn process";
}

let waitNoted = false;

/**
 * Waits while `path`'s lock is held by holders on other hosts whose lease may be running out (a pod killed
 * inside a commit), clearing it once they are dead. Returns whether it removed a stale lock; false when
 * the lock went away by itself, or a holder is still alive after LEASE_MS.
 */
export function awaitStaleLock(path: string, self: string | null): boolean {
  const deadline = Date.now() + LEASE_MS + 2_000;
  for (;;) {
    if (clearStaleLock(path, self)) return true;
    if (!existsSync(lockDir(path))) return false;
    const live = liveHolders(path, self).map(parseHolder);
    if (live.some((h) => h === null || h.host === HOST) || Date.now() > deadline) return false;
    if (!waitNoted) {
      waitNoted = true;
      process.stderr.write(
        `learndyn: ${path} is locked by ${describeHolders(path, self)}; waiting up to ${LEASE_MS / 1000} s for its lease to run out (a killed process on a shared volume)\n`,
      );
    }
    sleep(200);
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
        if (awaitStaleLock(path, self)) continue;
        throw lockedError(path, self);
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

/** The error of a store whose lock a live process keeps. */
export function lockedError(path: string, self: string | null): StoreError {
  return new StoreError(
    `${path} is locked by another learndyn process (${describeHolders(path, self)}) for more than ${BUSY_TIMEOUT_MS / 1000} s; wait until it has finished and run the command again (a killed process's lock is removed by itself, on another host once its ${LEASE_MS / 1000} s lease has run out)`,
  );
}
