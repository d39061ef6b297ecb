import { availableParallelism, totalmem } from "node:os";
import {
  type AdaptiveCell,
  type AdaptiveGridResult,
  type AdaptivePoint,
  refineAdaptive,
} from "../sweep/adaptive.js";
import { type AdaptivePlan, adaptivePlan } from "../sweep/adaptive-plan.js";
import { type OutcomeRule, outcomeOf } from "../sweep/adaptive-spec.js";
import { checkAxisValues, planSweep } from "../sweep/expand.js";
import { type BatchOptions, defaultBatchRuns } from "../sweep/group-tasks.js";
import type { RunChunk } from "../sweep/run-chunk.js";
import { checkSweepMemory } from "../sweep/run-memory.js";
import type { PointResult, SweepRunStatus } from "../sweep/run-point.js";
import type { SweepSpec } from "../sweep/spec.js";
import { type ChunkPool, createChunkPool } from "./chunk-pool.js";
import { createGroupCommit, type GroupCommit, type GroupCommitOptions } from "./group-commit.js";
import { writeAdaptiveCells } from "./store/adaptive-cells.js";
import { openStore, runKey, type SweepStore } from "./store/store.js";
import { storeSpecOf } from "./sweep-runner.js";

/** One finished level of an adaptive sweep (for progress lines). */
export interface AdaptiveLevelProgress {
  /** Level (0 = the coarse grid). */
  level: number;
  /** Runs this level needed (new points × seeds). */
  runs: number;
  /** Of those, found in the store. */
  stored: number;
  /** Cells the level classified, and how many of them it split. */
  cells: number;
  refined: number;
  /** Seconds since the sweep started. */
  elapsed: number;
}

/** Options of {@link runAdaptiveSweep}. */
export interface RunAdaptiveOptions {
  /** A validated spec with an `adaptive` block. */
  spec: SweepSpec;
  /** SQLite store (created if missing; resumed if it holds this spec). */
  storePath: string;
  /** Worker threads (default: os.availableParallelism()); 0 runs in this thread. */
  workers?: number;
  /** Bytes the sweep may use (default os.totalmem()), checked as for `runSweep`. */
  memoryBytes?: number;
  /** Run stored failed runs again. */
  retryFailed?: boolean;
  /** Transactions of finished runs (as for `runSweep`). */
  commit?: GroupCommitOptions;
  /** Batched training (default on), as for `runSweep`. */
  batch?: BatchOptions;
  /** Called after each level, once its runs and cells are committed. */
  onLevel?: (p: AdaptiveLevelProgress) => void;
}

/** What an adaptive sweep invocation did. */
export interface AdaptiveSweepSummary {
  name: string;
  store: string;
  specHash: string;
  workers: number;
  /** Levels evaluated (coarse grid included). */
  levels: number;
  /** Runs of the refinement (points × seeds), stored before or now. */
  runs: number;
  /** Runs the full grid at the finest spacing would take. */
  fullGridRuns: number;
  /** Runs found in the store and not run again. */
  skipped: number;
  /** Runs finished and stored now, by status. */
  ran: Record<SweepRunStatus, number>;
  /** The error of the first run that failed now. */
  firstError?: string;
  /** Cells visited, and the finest ones left on a boundary. */
  cells: number;
  boundaryCells: number;
  /** Runs per outcome label. */
  outcomes: Record<string, number>;
  seconds: number;
  /** Runs trained now per second. */
  runsPerSecond: number;
}

/** What one invocation's levels share. */
interface Session {
  plan: AdaptivePlan;
  rule: OutcomeRule;
  store: SweepStore;
  pool: ChunkPool;
  commits: GroupCommit;
  known: Map<string, string>;
  ran: Record<SweepRunStatus, number>;
  firstError?: string;
  skipped: number;
  workers: number;
  maxRuns?: number;
  /** The last evaluated level's runs and how many of them were stored. */
  level: { runs: number; stored: number };
}

/** Labels of a level's points: stored runs are read back, the rest trained and committed. */
async function evaluateLevel(s: Session, points: AdaptivePoint[]): Promise<string[]> {
  const labels: string[] = new Array(points.length);
  const pending: number[] = [];
  const slot = new Map<string, number>();
  points.forEach((p, j) => {
    const index = s.plan.indexOf(p.lattice);
    const key = runKey(s.plan.pointAt(index).key, p.replicate);
    const known = s.known.get(key);
    if (known !== undefined) labels[j] = known;
    else {
      pending.push(index, p.replicate);
      slot.set(key, j);
    }
  });
  s.skipped += points.length - slot.size;
  s.level = { runs: points.length, stored: points.length - slot.size };
  const maxRuns = s.maxRuns ?? defaultBatchRuns(slot.size, s.workers);
  const chunks: RunChunk[] = [];
  for (let k = 0; k < pending.length; k += 2 * maxRuns)
    chunks.push({ runs: pending.slice(k, k + 2 * maxRuns), maxRuns });
  const finish = (r: PointResult) => {
    s.commits.add(r);
    s.ran[r.status]++;
    if (r.status === "failed" && s.firstError === undefined) s.firstError = r.error ?? "";
    const label = outcomeOf(s.rule, r.status, r.scalars);
    labels[slot.get(runKey(r.key, r.seedIndex)) as number] = label;
  };
  await Promise.all(chunks.map((c) => s.pool.run(c).then((rs) => rs.forEach(finish))));
  // The level's runs are committed before its cells are recorded.
  s.commits.flush();
  return labels;
}

