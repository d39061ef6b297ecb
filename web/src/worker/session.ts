/**
 * One training run of the lab: the library's own trainer (createTrainer, advanced in chunks) plus what the
 * lab's views need at each recorded step. Plain TypeScript with no DOM or worker API, so it runs in the
 * lab's Web Worker and in Node tests alike.
 *
 * The views' extra measurements come from a pass-through probe that returns nothing: the history is
 * exactly what `learndyn train` records for the same config, so downloads and numbers match the CLI.
 */
import type { RunConfig } from "../../../src/config/run-config.js";
import { parseRunConfig } from "../../../src/config/validate.js";
import type { Dataset } from "../../../src/data/dataset.js";
import { jsBackend } from "../../../src/engine/backend-js.js";
import type { WasmBackend } from "../../../src/engine/backend-wasm.js";
import { biasView, type Mlp, weightView } from "../../../src/engine/mlp.js";
import { forward } from "../../../src/engine/propagate.js";
import { createWorkspace } from "../../../src/engine/workspace.js";
import type { Probe, ProbeContext, ProbeValues } from "../../../src/probes/probe.js";
import { PROBES } from "../../../src/probes/registry.js";
import type { RegimeVerdict } from "../../../src/regime/check.js";
import { measureRegime } from "../../../src/regime/meter.js";
import { trainerRegime } from "../../../src/regime/trainer-regime.js";
import { buildData } from "../../../src/train/build-data.js";
import type { HistoryRecord, RunStatus } from "../../../src/train/history.js";
import { createTrainer, type Trainer } from "../../../src/train/trainer.js";
import { featureTimes } from "./feature-times.js";
import {
  type DataInfo,
  type DecisionGrid,
  GRID_SIZE,
  type LabExtra,
  MAX_POINT_SERIES,
  MAX_SNAPSHOT_PARAMS,
  MAX_UNITS,
  type Progress,
  type WeightSnapshot,
} from "./run-types.js";
import { type TheoryOverlay, theoryOverlay } from "./theory-overlay.js";

/** A run config (raw JSON) set up for training; throws ConfigError or a data error naming the problem. */
export class LabSession {
  readonly config: RunConfig;
  readonly info: DataInfo;
  private readonly trainer: Trainer;
  private readonly extras: LabExtra[] = [];
  private sentRecords = 0;
  private regime: { verdict: RegimeVerdict; final: boolean } | null = null;
  private sentExtras = 0;
  private gridCache: {
    xs: Float64Array;
    x: number[];
    y: number[];
    ws: ReturnType<typeof createWorkspace>;
  } | null = null;

  /** Stops the run's helper threads (if its products ever used any). */
  dispose(): void {
    this.trainer.dispose();
  }

  constructor(raw: unknown) {
    this.config = parseRunConfig(raw, "the lab");
    const data = buildData(this.config);
    const train = data.train;
    const viewProbe: Probe = {
      name: "lab-views",
      description: "measurements for the lab's views (returns nothing to the history)",
      measure: (ctx) => {
        this.extras.push(measureExtras(ctx, this.config));
        return {};
      },
    };
    this.trainer = createTrainer(this.config, data, { probes: [viewProbe] });
    const { mlp } = this.trainer;
    this.info = {
      ...dataInfo(train, Object.keys(data.tests), mlp.layers.length),
      units0: unitPairs(mlp, mlp.params, train, this.config),
    };
  }

  /** The theory's prediction for this run (ODE solves: call it in the worker, once). */
  theory(): TheoryOverlay {
    const { mlp, data } = this.trainer;
    const initial =
      this.trainer.step === 0 ? unitPairs(mlp, mlp.params, data.train, this.config) : this.extras[0];
    const overlay = theoryOverlay(this.config, this.info, initial ?? undefined, this.verdict());
    if (this.config.data.kind === "features" && this.trainer.step === 0) {
      // Times are drawn where features are meant to be separate modes (disjoint carriers); elsewhere (C7's
      // shared points) a note on the mode theory's gaps would only distract.
      overlay.notes = [];
      if (this.config.data.carriers !== "disjoint") return overlay;
      const ft = featureTimes(this.config, mlp, mlp.params, this.info.n);
      overlay.featureTimes = ft.times;
      overlay.notes = ft.times.length
        ? [
            "Dotted lines: each feature's predicted learning time (carriers' margin r·u = 1), the exact mode ODE of THEORY.md §5 from this run's own initial weights.",
          ]
        : [`No predicted learning times: ${ft.gap}.`];
      if (ft.times.length && ft.gap) overlay.notes.push(ft.gap);
    }
    return overlay;
  }

