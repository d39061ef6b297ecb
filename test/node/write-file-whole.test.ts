import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { syncFolder, writeFileWhole } from "../../src/node/write-file-whole.js";

const fresh = () => mkdtempSync(join(tmpdir(), "learndyn-whole-"));

describe("writeFileWhole", () => {
  it("writes text and bytes, replacing an existing file, and leaves no temporary file", () => {
    const dir = fresh();
    const path = join(dir, "a.json");
    writeFileWhole(path, "old\n");
    writeFileWhole(path, '{ "new": true }\n');
    expect(readFileSync(path, "utf8")).toBe('{ "new": true }\n');
    const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
    writeFileWhole(join(dir, "b.bin"), bytes);
    expect(readFileSync(join(dir, "b.bin")).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(["a.json", "b.bin"]);
  });

  it("fails in words, removes its temporary file and leaves what was there", () => {
    const dir = fresh();
    mkdirSync(join(dir, "taken"));
    writeFileSync(join(dir, "taken", "inside"), "kept");
    expect(() => writeFileWhole(join(dir, "taken"), "x")).toThrow(
      /cannot write .*taken: it is a folder, not a file; nothing was written/,
    );
    expect(readdirSync(dir)).toEqual(["taken"]);
    expect(() => writeFileWhole(join(dir, "missing", "a.txt"), "x")).toThrow(
      /does not exist; nothing was written/,
    );
  });

  it("syncFolder does not throw on a folder that is gone", () => {
    expect(() => syncFolder(join(fresh(), "gone"))).not.toThrow();
  });
});
