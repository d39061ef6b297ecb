import type { ChildProcess } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/engine/rng.js";
import { openStore } from "../../src/node/store/store.js";
import { comparable, tempPath } from "../node/store/helpers.js";
import { gridSweepSpec, runCli, spawnSweep, tempDir } from "./cli-helpers.js";

/**
 * 240 runs in batches of 30 (8 batches on 2 workers). The killed sweeps commit each batch as it arrives
 * (--commit-ms 0): with the default 250 ms window a fast machine trains the whole sweep inside the first
 * window and commits it in one transaction, leaving no moment to kill it mid-way (CI saw 240 at every kill).
 */
const SPEC = gridSweepSpec({
  name: "killme",
  steps: 3000,
  scales: 8,
  seeds: 3,
  keep: { scalars: ["loss", "error", "marginMin"], history: { points: 5 } },
});

function start(specPath: string, store: string, workers: number): ChildProcess {
  return spawnSweep(specPath, store, ["--workers", String(workers), "--commit-ms", "0", "--quiet"], {
    stdio: "ignore",
  });
}

/** Runs in a store (0 when it does not exist yet). */
function storedRuns(path: string): number {
  if (!existsSync(path)) return 0;
  try {
    const s = openStore(path);
    const n = s.runs().length;
    s.close();
    return n;
  } catch {
    return 0;
  }
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

describe("sweep killed with SIGKILL (built CLI)", () => {
  it("resumed after 20 kill -9 at random moments of a batched, group-committed sweep holds every run exactly once, equal to an uninterrupted run-by-run sweep", async () => {
    runCli(["--version"]); // builds dist/ if missing
    const dir = tempDir();
    const specPath = join(dir, "spec.json");
    writeFileSync(specPath, JSON.stringify(SPEC));
    const reference = join(dir, "reference.db");
    const t0 = performance.now();
    const ref = runCli(["sweep", specPath, "--store", reference, "--workers", "1", "--quiet"]);
    // Kills are timed from this machine's own pace: an uninterrupted sweep on 1 worker took `full` ms.
    const full = performance.now() - t0;
    expect(ref.code, ref.stderr).toBe(0);
    // The same sweep trained run by run (no batching): the killed, batched sweep must store its rows.
    const perRun = join(dir, "per-run.db");
    const solo = runCli(["sweep", specPath, "--store", perRun, "--workers", "1", "--no-batch", "--quiet"]);
    expect(solo.code, solo.stderr).toBe(0);

    const killed = tempPath("killed.db");
    const rng = new Rng(42);
    const counts: number[] = [];
    for (let k = 0; k < 20; k++) {
      const child = start(specPath, killed, 2);
      const done = exited(child);
      // Wait until this process has committed a batch (counted in the store: its file also grows when the
      // process claims runs, before it stores any), then kill at a random moment within an eighth of what
      // a whole sweep takes on one worker here: about one batch's time, so the kill lands mid-sweep.
      const before = storedRuns(killed);
      for (let t = 0; t < 600 && storedRuns(killed) <= before && child.exitCode === null; t++) {
        await new Promise((r) => setTimeout(r, 20));
      }
      await new Promise((r) => setTimeout(r, rng.uniform() * 0.125 * full));
      child.kill("SIGKILL");
      await done;
      counts.push(storedRuns(killed));
    }
    // At least one kill landed mid-sweep, and counts never go down: committed runs survive every kill.
    expect(
      counts.some((c) => c > 0 && c < 240),
      `runs stored after each kill: ${counts}`,
    ).toBe(true);
    for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]);
    const resume = runCli(["sweep", specPath, "--store", killed, "--workers", "2", "--json"]);
    expect(resume.code, resume.stderr).toBe(0);
    const summary = JSON.parse(resume.stdout);
    expect(summary.stored).toBe(240);
    expect(summary.skipped).toBe(counts[counts.length - 1]);

    const a = openStore(killed);
    const b = openStore(perRun);
    const runs = a.runs();
    const keys = new Set(runs.map((r) => `${r.pointKey}|${r.seedIndex}`));
    expect(runs).toHaveLength(240);
    expect(keys.size).toBe(240);
    expect(comparable(runs)).toEqual(comparable(b.runs()));
    a.close();
    b.close();
  }, 300_000);
});
