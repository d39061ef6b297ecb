import type { RunConfigInput } from "../../config/run-config.js";
import { Rng } from "../../engine/rng.js";
import type { HistoryRecord } from "../../train/history.js";
import { exactSettingConfig } from "./exact-setting.js";
import { runConfig } from "./run.js";
import { logTimeStages, runStaged } from "./staged-run.js";

/** The start of one mode (a_k, b_k) of THEORY.md §2: point x_k = r e_k with label y. */
export interface ModeStart {
  /** Input norm r_k. */
  r: number;
  /** Label y_k (±1). */
  y: 1 | -1;
  /** First-layer diagonal weight a_k(0). */
  a0: number;
  /** Output weight b_k(0). */
  b0: number;
}

/** Options of {@link runModes}. */
export interface RunModesOptions {
  /** One mode per orthogonal point. */
  modes: readonly ModeStart[];
  /** Loss (default "ce"). */
  loss?: "ce" | "hinge";
  /** Hidden activation (default "relu"; "linear" couples the points through the shared output). */
  activation?: "relu" | "linear";
  /** Learning rate of the first (or only) stage (default 0.01). */
  lr?: number;
  /** Final time t = Σ η·steps. */
  tEnd: number;
  /**
   * Constant-η horizon: the run uses `lr` up to here, then η grows ×10 per decade of time (log-time
   * stepping, see `logTimeStages`). Default: tEnd (one constant-η run).
   */
  tSwitch?: number;
  /** Records per stage (default 200). */
  recordsPerStage?: number;
  /**
   * Standard deviation δ of Gaussian noise added to the off-diagonal first-layer weights (default 0: the
   * theory's diagonal init). Drawn from `seed`.
   */
  offDiagonalStd?: number;
  /** Seed of the off-diagonal noise (default 0). */
  seed?: number;
  /** Extra probes besides diagonal-modes, margins and weight-norms. */
  probes?: string[];
}

/** Per-mode trajectories of a run in the exact setting. */
export interface ModeRun {
  /** Record times. */
  t: number[];
  /** margin[k][i]: margin of point k at record i. */
  margin: number[][];
  /** a[k][i], b[k][i]: the diagonal first-layer weight and output weight of unit k. */
  a: number[][];
  b: number[][];
  /** Largest |off-diagonal first-layer weight| at each record. */
  offDiagonal: number[];
  /** Norm of all parameters at each record. */
  paramNorm: number[];
  /** The raw records. */
  history: HistoryRecord[];
  /** The configs run (one per stage). */
  configs: RunConfigInput[];
  /** "diverged" if a stage blew up. */
  status: string;
}

/** The run config of a set of modes (the first stage when staged). */
export function modesConfig(o: RunModesOptions, lr: number, steps: number, every: number): RunConfigInput {
  const base = exactSettingConfig({
    norms: o.modes.map((m) => m.r),
    labels: o.modes.map((m) => m.y),
    a: o.modes.map((m) => m.a0),
    b: o.modes.map((m) => m.b0),
    loss: o.loss ?? "ce",
    activation: o.activation ?? "relu",
    lr,
    steps,
    every,
    probes: ["diagonal-modes", "margins", "weight-norms", ...(o.probes ?? [])],
  });
  const delta = o.offDiagonalStd ?? 0;
  if (delta > 0 && base.init && "weights" in base.init && base.init.weights) {
    const rng = new Rng(o.seed ?? 0, "c2-off-diagonal");
    const W = base.init.weights[0].W.map((row, k) => row.map((v, j) => (j === k ? v : delta * rng.normal())));
    base.init = { scheme: "explicit", weights: [{ W }, base.init.weights[1]] };
  }
  return base;
}

/** Trains the exact setting for the given modes and returns the per-mode trajectories. */
export function runModes(o: RunModesOptions): ModeRun {
  const lr = o.lr ?? 0.01;
  const records = o.recordsPerStage ?? 200;
  const tSwitch = Math.min(o.tSwitch ?? o.tEnd, o.tEnd);
  const stages = logTimeStages({ lr, tSwitch, tEnd: o.tEnd, recordsPerStage: records });
  const base = modesConfig(o, lr, stages[0].steps, stages[0].every ?? 1);
  const run =
    stages.length === 1
      ? (() => {
          const r = runConfig(base);
          return { history: r.history, status: r.status, configs: [base] };
        })()
      : runStaged(base, stages, { optimizer: "keep" });
  const n = o.modes.length;
  const pick = (key: string) =>
    Array.from({ length: n }, (_, k) => run.history.map((rec) => (rec[key] as number[])[k]));
  return {
    t: run.history.map((rec) => rec.t),
    margin: pick("margin"),
    a: pick("a"),
    b: pick("b"),
    offDiagonal: run.history.map((rec) => rec.offDiagonalMax as number),
    paramNorm: run.history.map((rec) => rec.paramNorm as number),
    history: run.history,
    configs: run.configs,
    status: run.status,
  };
}

/** Largest value of an array (−Infinity for an empty one; NaN propagates). */
export function maxOf(values: readonly number[]): number {
  let m = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (Number.isNaN(v)) return Number.NaN;
    if (v > m) m = v;
  }
  return m;
}
