/**
 * Reads a file the user named (config, sweep spec, weights, data) with its type and size checked before
 * anything is read: /dev/zero, /dev/urandom or a FIFO would otherwise grow without bound or block
 * forever. Errors say what the path is, what was expected and what to do, never a bare errno code.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from "node:fs";
import { errnoInWords } from "./errno-words.js";

/** Largest config, spec or weights file read (JSON text; explicit weights of a large net fit). */
export const MAX_CONFIG_BYTES = 256 * 1024 * 1024;
/** Largest data file read (CSV/JSON text; V8 strings end near 512 MiB). */
export const MAX_DATA_BYTES = 480 * 1024 * 1024;

export function mib(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MiB`;
}

/** What a non-regular file is, in words. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return "a folder";
  if (info.isFIFO()) return "a FIFO (named pipe)";
  if (info.isCharacterDevice()) return "a character device";
  if (info.isBlockDevice()) return "a block device";
  if (info.isSocket()) return "a socket";
  return "not a regular file";
}

/** A failed read of a named input, in words, with the fix. */
function describeFileError(e: unknown, path: string, what: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT")
    return `${what} ${path} does not exist; check the path (relative paths start from the current folder)`;
  if (code === "EISDIR") return `${what} ${path} is a folder, not a file; name a file inside it`;
  return `cannot read ${what} ${path}: ${errnoInWords(e)}`;
}

/**
 * Opens a regular file of at most `maxBytes` for reading (checked before opening, and again on the open
 * descriptor); throws a clear error otherwise. Close the descriptor.
 */
export function openInput(path: string, what: string, maxBytes: number): number {
  let info: Stats;
  try {
    info = statSync(path);
  } catch (e) {
    throw new Error(describeFileError(e, path, what));
  }
  if (!info.isFile()) {
    throw new Error(
      `${what} ${path} is ${kindOf(info)}, not a regular file; save the input to a file and name that file`,
    );
  }
  if (info.size > maxBytes) {
    throw new Error(
      `${what} ${path} is ${mib(info.size)}, more than the ${mib(maxBytes)} that are read; use a smaller file`,
    );
  }
  let fd: number;
  try {
    // O_NONBLOCK: if the path was swapped for a FIFO since the check, opening it must not block.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new Error(describeFileError(e, path, what));
  }
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${what} ${path} is no longer a regular file; name a file`);
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  return fd;
}

/** A failed read of an open input, in words (errors without an errno code pass unchanged). */
export function readProblem(e: unknown, path: string, what: string): unknown {
  return (e as NodeJS.ErrnoException).code ? new Error(describeFileError(e, path, what)) : e;
}

/** Reads the bytes of a regular file of at most `maxBytes`; throws a clear error otherwise. */
export function readInputBytes(path: string, what: string, maxBytes = MAX_CONFIG_BYTES): Buffer {
  const fd = openInput(path, what, maxBytes);
  try {
    // Read at most maxBytes + 1: a file that grew past the limit since the check is refused, not read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
      if (chunk.length === 0) break;
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
    }
    if (total > maxBytes) {
      throw new Error(
        `${what} ${path} grew past the ${mib(maxBytes)} that are read while it was read; use a smaller file`,
      );
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    throw readProblem(e, path, what);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a text file as UTF-8 (a UTF-8 byte-order mark is dropped). UTF-16 (by its byte-order mark or
 * the zero bytes between ASCII characters) and bytes that are not UTF-8 are refused with the encoding named.
 */
export function readInputText(path: string, what: string, maxBytes = MAX_CONFIG_BYTES): string {
  const bytes = readInputBytes(path, what, maxBytes);
  const encoding = utf16Of(bytes);
  if (encoding) {
    throw new Error(
      `${what} ${path} is ${encoding} text; save it as UTF-8 (most editors: "Save with encoding")`,
    );
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new Error(`${what} ${path} is not UTF-8 text (is it a binary file?); save it as UTF-8 text`);
  }
}

/** "UTF-16LE"/"UTF-16BE" when the bytes look like UTF-16, else null. */
export function utf16Of(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16LE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16BE";
  // Without a mark: ASCII in UTF-16 has a zero in every other byte.
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  if (oddZero > n / 4 && evenZero === 0) return "UTF-16LE";
  if (evenZero > n / 4 && oddZero === 0) return "UTF-16BE";
  return null;
}
