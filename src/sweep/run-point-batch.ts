import { runTrainingBatch } from "../train/batched/run-batch.js";
import type { RunResult } from "../train/run.js";
import { type PointResult, type PointTask, pointResultOf, runPoint, sweepRegime } from "./run-point.js";

/**
 * Runs sweep tasks that share a batch signature (see groupTasks) as one batched computation
 * (runTrainingBatch); every result is what runPoint gives that task alone (the batched trainer is
 * bit-identical to the solo one). When the tasks cannot be trained together — a config whose data fails to
 * build, data shapes that differ, a probe that throws — every task is run alone instead, so a failing run
 * fails by itself with its own message and the others are unaffected. Each result's `seconds` is its
 * share of the batch's wall time.
 */
export function runPointBatch(tasks: readonly PointTask[]): PointResult[] {
  if (tasks.length === 1) return [runPoint(tasks[0])];
  const started = performance.now();
  let runs: RunResult[];
  try {
    runs = runTrainingBatch(
      tasks.map((t) => t.config),
      undefined,
      { regime: sweepRegime },
    );
  } catch {
    return tasks.map(runPoint);
  }
  const seconds = (performance.now() - started) / 1000 / tasks.length;
  return tasks.map((t, r) => pointResultOf(t, runs[r], seconds));
}
