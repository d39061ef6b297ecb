import { mkdirSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, resolve } from "node:path";
import cliProgress from "cli-progress";
import { Command } from "commander";
import { ConfigError } from "../config/validate.js";
import { oneClassWarning } from "../data/validate.js";
import { formatCompact as fmt } from "../math/format.js";
import { readDataFile, readJsonFile } from "../node/load-config.js";
import { runSweep, type SweepProgress } from "../node/sweep-runner.js";
import { BUILTIN_SWEEPS, builtinSweep } from "../sweep/builtins.js";
import { planSweep } from "../sweep/expand.js";
import { unrecordedScalars } from "../sweep/kept-scalars.js";
import { parseShard, type Shard } from "../sweep/shard.js";
import { parseSweepSpec, type SweepSpec } from "../sweep/spec.js";
import { checkAdaptiveRequest, runAdaptiveCommand } from "./adaptive-command.js";

interface SweepFlags {
  builtin?: string;
  workers?: string;
  store?: string;
  shard?: string;
  yes?: boolean;
  json?: boolean;
  quiet?: boolean;
  retryFailed?: boolean;
  /** commander's negation of --no-batch: false when batching is turned off. */
  batch?: boolean;
  printSpec?: boolean;
  list?: boolean;
  adaptive?: boolean;
  commitMs?: string;
}

const EXAMPLES = `
Examples:
  learndyn sweep --list                                   # the built-in sweeps
  learndyn sweep --builtin failure                        # phase diagram over (a0, b0) into runs/failure.db
  learndyn sweep lr.json --workers 2 --store runs/lr.db   # your spec; run it again to resume
  learndyn sweep lr.json --shard 3/16 --store lr-3.db     # one of 16 deterministic slices (cluster job arrays)
  learndyn merge lr-*.db -o lr.db && learndyn export lr.db --format csv -o lr.csv
  learndyn report --store runs/failure.db --out report/failure
  learndyn sweep --builtin failure-adaptive --adaptive    # refine (a0, b0) only near the boundary

A sweep spec (JSON):
  { "name": "lr-scale",
    "base": { "data": { "kind": "moons" }, "model": { "hidden": [32] }, "train": { "steps": 2000 } },
    "axes": [ { "field": "optimizer.lr", "values": [0.01, 0.1, 1] },
              { "field": "init.scale", "range": { "from": 1e-4, "to": 1, "count": 9, "scale": "log" } } ],
    "combine": "cross", "seeds": 3,
    "keep": { "scalars": ["loss", "error", "steps"], "history": { "points": 50 } } }
  Field paths index lists with numbers: "data.norms.0", "init.weights.1.W.0.0".
  Several fields at once: { "name": "ab", "fields": ["…", "…"], "values": [[0.1, 0.05], …] }, or one value
  for all of them, optionally through "derive": [{ "power": 0.5, "times": -1, "plus": 0 }, …].
  Each run's seed is derived from the spec, the point and the seed index: results do not depend on the
  worker count, the order or the shard.

Adaptive phase diagrams (--adaptive): add an "adaptive" block; each axis is a linear range whose count
points are the coarse grid; a cell whose corners (or a corner's seeds) disagree is halved along every
axis until its side is at most the resolution; seeds are the replicates:
  "adaptive": { "resolution": 0.01,
                "outcome": { "scalar": "error", "cuts": [0.5], "labels": ["learned", "failed"] },
                "theory": [ { "slope": -1, "intercept": 0, "label": "theory: b0 = -a0" } ] }
  The outcome is the kept scalar cut at the thresholds (a diverged run is "diverged", a failed one
  "error"). The store records every run and every cell (split or not, and why); kill it at any moment and
  run the same command again: stored runs are read back, not run again. \`report --store\` draws the points
  by outcome, the boundary cells and the theory's lines dashed.

Runs that share an architecture and data spec (full-batch GD) are trained together as one batched
computation, each run's result bit for bit what it gives alone (--no-batch trains them one by one).
Store: SQLite (default runs/<name>.db, runs/<name>.shard-i-of-N.db with --shard). Finished runs are
committed in batches (at most 250 ms after they finish, --commit-ms): kill the sweep at any moment and run the same
command again to resume; only uncommitted runs are run again.
Exit status: 0 all runs stored, 1 error or a run failed (its error is printed), 2 invalid input.`;

