/**
 * One training run of the lab: the library's own trainer (createTrainer, advanced in chunks) plus what the
 * lab's views need at each recorded step. Plain TypeScript with no DOM or worker API, so it runs in the
 * lab's Web Worker and in Node tests alike.
 *
 * The views' extra measurements come from a pass-through probe that returns nothing: the history is
 * exactly what `learndyn train` records for the same config, so downloads and numbers match the CLI.
 */
import type {
  HistoryRecord,
  Probe,
  RegimeVerdict,
  RunConfig,
  RunStatus,
  WasmBackend,
} from "../../../src/index.js";
import {
  biasView,
  buildData,
  createTrainer,
  measureRegime,
  parseRunConfig,
  type Trainer,
  trainerRegime,
  weightView,
} from "../../../src/index.js";
import { dataInfo, planeData } from "./data-info.js";
import { measureExtras, unitPairs } from "./extras.js";
import { featureTimes } from "./feature-times.js";
import { NetEval, type PlaneGrid, planeGrid } from "./net-eval.js";
import {
  type DataInfo,
  type DecisionGrid,
  GRID_SIZE,
  type LabExtra,
  MAX_SNAPSHOT_PARAMS,
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
  /** The plane grid and the net evaluated on it (2-D data only). */
  private readonly plane: { grid: PlaneGrid; net: NetEval } | null;
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
    const flat = planeData(this.config, data);
    this.info = {
      ...dataInfo(this.config, data, flat, mlp.layers.length),
      units0: unitPairs(mlp, mlp.params, train, this.config),
    };
    this.plane =
      flat.train.d === 2
        ? { grid: planeGrid(flat.train.x, GRID_SIZE), net: new NetEval(this.config, train.d) }
        : null;
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

  /** The logit over a grid covering the data (with a margin), or null unless the data is 2-D. */
  decisionGrid(): DecisionGrid | null {
    if (!this.plane) return null;
    const { grid, net } = this.plane;
    const { logit } = net.plane(this.trainer.mlp.params, grid);
    return { step: this.trainer.step, x: grid.x, y: grid.y, values: Array.from(logit) };
  }
}
