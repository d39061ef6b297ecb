import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readInputText, utf16Of } from "../../src/node/read-input.js";
import { tempDir } from "../cli/cli-helpers.js";

describe("readInputText", () => {
  const dir = tempDir();

  it("refuses devices and FIFOs before reading (no endless read, no block)", () => {
    expect(() => readInputText("/dev/zero", "config file")).toThrow(
      /config file \/dev\/zero is a character device, not a regular file; save the input to a file/,
    );
    expect(() => readInputText("/dev/urandom", "data file")).toThrow(/character device/);
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    expect(() => readInputText(fifo, "config file")).toThrow(/is a FIFO \(named pipe\), not a regular file/);
  });

  it("states the size limit", () => {
    const big = join(dir, "big.json");
    writeFileSync(big, "x".repeat(3 * 1024 * 1024));
    expect(() => readInputText(big, "config file", 1024 * 1024)).toThrow(
      /config file .*big\.json is 3 MiB, more than the 1 MiB that are read; use a smaller file/,
    );
  });

  it("says what a missing path or a folder is, not a bare errno code", () => {
    expect(() => readInputText(join(dir, "nope.json"), "config file")).toThrow(
      /nope\.json does not exist; check the path/,
    );
    mkdirSync(join(dir, "folder"));
    expect(() => readInputText(join(dir, "folder"), "config file")).toThrow(
      /is a folder, not a regular file/,
    );
  });

  it("drops a UTF-8 byte-order mark and names UTF-16", () => {
    const bom = join(dir, "bom.json");
    writeFileSync(bom, "\ufeff{}");
    expect(readInputText(bom, "config file")).toBe("{}");
    const le = join(dir, "le.json");
    writeFileSync(le, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("{}", "utf16le")]));
    expect(() => readInputText(le, "config file")).toThrow(/is UTF-16LE text; save it as UTF-8/);
    expect(utf16Of(Buffer.from("x1,x2,y\n1,2,1\n", "utf16le"))).toBe("UTF-16LE");
    expect(utf16Of(Buffer.from("x1,x2,y\n1,2,1\n"))).toBeNull();
    const bin = join(dir, "bin.json");
    writeFileSync(bin, Buffer.from([0x7b, 0xc3, 0x28, 0x7d]));
    expect(() => readInputText(bin, "config file")).toThrow(/is not UTF-8 text/);
  });
});
