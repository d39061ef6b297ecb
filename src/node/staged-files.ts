import {
  closeSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { errnoInWords } from "./errno-words.js";
import { syncFolder } from "./write-file-whole.js";

/**
 * Files written into a hidden folder inside `target` and moved into place only when all are written:
 * a kill -9 (or a full disk) while they are written leaves `target` as it was, and while they are moved
 * every file of `target` is the old one or the new one whole (each move is one rename of an fsynced
 * file), so no reader ever sees a truncated file. Files of `target` that are not staged (a claim's
 * checkpoints, say) are never touched.
 */
export interface StagedFiles {
  /** The hidden folder to write into (paths inside it become the same paths inside `target`). */
  readonly dir: string;
  /**
   * Moves every staged file to its place in `target`, `last` (paths relative to the staging folder) after
   * all others and in that order, then removes the staging folder. Returns the paths moved, in order.
   */
  publish(last?: readonly string[]): string[];
  /** Removes the staging folder and what was written into it. */
  abandon(): void;
}

const PREFIX = ".staging-";

/** Opens a staging folder in `target` (created if needed), first removing those of processes that died. */
export function stageFiles(target: string): StagedFiles {
  let dir: string;
  try {
    mkdirSync(target, { recursive: true });
    removeDeadStagings(target);
    dir = mkdtempSync(join(target, `${PREFIX}${process.pid}-`));
  } catch (e) {
    throw new Error(`cannot write into ${target}: ${errnoInWords(e)}; choose another --out`);
  }
  return {
    dir,
    publish(last = []) {
      const staged = listFiles(dir).map((path) => relative(dir, path));
      const late = new Set(last);
      const order = [...staged.filter((p) => !late.has(p)), ...last.filter((p) => staged.includes(p))];
      const folders = new Set<string>();
      for (const path of order) {
        const to = join(target, path);
        syncFile(join(dir, path));
        mkdirSync(dirname(to), { recursive: true });
        renameSync(join(dir, path), to);
        folders.add(dirname(to));
      }
      for (const folder of folders) syncFolder(folder);
      rmSync(dir, { recursive: true, force: true });
      return order.map((p) => join(target, p));
    },
    abandon() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every file under `dir`, depth first, sorted by name (so the order of moves is reproducible). */
function listFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path));
    else files.push(path);
  }
  return files;
}

function syncFile(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes `.staging-<pid>-…` folders whose process is gone (killed while writing). */
function removeDeadStagings(target: string): void {
  for (const name of readdirSync(target)) {
    const match = /^\.staging-(\d+)-/.exec(name);
    if (!match) continue;
    const pid = Number(match[1]);
    // A live pid keeps its folder (even if it is a reused number: then it is only left behind).
    if (!isAlive(pid)) rmSync(join(target, name), { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}
