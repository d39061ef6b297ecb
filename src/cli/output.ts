import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Creates `dir` (and parents) and returns a writer for files inside it. */
export function outputDir(dir: string): {
  dir: string;
  write(name: string, content: string | Uint8Array): string;
} {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new Error(
      `cannot create output directory ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}

/** "20261127-061500": a sortable timestamp for default output folders. */
export function timestamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}${p(date.getSeconds())}`;
}

/**
 * Writes `path` whole or not at all: into a temporary file next to it, then renamed over it, so a full
 * disk or a kill never leaves a truncated file (an existing one stays as it was).
 */
export function writeFileWhole(path: string, content: string | Uint8Array): void {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, content);
    renameSync(temp, path);
  } catch (e) {
    rmSync(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOSPC" ? "no space left on the disk" : (code ?? (e as Error).message);
    throw new Error(
      `cannot write ${path}: ${why}; nothing was written (the file, if it existed, is unchanged)`,
    );
  }
}
