import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { errnoInWords } from "./errno-words.js";

/**
 * Writes `path` whole or not at all: into a temporary file next to it, fsynced, then renamed over it (and
 * the folder fsynced), so a full disk, a kill -9 or a power cut never leaves a truncated file: a reader
 * sees the old file or the new one. On failure the temporary file is removed and the error says that
 * nothing was written.
 */
export function writeFileWhole(path: string, content: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, "w");
    try {
      const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
      let written = 0;
      while (written < bytes.byteLength) written += writeSync(fd, bytes, written);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    throw new Error(
      `cannot write ${path}: ${errnoInWords(e)}; nothing was written (the file, if it existed, is unchanged)`,
    );
  }
  syncFolder(dirname(path));
}

/**
 * fsyncs a folder, so the renames in it survive a power cut. Best effort: some file systems refuse to
 * open or sync a folder, and the rename has happened by then anyway.
 */
export function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // A folder that cannot be synced (EISDIR/EINVAL on some systems) still holds the renamed file.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
