import { batchSignature } from "../train/batched/signature.js";
import type { PointResult, PointTask } from "./run-point.js";

/** How a sweep's runs are batched (trained together as one stacked computation). */
export interface BatchOptions {
  /**
   * Train runs that share an architecture and data spec together (default true). False trains every run
   * alone with runTraining (the stored rows are the same either way; this is the reference path).
   */
  enabled?: boolean;
  /**
   * Most runs per batch (default: 256, fewer for a small sweep so each worker gets about four batches and
   * none idles at the end).
   */
  maxRuns?: number;
}

/** Default batch size for `total` runs on `workers` workers (0 = this thread). */
export function defaultBatchRuns(total: number, workers: number): number {
  return Math.max(1, Math.min(256, Math.ceil(total / (Math.max(1, workers) * 4))));
}

/**
 * Groups a sweep's tasks into batches of runs that can be trained together (same batchSignature), at most
 * `maxRuns` each, in order of arrival. A task that cannot be batched comes out alone; an already finished
 * result (an invalid combination, stored as failed) passes through. Tasks wait in their group until it is
 * full; when more than `maxWaiting` wait in all (many signatures, few runs each) the fullest group goes,
 * so memory stays bounded however large the sweep. Every task comes out exactly once.
 */
export function* groupTasks(
  items: Iterable<PointTask | PointResult>,
  maxRuns: number,
  maxWaiting = 4 * maxRuns,
): Generator<PointTask[] | PointResult> {
  if (!(Number.isInteger(maxRuns) && maxRuns >= 1))
    throw new Error(`batch.maxRuns must be an integer ≥ 1, got ${maxRuns}`);
  const groups = new Map<string, PointTask[]>();
  let waiting = 0;
  for (const item of items) {
    if ("status" in item) {
      yield item;
      continue;
    }
    const signature = maxRuns > 1 ? batchSignature(item.config) : null;
    if (signature === null) {
      yield [item];
      continue;
    }
    let group = groups.get(signature);
    if (!group) {
      group = [];
      groups.set(signature, group);
    }
    group.push(item);
    waiting++;
    if (group.length >= maxRuns) {
      groups.delete(signature);
      waiting -= group.length;
      yield group;
    } else if (waiting > maxWaiting) {
      let fullest = group;
      let key = signature;
      for (const [k, g] of groups) {
        if (g.length > fullest.length) {
          fullest = g;
          key = k;
        }
      }
      groups.delete(key);
      waiting -= fullest.length;
      yield fullest;
    }
  }
  for (const group of groups.values()) yield group;
}
