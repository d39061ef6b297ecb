import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { claimRunFolder } from "../../src/cli/run-folder.js";
import { tempDir } from "./cli-helpers.js";

describe("claimRunFolder", () => {
  it("writes into a hidden partial folder and moves it into place at commit", () => {
    const parent = tempDir();
    const dir = join(parent, "nested", "run");
    const f = claimRunFolder(dir);
    f.write("a.json", "1");
    expect(readdirSync(dir)).toEqual([]); // claimed, still empty
    expect(readdirSync(join(parent, "nested")).filter((n) => n.startsWith(".run.partial-"))).toHaveLength(1);
    f.commit();
    expect(readFileSync(join(dir, "a.json"), "utf8")).toBe("1");
    expect(readdirSync(join(parent, "nested"))).toEqual(["run"]);
  });

  it("gives two claims of one default name two folders (-2)", () => {
    const dir = join(tempDir(), "train-x");
    const a = claimRunFolder(dir, { suffix: true });
    const b = claimRunFolder(dir, { suffix: true });
    expect([a.dir, b.dir]).toEqual([dir, `${dir}-2`]);
    a.write("seed", "1");
    b.write("seed", "2");
    b.commit();
    a.commit();
    expect(readFileSync(join(dir, "seed"), "utf8")).toBe("1");
    expect(readFileSync(join(`${dir}-2`, "seed"), "utf8")).toBe("2");
  });

  it("refuses an existing folder unless force, and force replaces it whole", () => {
    const dir = join(tempDir(), "out");
    mkdirSync(dir);
    writeFileSync(join(dir, "notes.txt"), "mine");
    expect(() => claimRunFolder(dir)).toThrow(/--out .*out exists and is not empty.*--force/);
    expect(readFileSync(join(dir, "notes.txt"), "utf8")).toBe("mine");
    const f = claimRunFolder(dir, { force: true });
    f.write("a.json", "new");
    expect(existsSync(join(dir, "notes.txt"))).toBe(true); // untouched until the run is complete
    f.commit();
    expect(readdirSync(dir)).toEqual(["a.json"]);
    const file = join(tempDir(), "file");
    writeFileSync(file, "");
    expect(() => claimRunFolder(file, { force: true })).toThrow(/is a file, not a folder/);
  });

  it("abandon removes the partial and the claimed folder, and keeps a folder it did not make", () => {
    const parent = tempDir();
    const f = claimRunFolder(join(parent, "run"));
    f.write("a", "x");
    f.abandon();
    expect(readdirSync(parent)).toEqual([]);
    mkdirSync(join(parent, "kept"));
    const g = claimRunFolder(join(parent, "kept"), { force: true });
    g.abandon();
    expect(readdirSync(parent)).toEqual(["kept"]);
  });

  it("says in words why a folder cannot be made", () => {
    const file = join(tempDir(), "f");
    writeFileSync(file, "");
    expect(() => claimRunFolder(join(file, "run"))).toThrow(/a part of the path is a file, not a folder/);
  });
});