  get step(): number {
    return this.trainer.step;
  }
  get status(): RunStatus {
    return this.trainer.status;
  }
  get history(): readonly HistoryRecord[] {
    return this.trainer.history;
  }

  /** Runs up to `steps` more optimizer steps. */
  /** Trains for about `ms` milliseconds and at most `maxSteps` steps (see Trainer.advanceFor); returns the steps taken. */
  advanceFor(ms: number, maxSteps?: number): number {
    return this.trainer.advanceFor(ms, maxSteps);
  }

  advance(steps: number): RunStatus {
    return this.trainer.advance(steps);
  }

  /** The regime verdict: a-priori while running (computed once), with the end-of-run checks once ended. */
  verdict(): RegimeVerdict {
    const ended = this.trainer.status !== "running";
    if (!this.regime || (ended && !this.regime.final)) {
      const t = this.trainer;
      this.regime = {
        final: ended,
        verdict: ended
          ? trainerRegime(t)
          : measureRegime({
              config: t.config,
              data: t.data.train,
              spec: t.mlp.spec,
              initialParams: t.initialParams,
            }),
      };
    }
    return this.regime.verdict;
  }

  /** Records and extras made since the last call. */
  drain(): Progress {
    const records = this.trainer.history.slice(this.sentRecords);
    const extras = this.extras.slice(this.sentExtras);
    this.sentRecords = this.trainer.history.length;
    this.sentExtras = this.extras.length;
    return {
      step: this.trainer.step,
      status: this.trainer.status,
      stopReason: this.trainer.stopReason,
      records,
      extras,
      backend: {
        name: this.trainer.backend.name,
        threads: this.trainer.backend.threads ?? 1,
        running: 1 + ((this.trainer.backend as Partial<WasmBackend>).helpersReady?.() ?? 0),
      },
      regime: this.verdict(),
    };
  }

  /** The current weights, or null for nets larger than MAX_SNAPSHOT_PARAMS. */
  weights(): WeightSnapshot | null {
    const { mlp } = this.trainer;
    if (mlp.size > MAX_SNAPSHOT_PARAMS) return null;
    return {
      step: this.trainer.step,
      layers: mlp.layers.map((L, l) => {
        const b = biasView(mlp, mlp.params, l);
        return {
          inputs: L.inputs,
          outputs: L.outputs,
          W: Array.from(weightView(mlp, mlp.params, l)),
          b: b ? Array.from(b) : null,
        };
      }),
    };
  }

  /** The logit over a grid covering the data (with a margin), or null unless the inputs are 2-D. */
  decisionGrid(): DecisionGrid | null {
    const { mlp, data } = this.trainer;
    const train = data.train;
    if (train.d !== 2) return null;
    if (!this.gridCache) {
      const [x0, x1] = paddedRange(train.x, 0);
      const [y0, y1] = paddedRange(train.x, 1);
      const x = Array.from({ length: GRID_SIZE }, (_, i) => x0 + ((i + 0.5) / GRID_SIZE) * (x1 - x0));
      const y = Array.from({ length: GRID_SIZE }, (_, j) => y0 + ((j + 0.5) / GRID_SIZE) * (y1 - y0));
      const xs = new Float64Array(GRID_SIZE * GRID_SIZE * 2);
      for (let j = 0; j < GRID_SIZE; j++) {
        for (let i = 0; i < GRID_SIZE; i++) {
          xs[(j * GRID_SIZE + i) * 2] = x[i];
          xs[(j * GRID_SIZE + i) * 2 + 1] = y[j];
        }
      }
      this.gridCache = { xs, x, y, ws: createWorkspace(mlp, GRID_SIZE * GRID_SIZE, jsBackend) };
    }
    const { xs, x, y, ws } = this.gridCache;
    const logits = forward(mlp, mlp.params, xs, GRID_SIZE * GRID_SIZE, ws, jsBackend);
    return { step: this.trainer.step, x, y, values: Array.from(logits.subarray(0, GRID_SIZE * GRID_SIZE)) };
  }
}

