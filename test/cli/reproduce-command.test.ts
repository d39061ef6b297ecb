import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { strictExitCode } from "../../src/cli/reproduce-command.js";
import { runCli, tempDir } from "./cli-helpers.js";

const pass = { pass: true };
const fault = { pass: false };
const finding = { pass: false, finding: "SD does not un-starve B: 0.5 vs 0.52" };

describe("strictExitCode", () => {
  it("is 0 without a strict flag, whatever failed", () => {
    expect(strictExitCode([pass, fault, finding], {})).toBe(0);
  });
  it("--strict fails on an unexplained failure", () => {
    expect(strictExitCode([pass, fault], { strict: true })).toBe(4);
  });
  it("--strict passes when only known findings fail", () => {
    expect(strictExitCode([pass, finding], { strict: true })).toBe(0);
  });
  it("--strict-findings fails on a finding too", () => {
    expect(strictExitCode([pass, finding], { strictFindings: true })).toBe(4);
    expect(strictExitCode([pass], { strictFindings: true })).toBe(0);
  });
});

// Claim files for the built CLI import the built kit (a user's file imports "learndyn" instead).
const kit = pathToFileURL(join(new URL("../../dist/kit/", import.meta.url).pathname)).href;

/** A claim file whose one check compares `measured` with 1 (relative 1%), or that throws in measure. */
function claimSource(id: string, measured: number | "throw"): string {
  const measure =
    measured === "throw"
      ? '() => { throw new Error("the simulation diverged at step 12"); }'
      : `() => ${measured}`;
  return `import { defineClaim } from "${kit}claim.js";
import { relativeCheck } from "${kit}checks.js";
export default defineClaim({
  id: "${id}", claim: "${id.toUpperCase()}", title: "Claim ${id}", predictions: ["P"],
  settings: { default: {}, full: {} },
  measure: ${measure},
  checks: (m) => [relativeCheck("P", "the value is one", 1, m, 0.01, "rounding")],
  summary: () => ["a test claim"],
});`;
}

function writeClaims(dir: string, claims: Record<string, number | "throw">): string[] {
  return Object.entries(claims).map(([id, measured]) => {
    const path = join(dir, `${id}.mjs`);
    writeFileSync(path, claimSource(id, measured));
    return path;
  });
}

describe("learndyn reproduce with claim files", () => {
  it("runs a claim file in the pool and reports its checks like a built-in claim", () => {
    const dir = tempDir();
    const files = writeClaims(dir, { one: 1.001, off: 1.5 });
    const r = runCli(["reproduce", ...files, "--out", join(dir, "report"), "--json", "--no-png"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.checks.map((c: { claim: string; pass: boolean }) => [c.claim, c.pass])).toEqual([
      ["ONE", true],
      ["OFF", false],
    ]);
    expect(out.errors).toEqual([]);
    expect(readFileSync(join(dir, "report/report.html"), "utf8")).toContain("Claim one");
    // A failing check is not a tool error: 4 only with --strict.
    expect(runCli(["reproduce", files[1], "--out", join(dir, "r2"), "-q", "--strict", "--no-png"]).code).toBe(
      4,
    );
  });

  it("turns a claim that throws into an error row, runs the others, writes the report and exits 5", () => {
    const dir = tempDir();
    const files = writeClaims(dir, { good: 1, boom: "throw" });
    const r = runCli(["reproduce", ...files, "--out", join(dir, "report"), "--json", "--no-png"]);
    expect(r.code).toBe(5);
    const out = JSON.parse(r.stdout);
    expect(out.checks).toHaveLength(1);
    expect(out.checks[0]).toMatchObject({ claim: "GOOD", pass: true });
    expect(out.errors).toEqual([
      { id: "boom", claim: "BOOM", error: "Error: the simulation diverged at step 12" },
    ]);
    const results = JSON.parse(readFileSync(join(dir, "report/results.json"), "utf8"));
    expect(results.map((x: { id: string; error?: string }) => [x.id, x.error])).toEqual([
      ["good", undefined],
      ["boom", "Error: the simulation diverged at step 12"],
    ]);
    const html = readFileSync(join(dir, "report/report.html"), "utf8");
    expect(html).toContain("the simulation diverged at step 12");
    // The table on stdout has an ERROR row too.
    const table = runCli(["reproduce", files[1], "--out", join(dir, "r2"), "--no-png"]);
    expect(table.code).toBe(5);
    expect(table.stdout).toMatch(/BOOM\s+did not run: Error: the simulation diverged at step 12\s+ERROR/);
  });

  it("refuses a missing or malformed claim file before running anything (exit 2)", () => {
    const dir = tempDir();
    const missing = runCli(["reproduce", "./no-such-claim.js", "--out", join(dir, "r")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/claim file "\.\/no-such-claim\.js" does not exist/);
    const bad = join(dir, "bad.mjs");
    writeFileSync(bad, "export const answer = 42;");
    const r = runCli(["reproduce", bad, "--out", join(dir, "r")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/has no claim export \(its exports: answer\)/);
    expect(existsSync(join(dir, "r"))).toBe(false);
  });
});
