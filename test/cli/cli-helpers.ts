import { type ChildProcess, type SpawnOptions, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../../", import.meta.url).pathname;

/** Runs the built CLI (bin/learndyn.js → dist/) and returns its exit code and output. */
export function runCli(args: string[], cwd = root): { code: number; stdout: string; stderr: string } {
  if (!existsSync(join(root, "dist/cli/main.js"))) {
    spawnSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
  }
  const r = spawnSync(process.execPath, [join(root, "bin/learndyn.js"), ...args], { cwd, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "learndyn-test-"));
}

/**
 * A grid sweep for the multi-process tests: 10 learning rates × `scales` init scales × `seeds` seeds of
 * an 8-unit net on four orthogonal points (`steps` steps each, margins probed 5 times per decade).
 */
export function gridSweepSpec(o: {
  name: string;
  /** Training steps per run (sets how long a run takes). */
  steps: number;
  /** Number of init scales in [0.01, 1]. */
  scales: number;
  seeds: number;
  /** The spec's `keep` (what the store keeps of each run). */
  keep: Record<string, unknown>;
}) {
  return {
    name: o.name,
    base: {
      data: { kind: "orthogonal", norms: [1, 2, 0.5, 1] },
      model: { hidden: [8] },
      train: { steps: o.steps },
      probes: { schedule: { kind: "log", perDecade: 5 }, include: ["margins"] },
    },
    axes: [
      { field: "optimizer.lr", range: { from: 0.01, to: 0.5, count: 10, scale: "log" } },
      { field: "init.scale", range: { from: 0.01, to: 1, count: o.scales, scale: "log" } },
    ],
    seeds: o.seeds,
    keep: o.keep,
  };
}

/** Starts `learndyn sweep SPEC --store STORE ...flags` of the built CLI as a child process. */
export function spawnSweep(
  specPath: string,
  store: string,
  flags: string[],
  options: SpawnOptions = {},
): ChildProcess {
  return spawn(
    process.execPath,
    [join(root, "bin/learndyn.js"), "sweep", specPath, "--store", store, ...flags],
    options,
  );
}
