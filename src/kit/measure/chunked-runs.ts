import type { RunConfigInput } from "../../config/run-config.js";
import { runConfig } from "./run.js";

/**
 * Many independent points (modes) simulated as several small engine runs. In the exact setting each point
 * is its own mode, so splitting the points over runs changes nothing but the cost: the dense engine costs
 * O(n·d·h) = O(n³) per step for n points, so runs of ~20 points are far cheaper per point than one big run.
 */
export interface ChunkedRunsOptions {
  /** Total number of points. */
  count: number;
  /** Points per engine run (default 20). */
  chunk?: number;
  /** The config of the run holding points [offset, offset + size); `index` numbers the runs from 0. */
  build: (offset: number, size: number, index: number) => RunConfigInput;
  /** Per-point array probes to gather (e.g. "margin", "a", "b"): concatenated over runs. */
  keys: readonly string[];
}

/** The pooled records of all runs, aligned by record index (every run uses the same schedule). */
export interface ChunkedRuns {
  /** Record times t = lr·step of the first run (runs may differ in lr; use `steps` to align). */
  t: number[];
  /** Record steps (identical in every run). */
  steps: number[];
  /** values[key][j][i]: probe `key` of point i at record j (a diverged run repeats its last record). */
  values: Record<string, number[][]>;
  /**
   * The trainer's own training error (its `error` record, counted by engine/loss.ts countErrors) pooled
   * over the runs at each record: a second count of the points with y·f ≤ 0, beside `pooledError`'s count
   * from the margins, so a check can hold the two rules to each other (a dead unit's f = 0 is an error).
   */
  trainerError: number[];
  /** Number of runs that diverged. */
  diverged: number;
  /** The config of the first run (representative). */
  config: RunConfigInput;
}

/** Runs the points in chunks and pools the per-point probes. */
export function runChunked(o: ChunkedRunsOptions): ChunkedRuns {
  const chunk = o.chunk ?? 20;
  if (!(o.count > 0)) throw new Error(`runChunked: count must be positive, got ${o.count}`);
  let t: number[] = [];
  let steps: number[] = [];
  let diverged = 0;
  let first: RunConfigInput | undefined;
  const perRun: Record<string, number[][]>[] = [];
  const perRunErrors: { size: number; errors: number[] }[] = [];
  for (let offset = 0, index = 0; offset < o.count; offset += chunk, index++) {
    const size = Math.min(chunk, o.count - offset);
    const config = o.build(offset, size, index);
    first ??= config;
    const run = runConfig(config);
    if (run.status === "diverged") diverged++;
    const history = run.history;
    if (history.length > steps.length) {
      // A run that diverged stops early: keep the longest schedule (records are pooled by index).
      t = history.map((r) => r.t);
      steps = history.map((r) => r.step);
    }
    const mine: Record<string, number[][]> = {};
    for (const key of o.keys) {
      mine[key] = history.map((rec) => {
        const v = rec[key];
        if (!Array.isArray(v))
          throw new Error(`runChunked: probe value "${key}" is not recorded (add its probe)`);
        return v.slice(0, size);
      });
    }
    perRun.push(mine);
    // error = errors/n with n = size: × size and rounded gives the count back exactly.
    perRunErrors.push({ size, errors: history.map((rec) => Math.round((rec.error as number) * size)) });
  }
  const values: Record<string, number[][]> = {};
  for (const key of o.keys) {
    values[key] = steps.map((_, j) => {
      const row: number[] = [];
      // A run shorter than the others (diverged) repeats its last record.
      for (const run of perRun) row.push(...run[key][Math.min(j, run[key].length - 1)]);
      return row;
    });
  }
  const trainerError = steps.map(
    (_, j) =>
      perRunErrors.reduce((sum, run) => sum + run.errors[Math.min(j, run.errors.length - 1)], 0) / o.count,
  );
  return { t, steps, values, trainerError, diverged, config: first as RunConfigInput };
}

/** Fraction of points with margin ≤ 0 at each record (the trainer's error, pooled over runs). */
export function pooledError(margins: readonly (readonly number[])[]): number[] {
  return margins.map((row) => row.filter((m) => !(m > 0)).length / row.length);
}