/** Outcome labels of the runs already stored (failed ones left out with `retryFailed`). */
function storedOutcomes(store: SweepStore, rule: OutcomeRule, retryFailed: boolean): Map<string, string> {
  const known = new Map<string, string>();
  for (const r of store.runs()) {
    if (retryFailed && r.status === "failed") continue;
    known.set(runKey(r.pointKey, r.seedIndex), outcomeOf(rule, r.status, r.scalars));
  }
  return known;
}

/** The summary of a finished refinement. */
function summaryOf(
  s: Session,
  options: RunAdaptiveOptions,
  result: AdaptiveGridResult,
  levels: number,
  seconds: number,
): AdaptiveSweepSummary {
  const outcomes: Record<string, number> = {};
  for (const p of result.points) for (const o of p.outcomes) outcomes[o] = (outcomes[o] ?? 0) + 1;
  const { ran } = s;
  return {
    name: options.spec.name,
    store: options.storePath,
    specHash: s.plan.specHash,
    workers: s.workers,
    levels,
    runs: result.runs,
    fullGridRuns: result.fullGridRuns,
    skipped: s.skipped,
    ran,
    ...(s.firstError !== undefined ? { firstError: s.firstError } : {}),
    cells: result.cells.length,
    boundaryCells: result.cells.filter((c) => c.reason === "at-resolution").length,
    outcomes,
    seconds,
    runsPerSecond: (ran.done + ran.stopped + ran.diverged + ran.failed) / Math.max(seconds, 1e-9),
  };
}

/**
 * Runs an adaptive sweep into a store: the spec's axes are the coarse grid, boundary cells are split to
 * the spec's resolution (src/sweep/adaptive.ts), every level's new runs are trained batched on the worker
 * pool and group-committed, then the level's cells are recorded (adaptive-cells.ts). Resumable: runs found
 * in the store are read back, not run again, so a resumed sweep makes the same decisions and ends with the
 * store an uninterrupted one leaves.
 */
export async function runAdaptiveSweep(options: RunAdaptiveOptions): Promise<AdaptiveSweepSummary> {
  const { spec } = options;
  const plan = adaptivePlan(spec);
  const rule = (spec.adaptive as NonNullable<SweepSpec["adaptive"]>).outcome;
  const coarse = planSweep(spec);
  checkAxisValues(coarse);
  const workers = options.workers ?? availableParallelism();
  checkSweepMemory(coarse, workers, options.memoryBytes ?? totalmem());
  const store = openStore(options.storePath, storeSpecOf(plan));
  const started = performance.now();
  const ran: Record<SweepRunStatus, number> = { done: 0, stopped: 0, diverged: 0, failed: 0 };
  const commits = createGroupCommit((runs) => void store.writeRuns(runs), options.commit);
  let pool: ChunkPool | null = null;
  try {
    pool = createChunkPool(plan, workers);
    const s: Session = {
      plan,
      rule,
      store,
      pool,
      commits,
      known: storedOutcomes(store, rule, options.retryFailed === true),
      ran,
      skipped: 0,
      workers,
      maxRuns: options.batch?.enabled === false ? 1 : options.batch?.maxRuns,
      level: { runs: 0, stored: 0 },
    };
    let levels = 0;
    const onLevel = (cells: AdaptiveCell[], level: number) => {
      writeAdaptiveCells(store.db, cells);
      levels = level + 1;
      options.onLevel?.({
        level,
        ...s.level,
        cells: cells.length,
        refined: cells.filter((c) => c.refined).length,
        elapsed: (performance.now() - started) / 1000,
      });
      s.level = { runs: 0, stored: 0 };
    };
    const result = await refineAdaptive(plan.options, (points) => evaluateLevel(s, points), onLevel);
    return summaryOf(s, options, result, levels, (performance.now() - started) / 1000);
  } finally {
    try {
      commits.flush();
      store.leases?.releaseAll();
      await pool?.close();
    } finally {
      store.close();
    }
  }
}
