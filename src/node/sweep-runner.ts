import { availableParallelism, totalmem } from "node:os";
import { Piscina } from "piscina";
import { CONFIRM_ABOVE_RUNS, checkAxisValues, planSweep, type SweepPlan } from "../sweep/expand.js";
import { type BatchOptions, defaultBatchRuns } from "../sweep/group-tasks.js";
import { canonicalJson } from "../sweep/hash.js";
import { type RunChunk, runChunk, taskOf } from "../sweep/run-chunk.js";
import { batchRunsThatFit, checkSweepMemory } from "../sweep/run-memory.js";
import { failedResultOf, type PointResult, type SweepRunStatus } from "../sweep/run-point.js";
import { formatShard, type Shard } from "../sweep/shard.js";
import type { SweepSpec } from "../sweep/spec.js";
import { claimedTasks } from "./claim-tasks.js";
import { createGroupCommit, type GroupCommitOptions } from "./group-commit.js";
import { openStore, runKey, type StoreSpec } from "./store/store.js";

/** Progress of a running sweep (for bars and logs). */
export interface SweepProgress {
  /** Runs finished in this invocation. */
  done: number;
  /** Runs to do in this invocation (the shard's runs not yet stored). */
  total: number;
  /** Runs found in the store and skipped. */
  skipped: number;
  diverged: number;
  failed: number;
  /** Seconds since the first run started. */
  elapsed: number;
}

/** Options of {@link runSweep}. */
export interface RunSweepOptions {
  /** A validated spec. */
  spec: SweepSpec;
  /** SQLite store file (created if missing; resumed if it holds this spec). */
  storePath: string;
  /**
   * Bytes of memory the sweep may use (default: os.totalmem()); a sweep whose largest run, times the
   * workers, needs more is refused before anything runs, and batches are made small enough that every
   * worker's batch of the largest run fits.
   */
  memoryBytes?: number;
  /** Worker threads (default: os.availableParallelism()); 0 runs in this thread (tests, debugging). */
  workers?: number;
  /** Run only this shard's points. */
  shard?: Shard;
  /** Allow more than CONFIRM_ABOVE_RUNS runs. */
  yes?: boolean;
  /** Run stored failed runs again. */
  retryFailed?: boolean;
  /** Stop after this many runs (tests). */
  limit?: number;
  /** Called after each finished run. */
  onProgress?: (p: SweepProgress) => void;
  /**
   * How finished runs are batched into transactions (default: up to 256 runs, at most 250 ms after the
   * first of a batch finished). `{ maxRuns: 1 }` commits every run alone.
   */
  commit?: GroupCommitOptions;
  /**
   * Batched training (default on): runs sharing an architecture and data spec are trained together, in
   * batches sent to the workers whole; the stored rows are the same as with `{ enabled: false }`.
   */
  batch?: BatchOptions;
}

/** What a sweep invocation did. */
export interface SweepSummary {
  name: string;
  store: string;
  specHash: string;
  points: number;
  seeds: number;
  shard: string;
  workers: number;
  /** Runs of this shard. */
  shardRuns: number;
  /** Runs already stored and skipped. */
  skipped: number;
  /** Runs finished and stored now, by status (a run another process stored first is not counted). */
  ran: Record<SweepRunStatus, number>;
  /** The error of the first run that failed now (absent when none failed). */
  firstError?: string;
  /** Most runs trained together in one batch: the default or batch.maxRuns, capped by memoryBytes. */
  batchRuns: number;
  /**
   * Runs left to another process on the same store: claimed by it (see store/leases.ts), or computed
   * here but stored by it first. Running the same command again does what is still missing.
   */
  elsewhere: number;
  /** Runs stored in total after this invocation (all shards in this store). */
  stored: number;
  seconds: number;
  runsPerSecond: number;
}

/** The spec's identity as a store records it. */
export function storeSpecOf(plan: SweepPlan): StoreSpec {
  return { name: plan.spec.name, specHash: plan.specHash, specJson: canonicalJson(plan.spec) };
}

/** (point, seed) of a shard's runs not yet stored, lazily in point order. */
function* pendingRuns(
  plan: SweepPlan,
  shard: Shard | undefined,
  stored: Set<string>,
): Generator<[number, number]> {
  for (let i = shard ? shard.index : 0; i < plan.pointCount; i += shard ? shard.count : 1) {
    const key = stored.size > 0 ? plan.pointAt(i).key : "";
    for (let s = 0; s < plan.spec.seeds; s++) {
      if (stored.size > 0 && stored.has(runKey(key, s))) continue;
      yield [i, s];
    }
  }
}

/** Consecutive runs in chunks of `size` (the last one may be shorter). */
function* chunksOf(runs: Iterable<[number, number]>, size: number, maxRuns: number): Generator<RunChunk> {
  let chunk: number[] = [];
  for (const [i, s] of runs) {
    chunk.push(i, s);
    if (chunk.length >= 2 * size) {
      yield { runs: chunk, maxRuns };
      chunk = [];
    }
  }
  if (chunk.length > 0) yield { runs: chunk, maxRuns };
}

/** The first `count` items of `items`. */
function* take<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  let n = 0;
  for (const item of items) {
    yield item;
    if (++n >= count) return;
  }
}

/** Number of a shard's runs. */
function shardRunCount(plan: SweepPlan, shard: Shard | undefined): number {
  if (!shard) return plan.runCount;
  const points = Math.max(0, Math.ceil((plan.pointCount - shard.index) / shard.count));
  return points * plan.spec.seeds;
}

