// End to end: `learndyn sweep` of the `failure` built-in (48 × 49 starts) run by run (--no-batch, today's
// path) and batched, a 256 × 256 version of it (65,536 starts) batched, and the PyTorch float64 peer
// (bench/batched_torch.py: the same ensemble as stacked weights and torch.bmm) on the same thread count,
// all in this one script. Each sweep is a fresh CLI process writing a fresh store; wall seconds are the
// sweep's own (its --json summary), CPU seconds those of the whole process (this VM is shared: under load
// the CPU figures are the steadier comparison). The 256² per-run sweep is not run (it would take minutes):
// its rate is the failure built-in's per-run rate.
// Usage: npm run build && node bench/batched-sweep.mjs [--workers 2] [--side 256] [--torch-chunk 4096]
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const workers = Number(arg("workers", "2"));
const side = Number(arg("side", "256"));
const torchChunk = Number(arg("torch-chunk", "4096"));
const root = new URL("../", import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), "learndyn-bench-"));

/** Runs the CLI under /usr/bin/time; returns its JSON summary plus the process's CPU seconds. */
function sweep(label, args) {
  const r = spawnSync(
    "/usr/bin/time",
    ["-f", "CPU %U %S", process.execPath, join(root, "bin/learndyn.js"), "sweep", ...args, "--json", "--yes"],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  );
  if (r.status !== 0) throw new Error(`${label}: ${r.stderr}`);
  const cpu = /CPU ([\d.]+) ([\d.]+)/.exec(r.stderr);
  const s = JSON.parse(r.stdout.trim().split("\n").pop());
  const runs = s.ran.done + s.ran.stopped + s.ran.diverged + s.ran.failed;
  const cpuSeconds = cpu ? Number(cpu[1]) + Number(cpu[2]) : Number.NaN;
  return {
    label,
    runs,
    seconds: s.seconds,
    runsPerSecond: s.runsPerSecond,
    cpuSeconds,
    cpuRunsPerSecond: runs / cpuSeconds,
  };
}

const spec = JSON.parse(
  spawnSync(
    process.execPath,
    [join(root, "bin/learndyn.js"), "sweep", "--builtin", "failure", "--print-spec"],
    {
      encoding: "utf8",
    },
  ).stdout,
);
spec.name = `failure-${side}`;
spec.axes[0].range.count = side;
spec.axes[1].range.count = side;
const bigSpec = join(dir, "big.json");
writeFileSync(bigSpec, JSON.stringify(spec));

const load = loadavg().map((x) => x.toFixed(1));
const w = ["--workers", String(workers)];
const results = [
  sweep("failure per-run", ["--builtin", "failure", "--store", join(dir, "a.db"), "--no-batch", ...w]),
  sweep("failure batched", ["--builtin", "failure", "--store", join(dir, "b.db"), ...w]),
  sweep(`${side}² batched`, [bigSpec, "--store", join(dir, "c.db"), ...w]),
];
const torch = spawnSync(
  "/usr/bin/python3",
  [join(root, "bench/batched_torch.py"), JSON.stringify({ side, threads: workers, chunk: torchChunk })],
  { encoding: "utf8" },
);
if (torch.status === 0) {
  const t = JSON.parse(torch.stdout);
  results.push({
    label: `${side}² torch bmm (${t.threads} threads, chunks of ${t.chunk})`,
    runs: t.runs,
    seconds: t.seconds,
    runsPerSecond: t.runsPerSecond,
    cpuSeconds: t.cpuSeconds,
    cpuRunsPerSecond: t.cpuRunsPerSecond,
  });
} else results.push({ label: "torch peer not run", error: torch.stderr.trim().split("\n").pop() });
const perRun = results[0];
for (const r of results) {
  if (r.runsPerSecond) r.speedup = r.runsPerSecond / perRun.runsPerSecond;
  if (r.cpuRunsPerSecond) r.cpuSpeedup = r.cpuRunsPerSecond / perRun.cpuRunsPerSecond;
}
console.log(JSON.stringify({ date: new Date().toISOString(), loadAverage: load, workers, results }, null, 2));
