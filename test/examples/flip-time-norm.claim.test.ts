import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, tempDir } from "../cli/cli-helpers.js";

const root = new URL("../../", import.meta.url).pathname;
const example = join(root, "examples/flip-time-norm.claim.js");

/** The ```js block of the README's "Your own claim" section. */
function readmeClaim(): string {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const from = readme.indexOf("### Your own claim");
  if (from < 0) throw new Error('README.md has no "Your own claim" section');
  const block = readme.slice(from).match(/```js\n([\s\S]*?)```/);
  if (!block) throw new Error("README.md's own-claim section has no ```js block");
  return block[1];
}

describe("the README's own claim (examples/flip-time-norm.claim.js)", () => {
  it("is the example file, with the package name where the repository imports its build", () => {
    const file = readFileSync(example, "utf8")
      .split("\n")
      .filter((line) => !line.startsWith("// In your own project"))
      .join("\n")
      .replace('"../dist/index.js"', '"learndyn"')
      .replace("./examples/flip-time-norm.claim.js", "./flip-time-norm.claim.js");
    expect(readmeClaim()).toBe(file);
  });

  it("runs through learndyn reproduce: checks table, report, figures", () => {
    const out = tempDir();
    const table = runCli([
      "reproduce",
      "./examples/flip-time-norm.claim.js",
      "--out",
      out,
      "--no-png",
      "-w",
      "1",
    ]);
    expect(table.stderr).not.toMatch(/error/i);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/X1 +X1 t\*\(‖x‖ = 0\.5\) \/ t\*\(‖x‖ = 1\) = 2 +2 +2 +pass/);
    expect(table.stdout).toContain("3/3 checks pass · 1 figures");
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain(
      "Doubling the input norm halves the flip time",
    );
    for (const ext of ["svg", "json", "csv"])
      expect(existsSync(join(out, "figures", `flip-time-norm-margins.${ext}`))).toBe(true);
    const json = runCli([
      "reproduce",
      "./examples/flip-time-norm.claim.js",
      "--out",
      tempDir(),
      "--no-png",
      "--json",
      "-w",
      "1",
    ]);
    const checks = JSON.parse(json.stdout).checks as { measured: number; pass: boolean }[];
    expect(checks).toHaveLength(3);
    for (const c of checks) expect(Math.abs(c.measured / 2 - 1)).toBeLessThan(0.01);
  });

  it("has a check that can fail: at a large init the ratio is not 2", async () => {
    const { default: claim } = await import(example);
    const r = claim.runWith({ ...claim.settings.default, a0: 1 });
    expect(r.checks.map((c: { pass: boolean }) => c.pass)).toEqual([false, false, false]);
    expect(r.checks[0].measured).toBeGreaterThan(2.05);
  });
});
