import type { PointResult } from "../sweep/run-point.js";

/** When a batch of finished runs is written. */
export interface GroupCommitOptions {
  /** Write as soon as this many runs wait (default 256). */
  maxRuns?: number;
  /**
   * Write at most this long after the first waiting run arrived (default 250 ms): the bound on what a
   * kill -9 can lose (the waiting runs, which the next resume runs again) and on how stale the store is.
   */
  maxDelayMs?: number;
}

/** A buffer of finished runs in front of a store: many runs per transaction, one fsync for all of them. */
export interface GroupCommit {
  /** Queues a finished run; writes the batch when it is full. */
  add(result: PointResult): void;
  /** Writes every waiting run now (at the end of a sweep, and before closing the store). */
  flush(): void;
  /** Runs waiting to be written. */
  readonly waiting: number;
  /** Runs written so far. */
  readonly committed: number;
}

/**
 * Group commit for a sweep: one SQLite transaction per batch instead of per run, so short runs are no
 * longer bound by the store (~2 ms per fsynced commit here). `write` must store all runs of a batch or
 * none (one transaction), which keeps resume exact: a killed sweep has lost only its waiting batch.
 */
export function createGroupCommit(
  write: (results: PointResult[]) => void,
  options: GroupCommitOptions = {},
): GroupCommit {
  const maxRuns = options.maxRuns ?? 256;
  const maxDelayMs = options.maxDelayMs ?? 250;
  if (!(Number.isInteger(maxRuns) && maxRuns >= 1))
    throw new Error(`maxRuns must be an integer ≥ 1, got ${maxRuns}`);
  if (!(maxDelayMs >= 0)) throw new Error(`maxDelayMs must be ≥ 0, got ${maxDelayMs}`);
  let batch: PointResult[] = [];
  let committed = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (batch.length === 0) return;
    const runs = batch;
    batch = [];
    write(runs);
    committed += runs.length;
  };
  return {
    add(result) {
      batch.push(result);
      if (batch.length >= maxRuns) flush();
      else if (timer === null) timer = setTimeout(flush, maxDelayMs);
    },
    flush,
    get waiting() {
      return batch.length;
    },
    get committed() {
      return committed;
    },
  };
}
