import { formatCompact as fmt } from "../math/format.js";
import { type AdaptiveLevelProgress, runAdaptiveSweep } from "../node/adaptive-runner.js";
import type { SweepSpec } from "../sweep/spec.js";

/** The flags of `sweep` that an adaptive sweep reads. */
export interface AdaptiveFlags {
  workers?: number;
  store: string;
  shard?: string;
  json?: boolean;
  quiet?: boolean;
  retryFailed?: boolean;
  batch?: boolean;
}

/** An example `adaptive` block, for the messages that ask for one. */
const EXAMPLE =
  '"adaptive": { "resolution": 0.01, "outcome": { "scalar": "error", "cuts": [0.5], "labels": ["learned", "failed"] } }';

/** Refuses `--adaptive` without an adaptive block, a block without `--adaptive`, and `--shard`. */
export function checkAdaptiveRequest(spec: SweepSpec, adaptive: boolean, shard: string | undefined): void {
  if (adaptive && !spec.adaptive)
    throw new Error(
      `--adaptive: sweep "${spec.name}" has no "adaptive" block; add one beside "axes" (each axis a linear range: its count points are the coarse grid), e.g. ${EXAMPLE}`,
    );
  if (!adaptive && spec.adaptive)
    throw new Error(
      `sweep "${spec.name}" has an "adaptive" block: run it with --adaptive (or remove the block to run the full grid of its axes)`,
    );
  if (adaptive && shard !== undefined)
    throw new Error(
      "--adaptive cannot be combined with --shard: each level's points depend on the level before; run it in one process (its workers share the runs)",
    );
}

function levelLine(p: AdaptiveLevelProgress): string {
  const stored = p.stored > 0 ? ` (${p.stored} already stored)` : "";
  return `level ${p.level}: ${p.runs} runs${stored}, ${p.cells} cells, ${p.refined} split | ${fmt(p.elapsed, 3)} s\n`;
}

/** Runs `learndyn sweep --adaptive`; returns the exit status. */
export async function runAdaptiveCommand(spec: SweepSpec, flags: AdaptiveFlags): Promise<number> {
  const talk = !flags.quiet && !flags.json;
  const summary = await runAdaptiveSweep({
    spec,
    storePath: flags.store,
    workers: flags.workers,
    retryFailed: flags.retryFailed,
    batch: { enabled: flags.batch !== false },
    onLevel: (p) => {
      if (talk) process.stderr.write(levelLine(p));
    },
  });
  if (flags.json && !flags.quiet) process.stdout.write(`${JSON.stringify(summary)}\n`);
  else if (!flags.quiet) {
    const r = summary.ran;
    const outcomes = Object.entries(summary.outcomes)
      .map(([label, n]) => `${n} ${label}`)
      .join(", ");
    process.stdout.write(
      `adaptive sweep "${summary.name}": ${summary.runs} runs over ${summary.levels} levels (the full grid at the finest spacing: ${summary.fullGridRuns}); ` +
        `${r.done + r.stopped + r.diverged + r.failed} trained now in ${fmt(summary.seconds, 3)} s on ${summary.workers} workers${summary.skipped ? `, ${summary.skipped} already stored` : ""}\n` +
        `outcomes: ${outcomes}; ${summary.boundaryCells} boundary cells at the finest spacing (${summary.cells} cells visited)\n` +
        `store ${summary.store} (figure: learndyn report --store ${summary.store})\n`,
    );
  }
  if (summary.ran.failed > 0) {
    process.stderr.write(
      `learndyn: ${summary.ran.failed} run(s) failed (outcome "error"); the first: ${summary.firstError ?? "(no message)"}\n` +
        "fix the cause, then run the same command with --retry-failed (stored runs are kept)\n",
    );
    return 1;
  }
  return 0;
}
