import type { AdaptiveEvaluate, AdaptivePoint } from "./adaptive.js";
import { planSweep, pointConfig } from "./expand.js";
import { groupTasks } from "./group-tasks.js";
import { canonicalJson, contentHash } from "./hash.js";
import type { PointResult, PointTask } from "./run-point.js";
import { runPointBatch } from "./run-point-batch.js";
import { axisName, type SweepSpec } from "./spec.js";

/** Options of {@link sweepEvaluator}. */
export interface SweepEvaluatorOptions {
  /** The outcome label of a finished run (e.g. "learned" when its final error is 0, else "failed"). */
  outcome: (result: PointResult) => string;
  /** Most runs trained together as one batch (default 256). */
  maxRuns?: number;
}

/**
 * An `evaluate` for refineAdaptive that trains a sweep's own runs: each adaptive point sets the sweep's axes
 * (in spec order, one coordinate per axis) on the sweep's base, the replicate picks the seed exactly as an
 * ordinary sweep derives it for that point, and the runs are grouped and trained batched as in `sweep`
 * (bit-identical to training each alone). An invalid combination becomes the outcome "invalid".
 */
export function sweepEvaluator(spec: SweepSpec, o: SweepEvaluatorOptions): AdaptiveEvaluate {
  const plan = planSweep(spec);
  const maxRuns = o.maxRuns ?? 256;
  return (points: AdaptivePoint[]) => {
    const tasks: PointTask[] = [];
    const labels: string[] = new Array(points.length);
    points.forEach((p, index) => {
      if (p.coords.length !== spec.axes.length)
        throw new Error(
          `adaptive sweep "${spec.name}": ${p.coords.length} coordinates for ${spec.axes.length} axes (${spec.axes.map(axisName).join(", ")}); give one bound per axis`,
        );
      const values = [...p.coords];
      const point = { index, key: canonicalJson(values), values };
      try {
        const config = pointConfig(plan, point, p.replicate);
        tasks.push({
          ...point,
          seedIndex: p.replicate,
          config,
          configHash: contentHash(config),
          keep: spec.keep,
        });
      } catch {
        labels[index] = "invalid";
      }
    });
    for (const group of groupTasks(tasks, maxRuns)) {
      const results = Array.isArray(group) ? runPointBatch(group) : [group];
      for (const r of results) labels[r.index] = o.outcome(r);
    }
    return labels;
  };
}
