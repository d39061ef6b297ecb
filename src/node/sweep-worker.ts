// Worker entry: lets a native backend load here too (nothing loads until one is asked for).
import "./native-addon.js";
import type { PointResult, PointTask } from "../sweep/run-point.js";
import { runPointBatch } from "../sweep/run-point-batch.js";

/**
 * Worker-thread entry (piscina): runs one batch of sweep runs (one run, or runs sharing a batch signature
 * trained together) and returns their plain-data results in the same order.
 */
export default function runSweepBatch(tasks: PointTask[]): PointResult[] {
  return runPointBatch(tasks);
}
