/**
 * The README's Slurm job array, run unchanged on a real (single-node) Slurm cluster: submitted with
 * `sbatch`, one task requeued while it runs, the shards merged, and the merged store compared row for row
 * with an unsharded local run. CI brings the cluster up with scripts/slurm-up.sh and sets
 * LEARNDYN_REQUIRE_SLURM=1, so there the test fails instead of skipping when no cluster answers.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "../cli/cli-helpers.js";
import { committedRuns, storeRows } from "./shard-store.js";

const root = new URL("../../", import.meta.url).pathname;
const cli = join(root, "bin/learndyn.js");

/** True when a Slurm controller answers on this machine. */
function slurmIsUp(): boolean {
  const ping = spawnSync("scontrol", ["ping"], { encoding: "utf8" });
  return ping.status === 0 && /is UP/.test(ping.stdout);
}

const required = process.env.LEARNDYN_REQUIRE_SLURM === "1";
const up = slurmIsUp();
if (required && !up) {
  throw new Error(
    "LEARNDYN_REQUIRE_SLURM=1 but no Slurm controller answers `scontrol ping`: run scripts/slurm-up.sh",
  );
}

/** The first ```sh block after the README's "Slurm job array" line: the script users copy. */
export function readmeSbatchScript(readme: string): string {
  const from = readme.indexOf("Slurm job array");
  if (from < 0) throw new Error('README.md has no "Slurm job array" section');
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(from));
  if (!block) throw new Error("README.md's Slurm section has no ```sh block");
  return block[1];
}

/** 24 runs of a few hundred ms each: long enough for a task to be requeued while it runs. */
const SPEC = {
  name: "lr",
  base: {
    data: { kind: "orthogonal", norms: [1, 2, 0.5, 1] },
    model: { hidden: [16] },
    train: { steps: 6000 },
    probes: { schedule: { kind: "log", perDecade: 5 }, include: ["margins"] },
  },
  axes: [
    { field: "optimizer.lr", values: [0.01, 0.03, 0.1] },
    { field: "init.scale", values: [0.01, 0.1, 0.3, 1] },
  ],
  seeds: 2,
  keep: { scalars: ["loss", "error", "marginMin"], history: { points: 5 } },
};

const TASKS = 4;

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): string {
  return execFileSync(cmd, args, { cwd, env, encoding: "utf8" });
}

/** The Slurm state of every task of an array job ("" once the job has left the queue). */
function taskStates(jobId: string): Map<string, string> {
  const out =
    spawnSync("squeue", ["-h", "-r", "-j", jobId, "-o", "%i %T"], { encoding: "utf8" }).stdout ?? "";
  const states = new Map<string, string>();
  for (const line of out.trim().split("\n").filter(Boolean)) {
    const [id, state] = line.split(" ");
    states.set(id, state);
  }
  return states;
}

async function until(what: string, ms: number, test: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe.skipIf(!up)("the README's Slurm job array on a real cluster", () => {
  it("runs unchanged, a requeued task resumes its shard, and the merged store equals a local run", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "lr.json"), JSON.stringify(SPEC));
    writeFileSync(
      join(dir, "sweep.sbatch"),
      readmeSbatchScript(readFileSync(join(root, "README.md"), "utf8")),
    );
    mkdirSync(join(dir, "logs"));
    // As the README says: LEARNDYN names the clone; the small node gets its sizes on the command line.
    const env = { ...process.env, LEARNDYN: root };
    const jobId = sh(
      "sbatch",
      ["--parsable", `--array=0-${TASKS - 1}`, "--cpus-per-task=1", "--time=10", "sweep.sbatch"],
      dir,
      env,
    ).trim();
    expect(jobId).toMatch(/^\d+$/);

    // Requeue task 0 once it has committed a run. Counted in the store itself: the file also grows while
    // its schema is written, and a requeue before the first commit left nothing to resume (a CI flake).
    const shard0 = join(dir, `runs/lr.shard-0-of-${TASKS}.db`);
    let requeuedAt = 0;
    await until("task 0 to commit a run", 120_000, () => (requeuedAt = committedRuns(shard0)) > 0);
    sh("scontrol", ["requeue", `${jobId}_0`], dir);
    // A requeued task is held for ~2 min before it may start again; let it start now.
    await until(
      "task 0 to be pending again",
      30_000,
      () => taskStates(jobId).get(`${jobId}_0`) === "PENDING",
    );
    sh("scontrol", ["update", `JobId=${jobId}_0`, "StartTime=now"], dir);
    await until("every task to finish", 240_000, () => taskStates(jobId).size === 0);

    const logs = readdirSync(join(dir, "logs"));
    expect(logs.sort()).toEqual([0, 1, 2, 3].map((a) => `learndyn-lr-${jobId}-${a}.out`));
    const log0 = readFileSync(join(dir, "logs", `learndyn-lr-${jobId}-0.out`), "utf8");
    expect(requeuedAt).toBeGreaterThan(0);
    expect(log0).toMatch(/already stored/);
    const shards = readdirSync(join(dir, "runs"))
      .filter((f) => /^lr\.shard-\d+-of-4\.db$/.test(f))
      .map((f) => join(dir, "runs", f));
    expect(shards).toHaveLength(TASKS);

    sh(process.execPath, [cli, "merge", ...shards, "-o", join(dir, "merged.db"), "--quiet"], dir);
    sh(
      process.execPath,
      [cli, "sweep", join(dir, "lr.json"), "--store", join(dir, "local.db"), "--quiet"],
      dir,
    );
    const merged = storeRows(join(dir, "merged.db"));
    const local = storeRows(join(dir, "local.db"));
    expect(merged).toHaveLength(24);
    expect(merged).toEqual(local);
  }, 420_000);
});
