/**
 * The store's file calls, watched and (in tests) made to fail: the seam between SQLite and the disk.
 *
 * SQLite in WebAssembly (node-sqlite3-wasm) does its file I/O through the CommonJS `node:fs` object and
 * turns every exception into a bare SQLite code: a full disk, a failing device and a read-only mount all
 * become "disk I/O error", and the errno and the file are lost. This module wraps the few calls it makes
 * (open, read, write, fsync, ftruncate, unlink) on that object, so that
 * - every failure is recorded with its errno code, the call and the file (fd → path from openSync), and a
 *   store write that fails can say which file failed and why (write-error.ts);
 * - a test can make a chosen call fail with a chosen code (`injectFileFault`), at any point of a commit,
 *   without a real full disk, failing device or read-only mount.
 * Only CommonJS users of `node:fs` see the wrappers (ES-module imports of node:fs are bound at load and do
 * not change), and a wrapper that records nothing costs one try/catch.
 */
import { createRequire } from "node:module";

/** The file calls of the WASM VFS that can be watched and failed. */
export type FileOp = "open" | "read" | "write" | "fsync" | "truncate" | "unlink";

/** A failure seen on a file call. */
export interface FileFailure {
  /** Order of the failure (for "since the transaction began"). */
  seq: number;
  op: FileOp;
  /** The file's path (null when the descriptor was opened before the watch began). */
  path: string | null;
  /** errno code ("ENOSPC", "EIO", "EROFS", …), or "" when the error had none. */
  code: string;
}

/** A failure a test asks for (see {@link injectFileFault}). */
export interface FileFaultPlan {
  /** The errno code the call throws ("ENOSPC", "EIO", "EROFS", …). */
  code: string;
  /** Which calls fail (default any watched call). */
  op?: FileOp | readonly FileOp[];
  /** Only calls on a path that ends with this (default every path). */
  pathEndsWith?: string;
  /** Matching calls that succeed before the first failure (default 0). */
  skip?: number;
  /** How many matching calls fail, from the first (default Infinity: the fault stays). */
  times?: number;
}

type Fs = Record<string, (...args: unknown[]) => unknown>;

/** Calls that take a descriptor (their path comes from the fd table) or a path (unlink). */
const FD_CALLS: Record<string, FileOp> = {
  readSync: "read",
  writeSync: "write",
  fsyncSync: "fsync",
  ftruncateSync: "truncate",
};

const fdPaths = new Map<number, string>();
const failures: FileFailure[] = [];
const MAX_KEPT = 64;
let seq = 0;
let installed = false;
const plans: { plan: FileFaultPlan; seen: number; failed: number }[] = [];

function errnoError(code: string, op: FileOp, path: string | null): NodeJS.ErrnoException {
  const e = new Error(`${code}: injected fault, ${op} '${path ?? "?"}'`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

/** The injected fault for this call, if a plan matches it (counting the call toward the plan). */
function injected(op: FileOp, path: string | null): NodeJS.ErrnoException | null {
  for (const p of plans) {
    const ops = p.plan.op;
    if (ops && (typeof ops === "string" ? ops !== op : !ops.includes(op))) continue;
    if (p.plan.pathEndsWith && !(path ?? "").endsWith(p.plan.pathEndsWith)) continue;
    p.seen++;
    if (p.seen <= (p.plan.skip ?? 0) || p.failed >= (p.plan.times ?? Number.POSITIVE_INFINITY)) continue;
    p.failed++;
    return errnoError(p.plan.code, op, path);
  }
  return null;
}

function record(op: FileOp, path: string | null, e: unknown): void {
  failures.push({ seq: ++seq, op, path, code: (e as NodeJS.ErrnoException)?.code ?? "" });
  if (failures.length > MAX_KEPT) failures.shift();
}

/** Wraps the calls on the CommonJS `node:fs` object (once per process); node-sqlite3-wasm uses that object. */
export function watchFileCalls(): void {
  if (installed) return;
  installed = true;
  const fs = createRequire(import.meta.url)("node:fs") as Fs;
  const call = (op: FileOp, path: string | null, f: () => unknown) => {
    try {
      const fault = plans.length ? injected(op, path) : null;
      if (fault) throw fault;
      return f();
    } catch (e) {
      record(op, path, e);
      throw e;
    }
  };
  const open = fs.openSync;
  fs.openSync = (...args) => {
    const path = String(args[0]);
    const fd = call("open", path, () => open.apply(fs, args)) as number;
    fdPaths.set(fd, path);
    return fd;
  };
  const close = fs.closeSync;
  fs.closeSync = (...args) => {
    fdPaths.delete(args[0] as number);
    return close.apply(fs, args);
  };
  const unlink = fs.unlinkSync;
  fs.unlinkSync = (...args) => call("unlink", String(args[0]), () => unlink.apply(fs, args));
  for (const [name, op] of Object.entries(FD_CALLS)) {
    const original = fs[name];
    fs[name] = (...args) => call(op, fdPaths.get(args[0] as number) ?? null, () => original.apply(fs, args));
  }
}

/** A mark for {@link failuresSince}: take it before a transaction. */
export function fileFailureMark(): number {
  return seq;
}

/**
 * The failures recorded after `mark` on files whose path starts with `prefix` (a store's path covers its
 * journal and lock files too), oldest first. ENOENT is left out: SQLite probes for files that may not exist.
 */
export function failuresSince(mark: number, prefix: string): FileFailure[] {
  return failures.filter(
    (f) => f.seq > mark && f.code !== "ENOENT" && (f.path === null || f.path.startsWith(prefix)),
  );
}

/**
 * Makes matching file calls of the store fail with `plan.code` until the returned function is called
 * (tests only: a full disk, a failing device, a read-only mount at a chosen point of a commit).
 */
export function injectFileFault(plan: FileFaultPlan): () => void {
  watchFileCalls();
  const entry = { plan, seen: 0, failed: 0 };
  plans.push(entry);
  return () => {
    const i = plans.indexOf(entry);
    if (i >= 0) plans.splice(i, 1);
  };
}
