import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Rng } from "../../src/engine/rng.js";
import { openStore } from "../../src/node/store/store.js";
import { comparable, tempPath } from "../node/store/helpers.js";
import { runCli, tempDir } from "./cli-helpers.js";

const root = new URL("../../", import.meta.url).pathname;

/**
 * ~240 runs of tens of ms each. Batched and group-committed (≤ 250 ms per transaction), a sweep of shorter
 * runs commits everything in one transaction on an idle machine, leaving no moment to kill it mid-way.
 */
const SPEC = {
  name: "killme",
  base: {
    data: { kind: "orthogonal", norms: [1, 2, 0.5, 1] },
    model: { hidden: [8] },
    train: { steps: 3000 },
    probes: { schedule: { kind: "log", perDecade: 5 }, include: ["margins"] },
  },
  axes: [
    { field: "optimizer.lr", range: { from: 0.01, to: 0.5, count: 10, scale: "log" } },
    { field: "init.scale", range: { from: 0.01, to: 1, count: 8, scale: "log" } },
  ],
  seeds: 3,
  keep: { scalars: ["loss", "error", "marginMin"], history: { points: 5 } },
};

function start(specPath: string, store: string, workers: number): ChildProcess {
  return spawn(
    process.execPath,
    [
      join(root, "bin/learndyn.js"),
      "sweep",
      specPath,
      "--store",
      store,
      "--workers",
      String(workers),
      "--quiet",
    ],
    { stdio: "ignore" },
  );
}

/** Bytes in a file (0 when it does not exist yet). */
function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
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
      // Wait until this process has committed a run (the file grows: with a rollback journal the store
      // file changes only at commits; watching its size takes no lock), then kill at a random moment
      // within a quarter of what a whole sweep takes on this machine.
      const before = fileSize(killed);
      for (let t = 0; t < 3000 && fileSize(killed) <= before && child.exitCode === null; t++) {
        await new Promise((r) => setTimeout(r, 10));
      }
      await new Promise((r) => setTimeout(r, rng.uniform() * 0.25 * full));
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
