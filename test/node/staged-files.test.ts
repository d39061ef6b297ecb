import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stageFiles } from "../../src/node/staged-files.js";

const fresh = () => mkdtempSync(join(tmpdir(), "learndyn-stage-"));

describe("stageFiles", () => {
  it("moves staged files into place (nested, `last` at the end) and keeps files it did not stage", () => {
    const target = fresh();
    writeFileSync(join(target, "report.html"), "old report");
    writeFileSync(join(target, "checkpoint.bin"), "a claim's checkpoint");
    const staging = stageFiles(target);
    expect(staging.dir.startsWith(join(target, ".staging-"))).toBe(true);
    mkdirSync(join(staging.dir, "figures"));
    writeFileSync(join(staging.dir, "figures", "f.svg"), "<svg/>");
    writeFileSync(join(staging.dir, "report.html"), "new report");
    writeFileSync(join(staging.dir, "a.json"), "{}");
    // Nothing is in place before publish.
    expect(readFileSync(join(target, "report.html"), "utf8")).toBe("old report");
    const moved = staging.publish(["report.html", "not-staged.txt"]);
    expect(moved).toEqual([
      join(target, "a.json"),
      join(target, "figures/f.svg"),
      join(target, "report.html"),
    ]);
    expect(readFileSync(join(target, "report.html"), "utf8")).toBe("new report");
    expect(readFileSync(join(target, "checkpoint.bin"), "utf8")).toBe("a claim's checkpoint");
    expect(readdirSync(target).sort()).toEqual(["a.json", "checkpoint.bin", "figures", "report.html"]);
  });

  it("abandon leaves the target as it was", () => {
    const target = fresh();
    writeFileSync(join(target, "report.html"), "old");
    const staging = stageFiles(target);
    writeFileSync(join(staging.dir, "report.html"), "new");
    staging.abandon();
    expect(readdirSync(target)).toEqual(["report.html"]);
    expect(readFileSync(join(target, "report.html"), "utf8")).toBe("old");
  });

  it("removes the staging folders of dead processes, never a live one's", () => {
    const target = join(fresh(), "new-folder");
    const first = stageFiles(target);
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    const dead = join(target, `.staging-${deadPid}-abc`);
    mkdirSync(dead);
    writeFileSync(join(dead, "report.html"), "half");
    const second = stageFiles(target);
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(first.dir)).toBe(true);
    first.abandon();
    second.abandon();
    expect(readdirSync(target)).toEqual([]);
  });

  it("says in words why it cannot write into the target", () => {
    const parent = fresh();
    writeFileSync(join(parent, "file"), "x");
    expect(() => stageFiles(join(parent, "file", "out"))).toThrow(
      /cannot write into .*file\/out: a part of the path is a file, not a folder; choose another --out/,
    );
  });
});
