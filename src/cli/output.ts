import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

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

/** Writes a file whole or not at all (temporary file, fsync, rename): see src/node/write-file-whole.ts. */
export { writeFileWhole } from "../node/write-file-whole.js";
