/**
 * Reads a CSV data file in pieces: the bytes are decoded and parsed as they come (csvReader), so a large
 * file costs the memory of its numbers, not of its text (a JS string of the text is twice its bytes, and
 * V8 refuses strings past ~512 MiB). The file's type and size are checked before anything is read; a
 * file that is not CSV stops at its first bad row, cell or byte, with the line or byte named.
 */
import { closeSync, readSync } from "node:fs";
import { totalmem } from "node:os";
import { type CsvOptions, csvReader } from "../data/csv.js";
import type { Dataset } from "../data/dataset.js";
import { mib, openInput, readProblem, utf16Of } from "./read-input.js";

/** Largest CSV data file read (bytes of text; its numbers must also fit in memory, see maxValues). */
export const MAX_CSV_BYTES = 64 * 1024 ** 3;

/** Options of {@link readCsvFile} (besides the parser's, {@link CsvOptions}). */
export interface CsvFileOptions extends Omit<CsvOptions, "source"> {
  /** Largest file read, in bytes (default {@link MAX_CSV_BYTES}). */
  maxBytes?: number;
  /** Bytes read per piece (default 1 MiB). */
  chunkBytes?: number;
}

/** Numbers a data set may hold: a quarter of this machine's memory as float64 (growing copies need more). */
export function defaultMaxValues(memory = totalmem()): number {
  return Math.floor(memory / 4 / 8);
}

/** Reads and parses a CSV file (label column as `options.label`), streaming; errors name the file. */
export function readCsvFile(path: string, options: CsvFileOptions = {}): Dataset {
  const what = "data file";
  const maxBytes = options.maxBytes ?? MAX_CSV_BYTES;
  const fd = openInput(path, what, maxBytes);
  const maxValues = options.maxValues ?? defaultMaxValues();
  const reader = csvReader({ ...options, source: path, maxValues });
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const chunk = Buffer.allocUnsafe(options.chunkBytes ?? 1 << 20);
  let offset = 0;
  try {
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      const bytes = chunk.subarray(0, n);
      if (offset === 0) {
        const encoding = utf16Of(bytes);
        if (encoding)
          throw new Error(
            `${what} ${path} is ${encoding} text; save it as UTF-8 (most editors: "Save with encoding")`,
          );
      }
      offset += n;
      if (offset > maxBytes)
        throw new Error(
          `${what} ${path} grew past the ${mib(maxBytes)} that are read while it was read; use a smaller file`,
        );
      reader.push(decode(decoder, bytes, true, path, offset - n));
    }
    reader.push(decode(decoder, undefined, false, path, offset));
  } catch (e) {
    throw readProblem(e, path, what);
  } finally {
    closeSync(fd);
  }
  return reader.end();
}

/** Decodes the next bytes (or flushes the decoder); bytes that are not UTF-8 are refused with their offset. */
function decode(
  decoder: TextDecoder,
  bytes: Uint8Array | undefined,
  stream: boolean,
  path: string,
  offset: number,
): string {
  try {
    return decoder.decode(bytes, { stream });
  } catch {
    throw new Error(
      `data file ${path} is not UTF-8 text (bad bytes after byte ${offset.toLocaleString("en")}; is it a binary file?); save it as UTF-8 text`,
    );
  }
}
