import type { RunConfig } from "../config/run-config.js";
import { regimeScalars } from "../regime/check.js";
import type { RegimeOptions } from "../regime/meter.js";
import type { HistoryRecord } from "../train/history.js";
import { type RunResult, runTraining } from "../train/run.js";
import type { SweepSpec } from "./spec.js";

/** One run of a sweep, as sent to a worker: plain data only. */
export interface PointTask {
  /** Point index in the sweep. */
  index: number;
  /** Point key (canonical JSON of the axis values). */
  key: string;
  /** Axis values of the point. */
  values: unknown[];
  /** Which of the point's seeds (0-based). */
  seedIndex: number;
  /** The validated run config (its `seed` is the derived seed). */
  config: RunConfig;
  /** Content hash of the config. */
  configHash: string;
  /** What to keep of the run. */
  keep: SweepSpec["keep"];
}

/** How a sweep run ended: the trainer's statuses, or "failed" when it threw. */
export type SweepRunStatus = "done" | "stopped" | "diverged" | "failed";

/** The outcome of one sweep run, as plain data (what the store writes). */
export interface PointResult {
  index: number;
  key: string;
  values: unknown[];
  seedIndex: number;
  seed: number;
  configHash: string;
  config: RunConfig;
  status: SweepRunStatus;
  /** Why the run stopped early (target reached, diverged), or "". */
  stopReason: string;
  /** The error message of a failed run, or "". */
  error: string;
  /** Optimizer steps taken. */
  steps: number;
  /** The kept scalars (null when the run has no such value). */
  scalars: Record<string, number | null>;
  /** The downsampled scalar history, or null when not kept. */
  history: Record<string, number>[] | null;
  /** Wall time of the run in seconds (not part of the result's identity). */
  seconds: number;
}

/** Reads a kept scalar from the final record: "loss", "accuracy:B-only", "response.1" / "response[1]", "steps". */
export function readScalar(name: string, last: HistoryRecord | undefined, steps: number): number | null {
  if (name === "steps") return steps;
  if (!last) return null;
  if (Object.hasOwn(last, name)) {
    const v = last[name];
    return typeof v === "number" ? v : null;
  }
  const m = /^(.+?)(?:\.(\d+)|\[(\d+)\])$/.exec(name);
  if (m) {
    const v = last[m[1]];
    const i = Number(m[2] ?? m[3]);
    if (Array.isArray(v) && i < v.length) return v[i];
  }
  return null;
}

/** Evenly spaced record indices (first and last included), at most `points` of them. */
export function downsampleIndices(length: number, points: number): number[] {
  if (length <= points) return Array.from({ length }, (_, i) => i);
  const out: number[] = [];
  for (let j = 0; j < points; j++) {
    const i = Math.round((j * (length - 1)) / (points - 1));
    if (out[out.length - 1] !== i) out.push(i);
  }
  return out;
}

function scalarHistory(
  history: HistoryRecord[],
  keep: SweepSpec["keep"],
  steps: number,
): Record<string, number>[] {
  const { history: h } = keep;
  if (h === false) return [];
  return downsampleIndices(history.length, h.points).map((i) => {
    const rec = history[i];
    const out: Record<string, number> = {};
    for (const [k, v] of Object.entries(rec)) if (typeof v === "number") out[k] = v;
    for (const name of keep.scalars) {
      if (name in out || name === "steps") continue;
      const v = readScalar(name, rec, steps);
      if (v !== null) out[name] = v;
    }
    return out;
  });
}

/**
 * The regime meter's options for a sweep run. Its own λ_max costs up to ~2 × 45 Hessian-vector products
 * (~270 gradients), so in a sweep it is measured only on runs of ≥ 3000 steps (≤ ~10% extra); shorter
 * runs get λ_max from the sharpness probe when it is included, else their stability is "not measured".
 */
export function sweepRegime(config: RunConfig): RegimeOptions {
  return config.train.steps >= 3000 ? {} : { sharpnessBudget: 0 };
}

/** The stored outcome of a finished training run of `task` (status, kept scalars, kept history). */
export function pointResultOf(task: PointTask, run: RunResult, seconds: number): PointResult {
  const last = run.history[run.history.length - 1];
  const scalars: Record<string, number | null> = {};
  for (const name of task.keep.scalars) scalars[name] = readScalar(name, last, run.steps);
  if (run.regime) Object.assign(scalars, regimeScalars(run.regime));
  return {
    ...identity(task),
    status: run.status,
    stopReason: run.stopReason,
    error: "",
    steps: run.steps,
    scalars,
    history: task.keep.history === false ? null : scalarHistory(run.history, task.keep, run.steps),
    seconds,
  };
}

/** The stored outcome of a run of `task` that threw `error`: status "failed", no scalars, no history. */
export function failedResultOf(task: PointTask, error: unknown, seconds: number): PointResult {
  const scalars: Record<string, number | null> = {};
  for (const name of task.keep.scalars) scalars[name] = null;
  return {
    ...identity(task),
    status: "failed",
    stopReason: "",
    error: error instanceof Error ? error.message : String(error),
    steps: 0,
    scalars,
    history: null,
    seconds,
  };
}

function identity(task: PointTask) {
  return {
    index: task.index,
    key: task.key,
    values: task.values,
    seedIndex: task.seedIndex,
    seed: task.config.seed,
    configHash: task.configHash,
    config: task.config,
  };
}

/** Runs one sweep point to the end; a throwing run becomes status "failed" with its message, never a throw. */
export function runPoint(task: PointTask): PointResult {
  const started = performance.now();
  try {
    const run = runTraining(task.config, { regime: sweepRegime(task.config) });
    return pointResultOf(task, run, (performance.now() - started) / 1000);
  } catch (e) {
    return failedResultOf(task, e, (performance.now() - started) / 1000);
  }
}
