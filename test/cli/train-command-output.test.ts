import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "./cli-helpers.js";

const bin = new URL("../../bin/learndyn.js", import.meta.url).pathname;

/** Starts `learndyn args` in `cwd`; resolves with its exit code and output. */
function start(args: string[], cwd: string) {
  const child = spawn(process.execPath, [bin, ...args], { cwd });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((ok) =>
    child.on("close", (code) => ok({ code, stdout, stderr })),
  );
  return { child, done };
}

describe("learndyn train output folders", () => {
  it("parallel runs with the default folder each keep their own folder and files", async () => {
    runCli(["--version"]); // builds dist/ when missing
    const cwd = tempDir();
    const seeds = [1, 2, 3, 4];
    const runs = await Promise.all(
      seeds.map((s) => start(["train", "--seed", String(s), "--steps", "50", "--json"], cwd).done),
    );
    const outs = runs.map((r) => {
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).out as string;
    });
    expect(new Set(outs).size).toBe(4);
    outs.forEach((out, i) => {
      expect(JSON.parse(readFileSync(join(cwd, out, "config.json"), "utf8")).seed).toBe(seeds[i]);
      expect(JSON.parse(readFileSync(join(cwd, out, "summary.json"), "utf8")).out).toBe(out);
    });
    expect(readdirSync(join(cwd, "runs")).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("refuses an existing --out (nothing touched) unless --force, which replaces it", () => {
    const out = join(tempDir(), "mine");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "keep me");
    const r = runCli(["train", "--steps", "5", "--out", out, "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*mine exists and is not empty; choose another folder, or pass --force/);
    expect(readdirSync(out)).toEqual(["notes.txt"]);
    const forced = runCli(["train", "--steps", "5", "--out", out, "--force", "--json"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "config.json",
      "history.csv",
      "history.json",
      "summary.json",
      "weights.json",
    ]);
  });

  it("Ctrl-C stops the run, exits 130 and leaves no folder behind", async () => {
    const cwd = tempDir();
    const run = start(["train", "--steps", "10000000", "--hidden", "64", "--out", "runs/a", "--json"], cwd);
    // Wait until the run has started (its partial folder exists), then interrupt it.
    const deadline = Date.now() + 20_000;
    while (
      !(existsSync(join(cwd, "runs")) && readdirSync(join(cwd, "runs")).some((n) => n.includes("partial")))
    ) {
      if (Date.now() > deadline) throw new Error("the run did not start within 20 s");
      await new Promise((r) => setTimeout(r, 50));
    }
    run.child.kill("SIGINT");
    const r = await run.done;
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/interrupted at step \d+ of 10000000; nothing was kept/);
    expect(readdirSync(join(cwd, "runs"))).toEqual([]);
  });

  it("names the flag of a bad number and refuses hex", () => {
    for (const [flag, value] of [
      ["--steps", "small"],
      ["--steps", "0x10"],
      ["--lr", "1e"],
    ]) {
      const r = runCli(["train", flag, value, "--out", join(tempDir(), "x")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(flag);
      expect(r.stderr).toMatch(/expected a decimal number/);
    }
    const hidden = runCli(["train", "--hidden", "8,x", "--out", join(tempDir(), "x")]);
    expect(hidden.code).toBe(2);
    expect(hidden.stderr).toMatch(/--hidden: expected a decimal number/);
  });

  it("option errors of a subcommand exit 2 (invalid input), as the help says", () => {
    for (const args of [
      ["train", "--frobnicate"],
      ["train", "--backend", "foo"],
      ["train", "--data", "csv"],
      ["export"],
      ["export", "x.db", "--format", "xlsx"],
    ]) {
      expect(runCli(args).code, args.join(" ")).toBe(2);
    }
  });
});
