import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { withLock } from "./sqlite-lock.js";
import { StoreError } from "./store-error.js";

/**
 * Hot-journal rollback, which node-sqlite3-wasm's VFS never triggers: its xCheckReservedLock reports the
 * lock directory that the asking connection made itself, so SQLite takes every journal for a live
 * writer's and never rolls it back, and a process killed while writing a commit into the database file
 * would leave a torn file. So before SQLite reads the file, a leftover journal is played back here (the
 * rollback-journal format of https://www.sqlite.org/fileformat2.html#rollbackjournal, checksums checked
 * as SQLite does) while holding the lock directory.
 */

const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);
const isPow2 = (n: number, lo: number, hi: number) => n >= lo && n <= hi && (n & (n - 1)) === 0;

/**
 * Plays the rollback journal `journalPath` back into the database file `path`, as SQLite's pager does:
 * the first header's original page count truncates the file, each record whose checksum holds restores
 * its page. A journal without the magic (its header is written only once the records are synced, so the
 * database file was not touched yet) restores nothing. Returns the number of pages restored; the journal
 * itself is not deleted.
 */
export function applyJournal(path: string, journalPath: string): number {
  const j = readFileSync(journalPath);
  let restored = 0;
  if (j.length < 28 || !j.subarray(0, 8).equals(JOURNAL_MAGIC)) return 0;
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
    if (keepPages >= 0 && fstatSync(fd).size > keepPages * pageSize) ftruncateSync(fd, keepPages * pageSize);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return restored;
}

/**
 * Plays the hot journal `<path>-journal` back into `path` (see applyJournal), then deletes it. Call it
 * holding the lock. Returns the number of pages restored.
 */
export function playBackJournal(path: string): number {
  const restored = applyJournal(path, `${path}-journal`);
  unlinkSync(`${path}-journal`);
  return restored;
}

/** Rolls back a journal left by a killed writer, if any (see playBackJournal). */
export function recoverJournal(path: string, self: string | null): void {
  if (!existsSync(`${path}-journal`)) return;
  withLock(path, self, () => {
    // Holding the lock, a journal is hot: a live writer deletes its journal before it unlocks.
    if (existsSync(`${path}-journal`)) playBackJournal(path);
  });
}
