/**
 * The README's Kubernetes Indexed Job. No cluster runs here, so: the manifest is validated against the
 * batch/v1 Job schema (kubernetes-models), and its shard contract is played locally — the container's
 * command run once per completion index with JOB_COMPLETION_INDEX set, one index killed mid-run and run
 * again with the same index (what `restartPolicy: OnFailure` does), the stores merged and compared with an
 * unsharded local run.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Job } from "kubernetes-models/batch/v1/Job";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { tempDir } from "../cli/cli-helpers.js";
import { committedRuns, storeRows } from "./shard-store.js";

const root = new URL("../../", import.meta.url).pathname;

/** The first ```yaml block after the README's "Kubernetes Indexed Job" words. */
function readmeManifest(): string {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const from = readme.indexOf("Kubernetes Indexed Job");
  if (from < 0) throw new Error('README.md has no "Kubernetes Indexed Job" section');
  const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(from));
  if (!block) throw new Error("README.md's Kubernetes section has no ```yaml block");
  return block[1];
}

interface Mount {
  name: string;
  mountPath: string;
}

/** The parts of the manifest the contract needs. */
function contract(manifest: Record<string, unknown>) {
  const job = new Job(manifest as ConstructorParameters<typeof Job>[0]);
  job.validate();
  const spec = job.spec!;
  const container = spec.template.spec!.containers[0];
  return {
    completionMode: spec.completionMode,
    completions: spec.completions!,
    restartPolicy: spec.template.spec!.restartPolicy,
    workingDir: container.workingDir!,
    command: [...(container.command ?? []), ...(container.args ?? [])],
    mounts: (container.volumeMounts ?? []) as Mount[],
  };
}

/** 48 runs of ~100 ms: 3 per index, long enough to kill an index after its first commit. */
const SPEC = {
  name: "lr",
  base: {
    data: { kind: "orthogonal", norms: [1, 2, 0.5, 1] },
    model: { hidden: [16] },
    train: { steps: 2000 },
    probes: { schedule: { kind: "log", perDecade: 5 }, include: ["margins"] },
  },
  axes: [
    { field: "optimizer.lr", values: [0.01, 0.02, 0.05, 0.1] },
    { field: "init.scale", values: [0.01, 0.03, 0.1, 0.3, 0.6, 1] },
  ],
  seeds: 2,
  keep: { scalars: ["loss", "error", "marginMin"], history: { points: 5 } },
};

describe("the README's Kubernetes Indexed Job", () => {
  const manifest = parse(readmeManifest()) as Record<string, unknown>;

  it("is a valid batch/v1 Job with one completion per shard, restarted on failure", () => {
    const c = contract(manifest);
    expect(c.completionMode).toBe("Indexed");
    expect(c.restartPolicy).toBe("OnFailure");
    const shardArg = /--shard "\$JOB_COMPLETION_INDEX\/(\d+)"/.exec(c.command.join(" "));
    expect(shardArg, "the command shards by $JOB_COMPLETION_INDEX").not.toBeNull();
    expect(Number(shardArg![1])).toBe(c.completions);
    expect(() =>
      contract({ ...manifest, spec: { ...(manifest.spec as object), completions: "16" } }),
    ).toThrow();
  });

  it("runs each index once, a killed index again with the same index, and merges to a local run", async () => {
    const c = contract(manifest);
    const dir = tempDir();
    // The two volumes become local folders: the code one holds the clone's runnable parts and lr.json.
    const paths = new Map<string, string>();
    for (const m of c.mounts) paths.set(m.mountPath, join(dir, m.name));
    const code = paths.get(c.workingDir);
    expect(code, "workingDir is the code volume").toBeDefined();
    mkdirSync(code!);
    for (const f of ["bin", "dist", "node_modules", "package.json"])
      symlinkSync(join(root, f), join(code!, f));
    writeFileSync(join(code!, "lr.json"), JSON.stringify(SPEC));
    for (const [, p] of paths) mkdirSync(p, { recursive: true });
    // Paths become the local folders; a pod's 4 CPUs become one worker here (2 cores, 16 indices).
    const local = (s: string) =>
      [...paths]
        .reduce((acc, [from, to]) => acc.split(from).join(to), s)
        .replace(/--workers \d+/, "--workers 1");
    const [shell, flag, script] = c.command.map(local);
    const index = (i: number): ChildProcess =>
      spawn(shell, [flag, script], {
        cwd: code,
        env: { ...process.env, JOB_COMPLETION_INDEX: String(i) },
        stdio: ["ignore", "ignore", "pipe"],
      });
    const exit = (p: ChildProcess) => new Promise<number | null>((r) => p.on("exit", (code) => r(code)));
    const results = paths.get("/results")!;
    const store = (i: number) => join(results, `lr.shard-${i}-of-${c.completions}.db`);

    // Index 1 is killed after its first committed run, counted in the store itself: the file also grows
    // while its schema is written, so waiting for growth killed it before any commit on a loaded machine.
    const victim = index(1);
    for (let t = 0; t < 2400 && committedRuns(store(1)) === 0; t++)
      await new Promise((r) => setTimeout(r, 50));
    victim.kill("SIGKILL");
    await exit(victim);
    const beforeRestart = storeRows(store(1)).length;
    expect(beforeRestart).toBeGreaterThan(0);
    expect(beforeRestart).toBeLessThan(6);

    for (let i = 0; i < c.completions; i += 2) {
      const pair = [index(i), ...(i + 1 < c.completions ? [index(i + 1)] : [])];
      expect(await Promise.all(pair.map(exit))).toEqual(pair.map(() => 0));
    }
    // Every (point, seed) in exactly one shard.
    const perShard = Array.from({ length: c.completions }, (_, i) => storeRows(store(i)));
    const keys = perShard.flat().map((r) => `${r.pointIndex}/${r.seedIndex}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toHaveLength(48);

    const cli = join(root, "bin/learndyn.js");
    const shards = perShard.map((_, i) => store(i));
    execFileSync(process.execPath, [cli, "merge", ...shards, "-o", join(dir, "merged.db"), "--quiet"]);
    execFileSync(process.execPath, [
      cli,
      "sweep",
      join(code!, "lr.json"),
      "--store",
      join(dir, "local.db"),
      "--quiet",
    ]);
    expect(storeRows(join(dir, "merged.db"))).toEqual(storeRows(join(dir, "local.db")));
  }, 240_000);
});
