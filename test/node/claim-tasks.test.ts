import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../../src/node/store/store.js";
import { gridSweepSpec, runCli, spawnSweep, tempDir } from "../cli/cli-helpers.js";

/** 120 runs of a few ms each. */
const SPEC = gridSweepSpec({
  name: "shared",
  steps: 200,
  scales: 6,
  seeds: 2,
  keep: { scalars: ["loss", "error"] },
});

function sweep(
  specPath: string,
  store: string,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnSweep(specPath, store, ["--workers", "1", "--no-batch", "--json"]);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (d) => {
    stdout += d;
  });
  child.stderr?.on("data", (d) => {
    stderr += d;
  });
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

describe("two sweep processes on one store (built CLI)", () => {
  it("share the work through run leases, and their summaries count what each stored", async () => {
    runCli(["--version"]); // builds dist/ if missing
    const dir = tempDir();
    const specPath = join(dir, "spec.json");
    writeFileSync(specPath, JSON.stringify(SPEC));
    const store = join(dir, "shared.db");
    const results = await Promise.all([sweep(specPath, store), sweep(specPath, store)]);
    const summaries = results.map((r) => {
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout);
    });
    const ran = summaries.map((s) =>
      Object.values(s.ran as Record<string, number>).reduce((a, b) => a + b, 0),
    );
    // Every run is counted by exactly one process (before leases both did all 120 and both counted them).
    expect(
      ran[0] + ran[1],
      `runs counted: ${ran}, left elsewhere: ${summaries.map((s) => s.elsewhere)}`,
    ).toBe(120);
    const s = openStore(store);
    expect(new Set(s.runs().map((r) => `${r.pointKey}|${r.seedIndex}`)).size).toBe(120);
    s.close();
  }, 240_000);
});
