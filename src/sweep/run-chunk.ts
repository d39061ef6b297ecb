import { pointConfig, type SweepPlan } from "./expand.js";
import { groupTasks } from "./group-tasks.js";
import { contentHash } from "./hash.js";
import type { PointResult, PointTask } from "./run-point.js";
import { runPointBatch } from "./run-point-batch.js";

/**
 * A slice of a sweep's runs as sent to a worker: only (point, seed) numbers, so the configs are made where
 * they are trained and the sweep's main thread, which also writes the store, stays free.
 */
export interface RunChunk {
  /** (point index, seed index) pairs, flat: [i0, s0, i1, s1, …]. */
  runs: number[];
  /** Most runs trained as one batch (1: each run alone, the reference path). */
  maxRuns: number;
}

/**
 * The task of run (point `index`, seed `seedIndex`), or, for an invalid combination of axis values, its
 * result: stored as a failed run so the rest of the sweep goes on.
 */
export function taskOf(plan: SweepPlan, index: number, seedIndex: number): PointTask | PointResult {
  const point = plan.pointAt(index);
  const { keep } = plan.spec;
  try {
    const config = pointConfig(plan, point, seedIndex);
    return {
      index,
      key: point.key,
      values: point.values,
      seedIndex,
      config,
      configHash: contentHash(config),
      keep,
    };
  } catch (e) {
    return {
      index,
      key: point.key,
      values: point.values,
      seedIndex,
      seed: 0,
      configHash: "",
      config: {} as PointResult["config"],
      status: "failed",
      stopReason: "",
      error: (e as Error).message,
      steps: 0,
      scalars: Object.fromEntries(keep.scalars.map((n) => [n, null])),
      history: null,
      seconds: 0,
    };
  }
}

/**
 * Runs a chunk of a sweep: makes its tasks, groups those that can be trained together (groupTasks) and
 * trains each group as one batch. Results come back grouped, not in the chunk's order; each is what
 * runPoint gives its task alone.
 */
export function runChunk(plan: SweepPlan, chunk: RunChunk): PointResult[] {
  const tasks: (PointTask | PointResult)[] = [];
  for (let k = 0; k + 1 < chunk.runs.length; k += 2)
    tasks.push(taskOf(plan, chunk.runs[k], chunk.runs[k + 1]));
  const results: PointResult[] = [];
  for (const group of groupTasks(tasks, chunk.maxRuns, tasks.length)) {
    if ("status" in group) results.push(group);
    else for (const r of runPointBatch(group)) results.push(r);
  }
  return results;
}
