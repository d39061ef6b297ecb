import { Piscina } from "piscina";
import type { SweepPlan } from "../sweep/expand.js";
import { type RunChunk, runChunk, taskOf } from "../sweep/run-chunk.js";
import { failedResultOf, type PointResult } from "../sweep/run-point.js";

/** Runs chunks of a sweep's runs: on worker threads, or in this thread with 0 workers. */
export interface ChunkPool {
  /** The chunk's results (a worker that fails turns its runs into failed results, never a rejection). */
  run(chunk: RunChunk): Promise<PointResult[]>;
  /** Stops the workers. */
  close(): Promise<void>;
}

/**
 * A pool over sweep-worker.ts for `plan` (the workers make the same plan from the spec: an adaptive spec
 * gives its lattice plan there too). With 0 workers chunks run in this thread, one at a time.
 */
export function createChunkPool(plan: SweepPlan, workers: number): ChunkPool {
  const failed = (chunk: RunChunk, e: unknown): PointResult[] => {
    const error = `worker error: ${e instanceof Error ? e.message : String(e)}`;
    const out: PointResult[] = [];
    for (let k = 0; k < chunk.runs.length; k += 2) {
      const task = taskOf(plan, chunk.runs[k] as number, chunk.runs[k + 1] as number);
      out.push("status" in task ? task : failedResultOf(task, error, 0));
    }
    return out;
  };
  if (workers === 0) {
    return {
      async run(chunk) {
        await new Promise((r) => setImmediate(r));
        return runChunk(plan, chunk);
      },
      async close() {},
    };
  }
  // Started at the first chunk: a resumed sweep that finds every run stored starts no thread.
  let pool: Piscina<RunChunk, PointResult[]> | null = null;
  const started = () => {
    pool ??= new Piscina<RunChunk, PointResult[]>({
      filename: new URL("./sweep-worker.js", import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 60_000,
      workerData: { spec: plan.spec },
    });
    return pool;
  };
  return {
    run: (chunk) =>
      started()
        .run(chunk)
        .catch((e: unknown) => failed(chunk, e)),
    close: async () => {
      await pool?.destroy();
    },
  };
}