/**
 * Runs a sweep (or one shard of it) into a store: skips stored runs, runs the rest on a worker pool,
 * writes finished runs in batches (group commit, see `commit`). Throws before running anything on a bad spec, a
 * foreign store, or too many runs without `yes`.
 */
export async function runSweep(options: RunSweepOptions): Promise<SweepSummary> {
  const { spec, shard } = options;
  if (spec.adaptive)
    throw new Error(`sweep "${spec.name}" is adaptive: run it with runAdaptiveSweep (\`sweep --adaptive\`)`);
  const plan = planSweep(spec);
  const shardRuns = shardRunCount(plan, shard);
  if (plan.runCount > CONFIRM_ABOVE_RUNS && !options.yes) {
    throw new Error(
      `sweep "${spec.name}" has ${plan.pointCount.toLocaleString("en")} points × ${spec.seeds} seeds = ${plan.runCount.toLocaleString("en")} runs, more than ${CONFIRM_ABOVE_RUNS.toLocaleString("en")}; pass --yes if you mean it (or shrink the axes, or split it with --shard i/N)`,
    );
  }
  checkAxisValues(plan);
  const workers = options.workers ?? availableParallelism();
  // Before the store is opened or a worker started: a run larger than the machine is refused here.
  const memory = options.memoryBytes ?? totalmem();
  const largest = checkSweepMemory(plan, workers, memory);
  const store = openStore(options.storePath, storeSpecOf(plan));
  const ran: Record<SweepRunStatus, number> = { done: 0, stopped: 0, diverged: 0, failed: 0 };
  const started = performance.now();
  let skipped = 0;
  let done = 0;
  let firstError: string | undefined;
  let maxRuns = 1;
  const elsewhere = { count: 0 };
  const batches = createGroupCommit((runs) => {
    const stored = store.writeRuns(runs);
    runs.forEach((r, i) => {
      if (stored[i]) return;
      ran[r.status]--;
      elsewhere.count++;
    });
  }, options.commit);
  const leases = store.leases;

  try {
    const stored = store.storedKeys(!options.retryFailed);
    // Counted by the store (one query), not by walking the plan: resuming a 10⁹-point sweep starts at once.
    skipped = store.storedCount(!options.retryFailed, shard);
    const total = Math.min(shardRuns - skipped, options.limit ?? Number.POSITIVE_INFINITY);
    const report = () =>
      options.onProgress?.({
        done,
        total,
        skipped,
        diverged: ran.diverged,
        failed: ran.failed,
        elapsed: (performance.now() - started) / 1000,
      });
    const finish = (result: PointResult) => {
      batches.add(result);
      ran[result.status]++;
      if (result.status === "failed" && firstError === undefined) firstError = result.error ?? "";
      done++;
      report();
    };
    report();
    const wanted =
      options.batch?.enabled === false ? 1 : (options.batch?.maxRuns ?? defaultBatchRuns(total, workers));
    maxRuns = batchRunsThatFit(largest, workers, memory, wanted);
    const pending = pendingRuns(plan, shard, stored);
    const mine = leases
      ? claimedTasks(
          pending,
          ([i, s]) => ({ key: plan.pointAt(i).key, seedIndex: s }),
          leases,
          options.retryFailed === true,
          elsewhere,
        )
      : pending;
    const chunks = chunksOf(take(mine, total), maxRuns, maxRuns);
    if (workers === 0) {
      for (const chunk of chunks) {
        for (const result of runChunk(plan, chunk)) finish(result);
        await new Promise((r) => setImmediate(r));
      }
    } else {
      const pool = new Piscina<RunChunk, PointResult[]>({
        filename: new URL("./sweep-worker.js", import.meta.url).href,
        minThreads: workers,
        maxThreads: workers,
        idleTimeout: 60_000,
        // Workers make the runs' configs from the spec themselves (see RunChunk).
        workerData: { spec },
      });
      try {
        const inFlight = new Set<Promise<void>>();
        for (const chunk of chunks) {
          const p = pool
            .run(chunk)
            .then(
              (results) => {
                for (const result of results) finish(result);
              },
              (e: unknown) => {
                const error = `worker error: ${e instanceof Error ? e.message : String(e)}`;
                for (let k = 0; k < chunk.runs.length; k += 2) {
                  const task = taskOf(plan, chunk.runs[k], chunk.runs[k + 1]);
                  finish("status" in task ? task : failedResultOf(task, error, 0));
                }
              },
            )
            .finally(() => inFlight.delete(p));
          inFlight.add(p);
          if (inFlight.size >= workers * (maxRuns > 1 ? 2 : 4)) await Promise.race(inFlight);
        }
        await Promise.all(inFlight);
      } finally {
        await pool.destroy();
      }
    }
    batches.flush();
    const seconds = (performance.now() - started) / 1000;
    const counts = store.counts();
    return {
      name: spec.name,
      store: options.storePath,
      specHash: plan.specHash,
      points: plan.pointCount,
      seeds: spec.seeds,
      shard: formatShard(shard),
      workers,
      batchRuns: maxRuns,
      shardRuns,
      skipped,
      ran,
      ...(firstError !== undefined ? { firstError } : {}),
      elsewhere: elsewhere.count,
      stored: counts.done + counts.stopped + counts.diverged + counts.failed,
      seconds,
      runsPerSecond: done / Math.max(seconds, 1e-9),
    };
  } finally {
    // Runs that finished before an error are kept too.
    try {
      batches.flush();
      leases?.releaseAll();
    } finally {
      store.close();
    }
  }
}
