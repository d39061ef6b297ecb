import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../../src/data/csv.js";
import { featureMixture } from "../../src/data/feature-mixture.js";
import { Rng } from "../../src/engine/rng.js";
import { defaultMaxValues, MAX_CSV_BYTES, readCsvFile } from "../../src/node/read-csv.js";
import { tempDir } from "../cli/cli-helpers.js";
import { sameData } from "../data/helpers.js";

describe("readCsvFile (streaming)", () => {
  const dir = tempDir();

  it("reads a file in pieces of any size into the same data set as the whole text", () => {
    const { train } = featureMixture({ n: 200, noiseDims: 3, noiseStd: 0.3 }, new Rng(2));
    const text = `\ufeff${toCsv(train).replaceAll("\n", "\r\n")}`;
    const path = join(dir, "mix.csv");
    writeFileSync(path, text);
    const whole = parseCsv(text, { source: path });
    for (const chunkBytes of [1, 2, 3, 7, 64, 4096, 1 << 20]) {
      const d = readCsvFile(path, { chunkBytes });
      expect(sameData(d, whole), `pieces of ${chunkBytes} bytes`).toBe(true);
    }
    expect(sameData(whole, train)).toBe(true);
  });

  it("keeps a multi-byte UTF-8 character cut between two pieces", () => {
    const path = join(dir, "utf8.csv");
    writeFileSync(path, "größe,ŷ-naïve,y\n1,2,1\n3,4,-1\n");
    expect(readCsvFile(path, { chunkBytes: 1 }).columns).toEqual(["größe", "ŷ-naïve"]);
  });

  it("refuses a file larger than the limit from its size, before reading (a sparse 80 GB file)", () => {
    const path = join(dir, "huge.csv");
    execFileSync("truncate", ["-s", String(MAX_CSV_BYTES + 1024 ** 3), path]);
    expect(() => readCsvFile(path)).toThrow(
      /data file .*huge\.csv is 6656\d MiB, more than the 65536 MiB that are read; use a smaller file/,
    );
  });

  it("stops at the first piece of a file that is not text (a sparse 1 GB file of zero bytes)", () => {
    const path = join(dir, "zeros.csv");
    execFileSync("truncate", ["-s", String(1024 ** 3), path]);
    const t0 = performance.now();
    expect(() => readCsvFile(path)).toThrow(/zeros\.csv: the text holds a NUL character \(position 1\)/);
    // One piece read, not a gigabyte (a whole read takes seconds and 2 GB of string).
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it("refuses more numbers than fit in memory at the first row past them, and says how to fix it", () => {
    const path = join(dir, "many.csv");
    writeFileSync(path, `a,b,y\n${"1,2,1\n".repeat(1000)}`);
    expect(() => readCsvFile(path, { maxValues: 300 })).toThrow(
      /many\.csv, line 102: more than 300 numbers \(100 rows of 2 inputs and a label\) is more than is read; use fewer rows or columns/,
    );
    expect(readCsvFile(path, { maxValues: 3000 }).n).toBe(1000);
    expect(defaultMaxValues(32 * 1024 ** 3)).toBe(2 ** 30);
  });

  it("names UTF-16, bytes that are not UTF-8 (with their offset), and ragged rows with their line", () => {
    const le = join(dir, "le.csv");
    writeFileSync(le, Buffer.from("x1,y\n1,1\n", "utf16le"));
    expect(() => readCsvFile(le)).toThrow(/le\.csv is UTF-16LE text; save it as UTF-8/);
    const bin = join(dir, "bin.csv");
    writeFileSync(bin, Buffer.concat([Buffer.from("x1,y\n1,1\n"), Buffer.from([0xc3, 0x28])]));
    expect(() => readCsvFile(bin, { chunkBytes: 4 })).toThrow(
      /bin\.csv is not UTF-8 text \(bad bytes after byte 8; is it a binary file\?\)/,
    );
    const ragged = join(dir, "ragged.csv");
    writeFileSync(ragged, "x1,x2,y\n1,2,1\n3,1\n");
    expect(() => readCsvFile(ragged, { chunkBytes: 3 })).toThrow(
      /ragged\.csv, line 3: row has 2 cells but the header has 3/,
    );
  });
});
