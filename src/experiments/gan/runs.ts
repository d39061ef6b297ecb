/**
 * The GAN bench grid: data × loss × optimizer × seeds, each cell a plain GanConfig run to the end, with
 * sample snapshots kept for the first seed and per-run summaries (final metrics, stability, mechanism).
 */
import type { Backend } from "../../engine/backend.js";
import type { GanConfig, GanConfigInput } from "../../gan/config.js";
import type { GanLoss } from "../../gan/losses.js";
import { createGanRun, type GanRecord } from "../../gan/train.js";
import { meanOfFinite, stdOfFinite } from "../../math/stats.js";

/** Optimizer arms of the bench. */
export type GanOptimizer = "adam" | "sgd";

/** Sizes and hyperparameters of one bench scale. */
export interface GanBenchSettings {
  /** Seeds per cell (the same seeds, hence the same initial weights, in every cell). */
  seeds: number;
  /** Hidden widths of both networks. */
  width: number;
  /** Batch size (real and fake). */
  batchSize: number;
  /** Generator updates per run. */
  iterations: number;
  /** Generator updates between measurements. */
  recordEvery: number;
  /** Adam learning rate (β1 0.5, β2 0.999) and SGD learning rate. */
  adamLr: number;
  sgdLr: number;
  /** Discriminator updates per generator update. */
  dSteps: number;
  /** Snapshot iterations (fractions of the run) of the sample figures. */
  snapshots: number[];
  /** Points drawn per snapshot panel. */
  snapshotPoints: number;
}

/** One cell of the grid. */
export interface GanCell {
  data: "ring" | "grid";
  loss: GanLoss;
  optimizer: GanOptimizer;
}

/** What one run leaves behind. */
export interface GanRunSummary {
  seed: number;
  status: "ok" | "diverged";
  history: GanRecord[];
  /** Final record. */
  final: GanRecord;
  /** Std over time of modes captured in the second half of training (0 = steady). */
  modesJitter: number;
  /** Largest drop of modes captured from one record to a later one in the second half. */
  modesDrop: number;
  /** Mean |D logit|, active share, per-sample push and D slope averaged over the last quarter. */
  lateAbsLogit: number;
  lateActive: number;
  latePush: number;
  lateSlope: number;
}

/** A cell with all its seeds. */
export interface GanCellResult extends GanCell {
  label: string;
  config: GanConfig;
  runs: GanRunSummary[];
  /** Seed-0 samples at the snapshot iterations: [iteration, points (n × 2)]. */
  snapshots: { iteration: number; points: number[] }[];
}

/** "hinge · Adam" style label. */
export function cellLabel(c: Pick<GanCell, "loss" | "optimizer">): string {
  const loss =
    c.loss === "nonsaturating" ? "non-saturating CE" : c.loss === "minimax" ? "minimax CE" : "hinge";
  return `${loss} · ${c.optimizer === "adam" ? "Adam" : "SGD"}`;
}

/** The config of one cell and seed. */
export function cellConfig(s: GanBenchSettings, c: GanCell, seed: number): GanConfigInput {
  return {
    data: c.data,
    loss: c.loss,
    optimizer: {
      kind: c.optimizer,
      lr: c.optimizer === "adam" ? s.adamLr : s.sgdLr,
      beta1: 0.5,
      beta2: 0.999,
      momentum: 0,
    },
    generator: { hidden: [s.width, s.width], noiseDim: 2 },
    discriminator: { hidden: [s.width, s.width] },
    batchSize: s.batchSize,
    iterations: s.iterations,
    dSteps: s.dSteps,
    gSteps: 1,
    recordEvery: s.recordEvery,
    evalSamples: 2500,
    seed,
  };
}

function summarize(seed: number, status: "ok" | "diverged", history: GanRecord[]): GanRunSummary {
  const final = history[history.length - 1];
  const lastIt = final.iteration;
  const second = history.filter((r) => r.iteration >= lastIt / 2);
  const late = history.filter((r) => r.iteration >= (3 * lastIt) / 4);
  let drop = 0;
  let peak = 0;
  for (const r of second) {
    peak = Math.max(peak, r.modesCaptured);
    drop = Math.max(drop, peak - r.modesCaptured);
  }
  return {
    seed,
    status,
    history,
    final,
    modesJitter: stdOfFinite(second.map((r) => r.modesCaptured)),
    modesDrop: drop,
    lateAbsLogit: meanOfFinite(late.map((r) => r.absLogit)),
    lateActive: meanOfFinite(late.map((r) => r.dActive)),
    latePush: meanOfFinite(late.map((r) => r.gPush)),
    lateSlope: meanOfFinite(late.map((r) => r.dSlope)),
  };
}

/** Options of {@link runCell}. */
export interface RunCellOptions {
  /** Master seed: run k of the cell uses seed master·1000 + k. */
  masterSeed: number;
  /** A backend factory (one backend per run; default the engine's fastest). */
  backend?: () => Backend;
  /** Called after each run (progress). */
  onRun?: (done: number) => void;
}

/** Runs every seed of one cell. */
export function runCell(s: GanBenchSettings, cell: GanCell, o: RunCellOptions): GanCellResult {
  const runs: GanRunSummary[] = [];
  const snapshots: { iteration: number; points: number[] }[] = [];
  let config: GanConfig | undefined;
  for (let k = 0; k < s.seeds; k++) {
    const run = createGanRun(cellConfig(s, cell, o.masterSeed * 1000 + k), { backend: o.backend?.() });
    config ??= run.config;
    if (k === 0) {
      const marks = [...new Set(s.snapshots.map((f) => Math.round(f * s.iterations)))].sort((a, b) => a - b);
      for (const it of marks) {
        run.advance(it - run.iteration);
        const pts = run.samples();
        const m = Math.min(s.snapshotPoints, pts.length / 2);
        snapshots.push({ iteration: run.iteration, points: Array.from(pts.subarray(0, 2 * m)) });
      }
    }
    run.run();
    runs.push(summarize(k, run.status === "diverged" ? "diverged" : "ok", run.history));
    o.onRun?.(k + 1);
  }
  return { ...cell, label: cellLabel(cell), config: config as GanConfig, runs, snapshots };
}
