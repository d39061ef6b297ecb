import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinSweep } from "../../src/sweep/builtins.js";
import { runCli, tempDir } from "./cli-helpers.js";

describe("learndyn sweep --adaptive (built CLI)", () => {
  it("refines a spec file into its store, resumes from it, and report --store draws its figures", () => {
    const dir = tempDir();
    const s = builtinSweep("failure-adaptive");
    const specPath = join(dir, "adaptive.json");
    writeFileSync(specPath, JSON.stringify({ ...s, adaptive: { ...s.adaptive, resolution: 0.2 / 4 } }));
    const store = join(dir, "a.db");
    const first = runCli(["sweep", specPath, "--adaptive", "--store", store, "--workers", "1", "--json"]);
    expect(first.code, first.stderr).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.levels).toBe(3);
    expect(summary.ran.done).toBe(summary.runs);
    expect(summary.runs).toBeLessThan(summary.fullGridRuns);
    expect(summary.outcomes.learned + summary.outcomes.failed).toBe(summary.runs);
    const again = runCli(["sweep", specPath, "--adaptive", "--store", store, "--workers", "1"]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`0 trained now .*, ${summary.runs} already stored`));
    expect(again.stderr).toMatch(/level 2: \d+ runs \(\d+ already stored\)/);
    const out = join(dir, "report");
    const report = runCli(["report", "--store", store, "--out", out, "--json"]);
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout).figures).toBe(2);
    expect(existsSync(join(out, "fig", "adaptive-phase.png"))).toBe(true);
    expect(existsSync(join(out, "fig", "adaptive-phase-residual.png"))).toBe(true);
  }, 120_000);

  it("says what is missing: no adaptive block, a block without --adaptive, --shard", () => {
    const dir = tempDir();
    const noBlock = runCli(["sweep", "--builtin", "failure", "--adaptive", "--store", join(dir, "x.db")]);
    expect(noBlock.code).toBe(2);
    expect(noBlock.stderr).toMatch(/has no "adaptive" block; add one/);
    const noFlag = runCli(["sweep", "--builtin", "failure-adaptive", "--store", join(dir, "y.db")]);
    expect(noFlag.code).toBe(2);
    expect(noFlag.stderr).toMatch(/run it with --adaptive/);
    const shard = runCli(["sweep", "--builtin", "failure-adaptive", "--adaptive", "--shard", "0/2"]);
    expect(shard.code).toBe(2);
    expect(shard.stderr).toMatch(/cannot be combined with --shard/);
    expect(existsSync(join(dir, "x.db")) || existsSync(join(dir, "y.db"))).toBe(false);
    const help = runCli(["sweep", "--help"]);
    expect(help.stdout).toMatch(/"adaptive": \{ "resolution"/);
  });
});