function paddedRange(x: Float64Array, coord: number): [number, number] {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = coord; i < x.length; i += 2) {
    if (x[i] < lo) lo = x[i];
    if (x[i] > hi) hi = x[i];
  }
  const pad = Math.max(0.15 * (hi - lo), 0.1);
  return [lo - pad, hi + pad];
}

function dataInfo(train: Dataset, testNames: string[], layers: number): Omit<DataInfo, "units0"> {
  const norms: number[] = [];
  for (let i = 0; i < Math.min(train.n, MAX_POINT_SERIES); i++) {
    let s = 0;
    for (let j = 0; j < train.d; j++) s += train.x[i * train.d + j] ** 2;
    norms.push(Math.sqrt(s));
  }
  let points2d: DataInfo["points2d"] = null;
  if (train.d === 2) {
    points2d = { x: [], y: [] };
    for (let i = 0; i < train.n; i++) {
      points2d.x.push(train.x[2 * i]);
      points2d.y.push(train.x[2 * i + 1]);
    }
  }
  return {
    name: train.name,
    n: train.n,
    d: train.d,
    labels: Array.from(train.y),
    norms,
    featureNames: train.features?.names ?? [],
    points2d,
    testNames,
    layers,
  };
}

/** Probes of the library that the views use when they exist (looked up by name). */
function libraryProbe(name: string): Probe | undefined {
  return PROBES.find((p) => p.name === name);
}

function measureExtras(ctx: ProbeContext, config: RunConfig): LabExtra {
  const { data, logits, mlp, params } = ctx;
  const extra: LabExtra = { step: ctx.step, t: ctx.step * config.optimizer.lr };
  if (data.n <= MAX_POINT_SERIES) {
    extra.margin = Array.from({ length: data.n }, (_, i) => data.y[i] * logits[i]);
  }
  const take = (name: string): ProbeValues => libraryProbe(name)?.measure(ctx) ?? {};
  const norms = take("weight-norms");
  if (Array.isArray(norms.weightNorm)) extra.weightNorm = norms.weightNorm;
  if (typeof norms.paramNorm === "number") extra.paramNorm = norms.paramNorm;
  const conserved = take("conserved");
  if (typeof conserved.balanceDrift === "number") extra.balanceDrift = conserved.balanceDrift;
  if (data.features) {
    const responses = take("feature-responses");
    if (Array.isArray(responses.response)) extra.response = responses.response;
  }
  if (config.data.kind === "orthogonal" && mlp.layers.length >= 2) {
    const L = mlp.layers[0];
    const W = weightView(mlp, params, 0);
    let worst = 0;
    for (let k = 0; k < L.outputs; k++)
      for (let i = 0; i < L.inputs; i++) if (i !== k) worst = Math.max(worst, Math.abs(W[k * L.inputs + i]));
    extra.offDiagonal = worst;
  }
  const units = unitPairs(mlp, params, data, config);
  if (units) {
    extra.a = units.a;
    extra.yb = units.yb;
  }
  return extra;
}

/** 2-layer nets on orthogonal data: unit k paired with point k, a = w_k·x_k/‖x_k‖ and y_k·b_k (THEORY.md §4). */
function unitPairs(
  mlp: Mlp,
  params: Float64Array,
  data: Dataset,
  config: RunConfig,
): { a: number[]; yb: number[] } | null {
  {
    if (mlp.layers.length !== 2 || config.data.kind !== "orthogonal") return null;
    const L = mlp.layers[0];
    const W = weightView(mlp, params, 0);
    const v = weightView(mlp, params, 1);
    const k = Math.min(L.outputs, data.n, MAX_UNITS);
    const a: number[] = new Array(k);
    const yb: number[] = new Array(k);
    for (let u = 0; u < k; u++) {
      let dot = 0;
      let sq = 0;
      for (let i = 0; i < data.d; i++) {
        const xi = data.x[u * data.d + i];
        dot += W[u * L.inputs + i] * xi;
        sq += xi * xi;
      }
      a[u] = dot / Math.sqrt(sq);
      yb[u] = data.y[u] * v[u];
    }
    return { a, yb };
  }
}