export function sweepCommand(): Command {
  return new Command("sweep")
    .description("run a grid of training runs (× seeds) on all cores into a resumable SQLite store")
    .argument("[spec]", "sweep spec JSON file")
    .option("-b, --builtin <name>", `a built-in sweep (${BUILTIN_SWEEPS.map((b) => b.name).join(", ")})`)
    .option("-w, --workers <n>", `worker threads (default: all cores, here ${availableParallelism()})`)
    .option("--store <file>", "SQLite store (default runs/<name>.db)")
    .option("--shard <i/N>", "run only points with index ≡ i (mod N)")
    .option("-y, --yes", "allow sweeps of more than 100,000 runs")
    .option("--retry-failed", "run stored failed runs again")
    .option(
      "--no-batch",
      "train every run alone (default: runs sharing an architecture and data are batched)",
    )
    .option(
      "--commit-ms <ms>",
      "write finished runs to the store at most this long after they finish (default 250; 0 = at once)",
    )
    .option("--adaptive", 'refine the spec\'s grid where the outcome changes (needs its "adaptive" block)')
    .option("--print-spec", "print the validated spec (with defaults) and exit")
    .option("--list", "list the built-in sweeps and exit")
    .option("--json", "print a JSON summary on stdout (no progress bar)")
    .option("-q, --quiet", "print nothing but errors")
    .addHelpText("after", EXAMPLES)
    .action(async (specPath: string | undefined, flags: SweepFlags) => {
      process.exitCode = await runSweepCommand(specPath, flags);
    });
}

/** Loads a spec from a file (resolving data and weight files next to it) or from the built-ins. */
export function loadSweepSpec(specPath: string | undefined, builtin: string | undefined): SweepSpec {
  if (specPath && builtin) throw new Error("give a spec file or --builtin NAME, not both");
  if (builtin) return checkKept(builtinSweep(builtin), `built-in sweep ${builtin}`);
  if (!specPath) throw new Error("give a sweep spec file or --builtin NAME (see `learndyn sweep --list`)");
  const raw = readJsonFile(specPath, "sweep spec");
  const spec = parseSweepSpec(raw, specPath);
  resolveFiles(spec.base, dirname(resolve(specPath)));
  return checkKept(spec, specPath);
}

/** Refuses kept scalars that no included probe records (a stored spec is not checked: old stores export). */
function checkKept(spec: SweepSpec, source: string): SweepSpec {
  const problems = unrecordedScalars(spec);
  if (problems.length > 0) throw new ConfigError(source, problems);
  return spec;
}

/** Reads `data.kind: "file"` and `init.file` of the base into the spec, so workers need no files. */
function resolveFiles(base: Record<string, unknown>, dir: string): void {
  const data = base.data as { kind?: string; path?: string; labelColumn?: string } | undefined;
  if (data?.kind === "file" && typeof data.path === "string") {
    const ds = readDataFile(resolve(dir, data.path), data.labelColumn);
    const oneClass = oneClassWarning(ds);
    if (oneClass) process.stderr.write(`learndyn: warning: ${oneClass}\n`);
    const x: number[][] = [];
    for (let i = 0; i < ds.n; i++) x.push(Array.from(ds.x.subarray(i * ds.d, (i + 1) * ds.d)));
    base.data = { kind: "inline", x, y: Array.from(ds.y) };
  }
  const init = base.init as { scheme?: string; file?: string; weights?: unknown } | undefined;
  if (init?.scheme === "explicit" && typeof init.file === "string" && init.weights === undefined) {
    const value = readJsonFile(resolve(dir, init.file), "weights file");
    init.weights = Array.isArray(value) ? value : (value as { weights?: unknown })?.weights;
    delete init.file;
  }
}

/** The default store path of a sweep (and shard). */
export function defaultStorePath(spec: SweepSpec, shard: Shard | undefined): string {
  return shard ? `runs/${spec.name}.shard-${shard.index}-of-${shard.count}.db` : `runs/${spec.name}.db`;
}

function parseCommitMs(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = Number(text);
  if (!(Number.isFinite(ms) && ms >= 0 && ms <= 3_600_000)) {
    throw new Error(`--commit-ms "${text}": expected milliseconds from 0 to 3600000 (one hour)`);
  }
  return ms;
}

function parseWorkers(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 1024) {
    throw new Error(
      `--workers "${text}": expected a whole number of worker threads (1 to 1024; 0 = this thread)`,
    );
  }
  return n;
}

