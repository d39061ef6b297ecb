/**
 * Finds and opens the file a lab request names, without ever leaving the served folder: the path is
 * normalised, its real path (symlinks resolved) must lie inside the folder's real path, and the file is
 * opened before it is checked, so a file that vanishes or is replaced in between (while dist/web is
 * rebuilt) is checked on what will actually be sent.
 */
import { constants } from "node:fs";
import { type FileHandle, open, realpath } from "node:fs/promises";
import { join, normalize, sep } from "node:path";

/** An opened regular file inside the root, or why there is none. */
export type LabFile =
  | { kind: "file"; handle: FileHandle; size: number; path: string }
  | { kind: "forbidden" }
  | { kind: "missing" };

/** Whether `path` is `root` or inside it. */
function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Opens the file `pathname` (already URL-decoded) names under `root`. `realRoot` is the root with its
 * symlinks resolved. A symlink leading outside the root is "forbidden", as is a path escaping it.
 */
export async function openLabFile(root: string, realRoot: string, pathname: string): Promise<LabFile> {
  if (pathname.includes("\0")) return { kind: "forbidden" };
  const file = normalize(join(root, pathname));
  if (!inside(root, file)) return { kind: "forbidden" };
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    return { kind: "missing" };
  }
  if (!inside(realRoot, real)) return { kind: "forbidden" };
  let handle: FileHandle;
  try {
    // O_NONBLOCK: a FIFO planted in the folder must not hold the request open; O_NOFOLLOW: the real path
    // is not to be swapped for a symlink between realpath and open.
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ELOOP" ? { kind: "forbidden" } : { kind: "missing" };
  }
  const info = await handle.stat().catch(() => null);
  if (!info?.isFile()) {
    await handle.close().catch(() => undefined);
    return { kind: "missing" };
  }
  return { kind: "file", handle, size: info.size, path: real };
}
