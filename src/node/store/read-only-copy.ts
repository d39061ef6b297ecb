import { accessSync, constants, copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { StoreError } from "./store-error.js";

/**
 * Stores on read-only media (a read-only mount, a folder without write permission). node-sqlite3-wasm's
 * VFS locks by making the folder `<file>.lock`, for reading too, and has no lock-free mode (its build
 * takes no URI parameters such as `immutable=1`), so a store whose folder cannot be written fails every
 * query with "disk I/O error". Such a store is read from a copy in the temporary folder: the file and,
 * if one is there, its rollback journal (played back on the copy like any hot journal, the original
 * untouched). The cost is one copy of the file (the size of the store, on `TMPDIR`), the same order as
 * the reading that export, report and merge do anyway; writable stores are read in place.
 */

/** Whether this process can create entries in `dir`. */
function writableDir(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** A temporary copy of a store on read-only media, or null when its folder is writable (read in place). */
export function readOnlyMediaCopy(path: string): { path: string; remove(): void } | null {
  if (writableDir(dirname(path))) return null;
  let dir: string;
  try {
    dir = mkdtempSync(join(tmpdir(), "learndyn-ro-"));
  } catch (e) {
    throw new StoreError(
      `${path} is on read-only media, so it is read from a copy, but no temporary folder could be made in ${tmpdir()} (${(e as Error).message}); set TMPDIR to a writable folder`,
    );
  }
  const remove = () => rmSync(dir, { recursive: true, force: true });
  const copy = join(dir, basename(path));
  try {
    copyFileSync(path, copy);
    if (existsSync(`${path}-journal`)) copyFileSync(`${path}-journal`, `${copy}-journal`);
  } catch (e) {
    remove();
    const size = statSync(path).size;
    throw new StoreError(
      `${path} is on read-only media, so it is read from a copy in ${tmpdir()}, and copying it failed (${(e as Error).message}); it needs ${Math.ceil(size / 1e6)} MB free there: set TMPDIR to a folder with room`,
    );
  }
  return { path: copy, remove };
}
