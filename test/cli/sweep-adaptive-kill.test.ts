import type { ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/engine/rng.js";
import { readAdaptiveCells } from "../../src/node/store/adaptive-cells.js";
import { openStore } from "../../src/node/store/store.js";
import { builtinSweep } from "../../src/sweep/builtins.js";
import { comparable } from "../node/store/helpers.js";
import { runCli, spawnSweep, tempDir } from "./cli-helpers.js";

/** The failure-adaptive built-in at 1/80 (about 750 one-unit runs over 5 levels). */
function spec() {
  const s = builtinSweep("failure-adaptive");
  return { ...s, name: "adaptive-killme", adaptive: { ...s.adaptive, resolution: 0.2 / 16 } };
}

/** Runs and recorded cells of a store (nothing when it cannot be opened yet). */
function contents(path: string) {
  if (!existsSync(path)) return { runs: [], cells: [] };
  try {
    const s = openStore(path);
    try {
      return { runs: comparable(s.runs()), cells: readAdaptiveCells(s.db) };
    } finally {
      s.close();
    }
  } catch {
    return { runs: [], cells: [] };
  }
}

/** Runs stored so far (0 while the store cannot be opened). */
function storedCount(path: string): number {
  if (!existsSync(path)) return 0;
  try {
    const s = openStore(path);
    try {
      return s.storedCount();
    } finally {
      s.close();
    }
  } catch {
    return 0;
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

describe("sweep --adaptive killed with SIGKILL (built CLI)", () => {
  it("resumed after kill -9 at random moments, ends with the store of an uninterrupted run (runs and cells)", async () => {
    runCli(["--version"]); // builds dist/ if missing
    const dir = tempDir();
    const specPath = join(dir, "spec.json");
    writeFileSync(specPath, JSON.stringify(spec()));
    const reference = join(dir, "reference.db");
    const ref = runCli(["sweep", specPath, "--adaptive", "--store", reference, "--workers", "2", "--json"]);
    expect(ref.code, ref.stderr).toBe(0);
    const total = JSON.parse(ref.stdout).runs as number;
    expect(total).toBeGreaterThan(500);

    const killed = join(dir, "killed.db");
    const rng = new Rng(7);
    const counts: number[] = [];
    // Each process is killed at a random point of its progress (once the store holds a random number of
    // runs between what it held and the total, then 0–300 ms later: mid-batch, between a level's runs and
    // its cells, or after the level), whatever this machine's load; stop once the store is complete.
    for (let k = 0; k < 8 && counts[counts.length - 1] !== total; k++) {
      const child = spawnSweep(specPath, killed, ["--adaptive", "--workers", "2", "--quiet"], {
        stdio: "ignore",
      });
      const done = exited(child);
      const from = storedCount(killed);
      const target = from + rng.uniform() * (total - from);
      while (storedCount(killed) <= target && child.exitCode === null)
        await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, 300 * rng.uniform()));
      child.kill("SIGKILL");
      await done;
      counts.push(contents(killed).runs.length);
    }
    expect(
      counts.some((c) => c > 0 && c < total),
      `runs stored after each kill: ${counts}`,
    ).toBe(true);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1] as number);
    const resume = runCli(["sweep", specPath, "--adaptive", "--store", killed, "--workers", "2", "--json"]);
    expect(resume.code, resume.stderr).toBe(0);
    const summary = JSON.parse(resume.stdout);
    expect(summary.runs).toBe(total);
    // Stored runs were read back, not trained again.
    expect(summary.skipped).toBe(counts[counts.length - 1]);
    expect(summary.ran.done).toBe(total - (counts[counts.length - 1] as number));

    const a = contents(killed);
    const b = contents(reference);
    expect(a.runs).toHaveLength(total);
    expect(new Set(a.runs.map((r) => `${r.pointKey}|${r.seedIndex}`)).size).toBe(total);
    expect(a.runs).toEqual(b.runs);
    expect(a.cells).toEqual(b.cells);
  }, 300_000);
});