function progressReporter(quiet: boolean): { update(p: SweepProgress): void; stop(): void } {
  if (quiet) return { update() {}, stop() {} };
  const line = (p: SweepProgress) => {
    const rate = p.done / Math.max(p.elapsed, 1e-9);
    const eta = rate > 0 ? (p.total - p.done) / rate : Number.NaN;
    return { rate: fmt(rate, 3), eta: Number.isFinite(eta) ? `${Math.round(eta)}s` : "-" };
  };
  if (!process.stderr.isTTY) {
    let last = 0;
    return {
      update(p) {
        if (p.done !== p.total && p.elapsed - last < 10) return;
        last = p.elapsed;
        const { rate, eta } = line(p);
        process.stderr.write(
          `${p.done}/${p.total} runs | ${rate} runs/s | ETA ${eta} | diverged ${p.diverged} | failed ${p.failed}${p.skipped ? ` | ${p.skipped} already stored` : ""}\n`,
        );
      },
      stop() {},
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format:
        "{bar} {value}/{total} runs | {rate} runs/s | ETA {eta} | diverged {diverged} | failed {failed}{skipped}",
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(p) {
      const { rate, eta } = line(p);
      const payload = {
        rate,
        eta,
        diverged: p.diverged,
        failed: p.failed,
        skipped: p.skipped ? ` | ${p.skipped} already stored` : "",
      };
      if (!started) {
        bar.start(p.total, p.done, payload);
        started = true;
      } else bar.update(p.done, payload);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

async function runSweepCommand(specPath: string | undefined, flags: SweepFlags): Promise<number> {
  if (flags.list) {
    for (const b of BUILTIN_SWEEPS) {
      const plan = planSweep(builtinSweep(b.name));
      const size = plan.spec.adaptive
        ? `--adaptive from ${plan.pointCount} points`
        : `${plan.pointCount} points × ${plan.spec.seeds} seeds`;
      process.stdout.write(`${b.name.padEnd(16)} ${size}  ${b.description}\n`);
    }
    return 0;
  }
  const spec = loadSweepSpec(specPath, flags.builtin);
  if (flags.printSpec) {
    process.stdout.write(`${JSON.stringify(spec, null, 2)}\n`);
    return 0;
  }
  checkAdaptiveRequest(spec, flags.adaptive === true, flags.shard);
  const shard = flags.shard !== undefined ? parseShard(flags.shard) : undefined;
  const storePath = flags.store ?? defaultStorePath(spec, shard);
  mkdirSync(dirname(resolve(storePath)), { recursive: true });
  if (spec.adaptive)
    return runAdaptiveCommand(spec, { ...flags, store: storePath, workers: parseWorkers(flags.workers) });
  const progress = progressReporter(Boolean(flags.quiet || flags.json));
  let summary: Awaited<ReturnType<typeof runSweep>>;
  try {
    summary = await runSweep({
      spec,
      storePath,
      workers: parseWorkers(flags.workers),
      shard,
      yes: flags.yes,
      retryFailed: flags.retryFailed,
      batch: { enabled: flags.batch !== false },
      commit: { maxDelayMs: parseCommitMs(flags.commitMs) },
      onProgress: (p) => progress.update(p),
    });
  } finally {
    progress.stop();
  }
  if (flags.json && !flags.quiet) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else if (!flags.quiet) {
    const r = summary.ran;
    process.stdout.write(
      `sweep "${summary.name}"${summary.shard ? ` shard ${summary.shard}` : ""}: ${r.done + r.stopped + r.diverged + r.failed} runs in ${fmt(summary.seconds, 3)} s on ${summary.workers} workers (${fmt(summary.runsPerSecond, 3)} runs/s): ` +
        `${r.done} done, ${r.stopped} stopped at a target, ${r.diverged} diverged, ${r.failed} failed` +
        `${summary.skipped ? `; ${summary.skipped} already stored` : ""}` +
        `${summary.elsewhere ? `; ${summary.elsewhere} left to another process on this store (run the same command again once it is done to fill any gap)` : ""}\n` +
        `store ${summary.store}: ${summary.stored} of ${summary.points * summary.seeds} runs\n`,
    );
  }
  if (summary.ran.failed > 0) {
    // Failed runs are stored (with their error) so the sweep goes on, but a sweep with failures is not
    // a success: say why the first failed and how to run them again.
    process.stderr.write(
      `learndyn: ${summary.ran.failed} run(s) failed; the first: ${summary.firstError ?? "(no message)"}\n` +
        "fix the cause, then run the same command with --retry-failed (stored runs are kept)\n",
    );
    return 1;
  }
  return 0;
}
