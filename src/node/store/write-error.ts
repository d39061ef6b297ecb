/**
 * A failed write of a batch of runs, said so that the user knows what happened to the runs and what to do.
 * SQLite in WebAssembly reports every failed file call as a bare "disk I/O error" (or "unable to open
 * database file"), so the errno and the file come from the watched file calls (file-faults.ts); without
 * one, the free space of the store's file system is asked for.
 */
import { statfsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { errnoInWords } from "../errno-words.js";
import type { FileFailure, FileOp } from "./file-faults.js";
import type { SqliteDb } from "./sqlite-file.js";
import { StoreError } from "./store-error.js";

const VERB: Record<FileOp, string> = {
  open: "opening",
  read: "reading",
  write: "writing",
  fsync: "syncing",
  truncate: "truncating",
  unlink: "deleting",
};

/** SQLite's words for a failed file call. */
const SQLITE_IO = /disk I\/O error|disk is full|SQLITE_FULL|SQLITE_IOERR|unable to open|readonly database/i;

/** Bytes free on the file system of `path` (NaN when it cannot be asked). */
function freeBytes(path: string): number {
  try {
    const fs = statfsSync(dirname(path));
    return fs.bavail * fs.bsize;
  } catch {
    return Number.NaN;
  }
}

/** What failed and what to do about it, from the errno of the first failed file call. */
function problemAndFix(path: string, failure: FileFailure | undefined, e: Error): [string, string] {
  const file = failure?.path ?? path;
  const where = failure ? ` (${VERB[failure.op]} ${file})` : "";
  const copy = `copy the store to another disk with \`learndyn merge ${path} -o OTHER.db\` and run the same command with --store OTHER.db: it resumes where it stopped`;
  switch (failure?.code) {
    case "ENOSPC":
    case "EDQUOT":
      return [
        `${errnoInWords({ code: failure.code })} (${freeBytes(path)} bytes free)${where}`,
        "free some space and run the same command again: it resumes where it stopped",
      ];
    case "EIO":
      return [
        `${errnoInWords({ code: "EIO" })}${where}`,
        `check the device (e.g. \`dmesg\`), then run the same command again: it resumes where it stopped; if the error comes back, ${copy}`,
      ];
    case "EROFS":
      return [`${errnoInWords({ code: "EROFS" })}${where}`, `remount it read-write, or ${copy}`];
    case "EACCES":
    case "EPERM":
      return [
        `${errnoInWords({ code: failure.code })}${where}`,
        `give yourself write access to ${file} and its folder, or ${copy}`,
      ];
  }
  const free = freeBytes(path);
  if (free < 1 << 20) {
    return [
      `the disk is full (${free} bytes free)${where}`,
      "free some space and run the same command again: it resumes where it stopped",
    ];
  }
  return [
    `writing failed (${failure?.code ? `${failure.code}, ` : ""}${e.message})${where}`,
    "run the same command again: it resumes where it stopped",
  ];
}

/**
 * The error to show for `e`, thrown by a batch write of the store at `path`; `failures` are the file calls
 * on the store's files that failed during it (file-faults.ts: failuresSince).
 */
export function writeError(path: string, db: SqliteDb, e: Error, failures: readonly FileFailure[]): Error {
  if (e instanceof StoreError || (failures.length === 0 && !SQLITE_IO.test(e.message))) return e;
  const [problem, fix] = problemAndFix(path, failures[0], e);
  return new StoreError(`cannot write to store ${path}: ${problem}. ${whatIsSafe(path, db)}; ${fix}.`);
}

/**
 * What happened to the stored runs. When the rollback could not finish either (the fault stayed), the
 * journal is left beside the store and this connection still sees the unfinished batch: its count would
 * be wrong, and the journal undoes the batch at the next open.
 */
function whatIsSafe(path: string, db: SqliteDb): string {
  const journal = `${path}-journal`;
  let hot = false;
  try {
    hot = statSync(journal).size > 0;
  } catch {}
  if (hot)
    return `The runs stored before this batch are safe: the journal ${journal} left beside the store undoes the unfinished batch when the store is next opened`;
  let stored = "";
  try {
    stored = `${db.get<{ n: number }>("SELECT count(*) AS n FROM runs")?.n ?? 0} `;
  } catch {}
  return `The ${stored}runs stored so far are safe (a batch of runs is written whole or not at all)`;
}
