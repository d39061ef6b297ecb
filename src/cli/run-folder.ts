import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { errnoInWords } from "../node/errno-words.js";

/**
 * The output folder of one `learndyn train`, written so that nothing is lost silently:
 * - the folder's name is claimed before the run (mkdir fails if it exists, so two processes never
 *   share one: a default name gets a suffix -2, -3, …; an explicit --out that exists is refused unless
 *   `force`);
 * - the files are written into a hidden sibling `.<name>.partial-…` and moved into place by one rename
 *   (the claimed folder is empty, and rename replaces an empty folder atomically), so the folder holds
 *   either nothing or the whole run, never a mix of two runs or a half-written file;
 * - `abandon()` (Ctrl-C) removes both.
 * A process killed with SIGKILL leaves the empty claimed folder and the `.partial` sibling: their names
 * say what they are.
 */
export interface RunFolder {
  /** The folder the run ends up in. */
  readonly dir: string;
  /** Writes a file into the run (in the partial folder until commit). */
  write(name: string, content: string | Uint8Array): void;
  /** Moves the written files into `dir` (replacing what --force allowed to replace). */
  commit(): void;
  /** Removes the partial folder and the claimed one (if this run made it). */
  abandon(): void;
}

/** Options of {@link claimRunFolder}. */
export interface RunFolderOptions {
  /**
   * When `dir` exists: false refuses it (an error naming --force), true replaces it at commit.
   * Ignored with `suffix`.
   */
  force?: boolean;
  /** When `dir` exists, use `dir-2`, `dir-3`, … instead (default names, where no user chose the path). */
  suffix?: boolean;
}

const MAX_SUFFIX = 10_000;

/** Why a folder cannot be made, in words (not a bare errno code). */
function mkdirProblem(dir: string, e: NodeJS.ErrnoException): Error {
  return new Error(`cannot create output folder ${dir}: ${errnoInWords(e)}; choose another --out`);
}

/** Makes `dir` if it does not exist; returns false if it exists. */
function claim(dir: string): boolean {
  try {
    mkdirSync(dir);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw mkdirProblem(dir, e as NodeJS.ErrnoException);
  }
}

/** Claims the run's output folder (see RunFolder); throws a clear error when it cannot. */
export function claimRunFolder(dir: string, options: RunFolderOptions = {}): RunFolder {
  try {
    mkdirSync(dirname(dir), { recursive: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    // mkdir -p says EEXIST when a part of the path is a file.
    throw mkdirProblem(dirname(dir), err.code === "EEXIST" ? { ...err, code: "ENOTDIR" } : err);
  }
  let target = dir;
  let claimed = claim(target);
  if (!claimed && options.suffix) {
    for (let i = 2; !claimed && i <= MAX_SUFFIX; i++) {
      target = `${dir}-${i}`;
      claimed = claim(target);
    }
    if (!claimed) throw new Error(`cannot create output folder ${dir}: ${dir}-2 … -${MAX_SUFFIX} exist too`);
  }
  if (!claimed) {
    if (!statSync(target).isDirectory())
      throw new Error(`--out ${target} is a file, not a folder; choose another --out`);
    if (!options.force) {
      throw new Error(
        `--out ${target} exists${readdirSync(target).length ? " and is not empty" : ""}; choose another folder, or pass --force to replace it`,
      );
    }
  }
  let partial: string;
  try {
    partial = mkdtempSync(join(dirname(target), `.${basename(target)}.partial-`));
  } catch (e) {
    if (claimed) rmSync(target, { recursive: true, force: true });
    throw mkdirProblem(target, e as NodeJS.ErrnoException);
  }
  let done = false;
  return {
    dir: target,
    write(name, content) {
      writeFileSync(join(partial, name), content);
    },
    commit() {
      if (claimed) {
        renameSync(partial, target);
      } else {
        // --force: the old folder moves aside first (rename cannot replace a non-empty folder).
        const old = `${partial}.old`;
        renameSync(target, old);
        renameSync(partial, target);
        rmSync(old, { recursive: true, force: true });
      }
      done = true;
    },
    abandon() {
      if (done) return;
      rmSync(partial, { recursive: true, force: true });
      if (claimed) rmSync(target, { recursive: true, force: true });
      done = true;
    },
  };
}
