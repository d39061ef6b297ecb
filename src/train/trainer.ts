import type { RunConfig } from "../config/run-config.js";
import type { DataBundle, Dataset } from "../data/dataset.js";
import { type Backend, resident } from "../engine/backend.js";
import { type BackendName, createBackend } from "../engine/backends.js";
import { initialize } from "../engine/init.js";
import { ceGradientAndBound, countErrors, lossAndGradient } from "../engine/loss.js";
import { createMlp, type Mlp } from "../engine/mlp.js";
import { createOptimizer } from "../engine/optimizer.js";
import { backward, forward } from "../engine/propagate.js";
import { Rng } from "../engine/rng.js";
import { createWorkspace, type Workspace } from "../engine/workspace.js";
import type { Probe, ProbeContext } from "../probes/probe.js";
import { resolveProbes } from "../probes/registry.js";
import { toEngineSpecs } from "./engine-specs.js";
import type { HistoryRecord, RunStatus } from "./history.js";
import { recordSteps } from "./schedule.js";

export interface TrainerOptions {
  /**
   * Kernel backend: a name ("js" or "wasm": a new backend for this run) or a Backend object. Default: the
   * fastest exact one ("wasm" where WebAssembly SIMD runs, else "js"); all give the same bits.
   */
  backend?: Backend | BackendName;
  /** Probes to run at each record, in addition to those named in config.probes.include. */
  probes?: Probe[];
  /** Called with each new history record (progress bars, live charts). */
  onRecord?: (record: HistoryRecord) => void;
}

/** A training run that can be advanced in chunks (a UI worker) or run to the end (CLI, sweeps). */
export interface Trainer {
  readonly config: RunConfig;
  readonly mlp: Mlp;
  readonly data: DataBundle;
  /** The kernel backend the run uses (its name and threads; not needed to drive the run). */
  readonly backend: Backend;
  readonly history: HistoryRecord[];
  /** Steps taken so far. */
  readonly step: number;
  readonly status: RunStatus;
  /** Why the run ended (stop condition, divergence), or "" while running / after all steps. */
  readonly stopReason: string;
  /** Runs up to `maxSteps` more steps; returns the status afterwards. */
  advance(maxSteps: number): RunStatus;
  /** Runs to the end. */
  run(): RunStatus;
  /**
   * Stops the helper threads of a backend this trainer created (a backend passed in is the caller's).
   * The trainer stays usable, on one thread; garbage collection does the same when nobody calls it.
   */
  dispose(): void;
}

/** Sets up a run of `config` on already-built data (see buildData for making it from the config). */
export function createTrainer(config: RunConfig, data: DataBundle, options: TrainerOptions = {}): Trainer {
  const ownBackend = typeof options.backend !== "object";
  const backend = typeof options.backend === "object" ? options.backend : createBackend(options.backend);
  const train = data.train;
  const specs = toEngineSpecs(config, train.d);
  const rng = new Rng(config.seed);
  const mlp = createMlp(specs.model, backend);
  initialize(mlp, specs.init, rng.fork("init"));
  const initialParams = Float64Array.from(mlp.params);
  const grad = backend.alloc(mlp.size);
  const optimizer = createOptimizer(specs.optimizer, mlp.size, backend);
  const batchRng = rng.fork("batches");

  const fullBatch = specs.batchSize === null || specs.batchSize >= train.n;
  const batchSize = fullBatch ? train.n : (specs.batchSize as number);
  const ws = createWorkspace(mlp, batchSize, backend);
  const evalWs: Workspace | null = fullBatch ? null : createWorkspace(mlp, train.n, backend);
  // The inputs, copied once into the backend's memory when it keeps its own (so kernels run in place).
  const trainX = resident(backend, train.x);
  const batchX = fullBatch ? trainX : backend.alloc(batchSize * train.d);
  const batchY = fullBatch ? train.y : backend.alloc(batchSize);
  const order = fullBatch ? null : Uint32Array.from({ length: train.n }, (_, i) => i);
  // Full batch: X never changes, so its transpose (for the first layer's weight gradient) is made once
  // (not needed by backends with an Aᵀ·B kernel).
  let batchXT: Float64Array | undefined;
  if (fullBatch && !backend.gemmAtB) {
    batchXT = backend.alloc(train.n * train.d);
    backend.transpose(trainX, train.n, train.d, batchXT);
  }
  let cursor = train.n; // position in the shuffled order; starts "exhausted" so the first batch shuffles

  const probes = [...resolveProbes(config.probes.include), ...(options.probes ?? [])];
  const schedule = recordSteps(config.probes.schedule, config.train.steps);
  let nextRecord = 0;
  const history: HistoryRecord[] = [];
  const stop = config.train.stop;
  const sd = config.regularization.spectralDecoupling;
  const lr = config.optimizer.lr;

  let step = 0;
  let status: RunStatus = "running";
  let stopReason = "";

  function fillBatch(): void {
    if (!order) return;
    const d = train.d;
    for (let b = 0; b < batchSize; b++) {
      if (cursor >= train.n) {
        batchRng.shuffle(order);
        cursor = 0;
      }
      const i = order[cursor++];
      batchX.set(trainX.subarray(i * d, (i + 1) * d), b * d);
      batchY[b] = train.y[i];
    }
  }

  // Per batch size: a workspace and an input buffer in the backend's memory, made once (a backend that
  // keeps its own memory frees nothing until the run ends, so nothing may be allocated per record).
  const evaluations = new Map<number, { w: Workspace; x: Float64Array }>();
  function evaluate(ds: Dataset): Float64Array {
    let e = evaluations.get(ds.n);
    if (!e) {
      e = { w: createWorkspace(mlp, ds.n, backend), x: backend.alloc(ds.n * ds.d) };
      evaluations.set(ds.n, e);
    }
    let x = ds.x;
    if (ds === train) x = trainX;
    else if (backend.owns && !backend.owns(x) && ds.d * ds.n === e.x.length) {
      e.x.set(ds.x.subarray(0, ds.n * ds.d));
      x = e.x;
    }
    return Float64Array.from(forward(mlp, mlp.params, x, ds.n, e.w, backend).subarray(0, ds.n));
  }

  /** Full-data logits and loss at the current parameters. */
  function fullEvaluation(): { logits: Float64Array; loss: number } {
    if (fullBatch) return { logits: ws.logits, loss: lastLoss };
    const w = evalWs as Workspace;
    forward(mlp, mlp.params, trainX, train.n, w, backend);
    return { logits: w.logits, loss: lossAndGradient(specs.loss, w.logits, train.y, train.n) };
  }

  function record(): HistoryRecord {
    const { logits, loss } = fullEvaluation();
    const rec: HistoryRecord = {
      step,
      t: lr * step,
      loss,
      error: countErrors(logits, train.y, train.n) / train.n,
    };
    if (sd > 0) rec.penalty = penaltyOf(logits, train.n);
    if (probes.length) {
      const ctx: ProbeContext = {
        mlp,
        params: mlp.params,
        initialParams,
        data: train,
        logits: logits.subarray(0, train.n),
        loss: specs.loss,
        tests: data.tests,
        evaluate,
        step,
      };
      for (const probe of probes) Object.assign(rec, probe.measure(ctx));
    }
    history.push(rec);
    options.onRecord?.(rec);
    return rec;
  }

  function penaltyOf(logits: Float64Array, n: number): number {
    let s = 0;
    for (let i = 0; i < n; i++) s += logits[i] * logits[i];
    return (sd / 2) * (s / n);
  }

  function checkStop(rec: HistoryRecord): void {
    if (!Number.isFinite(rec.loss) || rec.loss > stop.divergeAbove) {
      status = "diverged";
      stopReason = `loss ${rec.loss} at step ${step} (limit ${stop.divergeAbove})`;
    } else if (stop.targetLoss !== null && rec.loss <= stop.targetLoss) {
      status = "stopped";
      stopReason = `target loss ${stop.targetLoss} reached at step ${step}`;
    } else if (stop.targetError !== null && rec.error <= stop.targetError) {
      status = "stopped";
      stopReason = `target error ${stop.targetError} reached at step ${step}`;
    } else if (stop.plateau) {
      const { window, minRelativeDecrease } = stop.plateau;
      let past: HistoryRecord | undefined;
      for (let i = history.length - 1; i >= 0; i--) {
        if (history[i].step <= step - window) {
          past = history[i];
          break;
        }
      }
      if (past && past.loss - rec.loss <= minRelativeDecrease * Math.abs(past.loss)) {
        status = "stopped";
        stopReason = `plateau: loss fell by less than ${minRelativeDecrease} (relative) over ${window} steps, at step ${step}`;
      }
    }
  }

  let lastLoss = Number.NaN;

  /** One optimizer step (records first if this step is scheduled). */
  function oneStep(): void {
    fillBatch();
    forward(mlp, mlp.params, batchX, batchSize, ws, backend);
    const due = schedule[nextRecord] === step;
    if (due) nextRecord++;
    // Full-batch CE between records: the loss value is needed only to detect divergence, and a bound
    // without a logarithm per point settles that (the exact loss is computed when it cannot).
    let lossKnown = true;
    if (fullBatch && specs.loss.kind === "ce" && !due && !needsEveryStep) {
      const bound = ceGradientAndBound(specs.loss.reduction, ws.logits, batchY, batchSize, ws.dLogits);
      if (bound <= stop.divergeAbove) lossKnown = false;
      else lastLoss = lossAndGradient(specs.loss, ws.logits, batchY, batchSize);
    } else lastLoss = lossAndGradient(specs.loss, ws.logits, batchY, batchSize, ws.dLogits);
    if (sd > 0) for (let i = 0; i < batchSize; i++) ws.dLogits[i] += (sd * ws.logits[i]) / batchSize;
    if (fullBatch) {
      // The full-batch forward pass already gives the loss at θ_step: check every step, for free.
      if (
        lossKnown &&
        (!Number.isFinite(lastLoss) || lastLoss > stop.divergeAbove || due || needsEveryStep)
      ) {
        const errors = countErrors(ws.logits, batchY, batchSize) / batchSize;
        const rec = due ? record() : ({ step, t: lr * step, loss: lastLoss, error: errors } as HistoryRecord);
        checkStop(rec);
        if (status !== "running" && !due) record();
        if (status !== "running") return;
      }
    } else if (due || !Number.isFinite(lastLoss)) {
      const rec = record();
      checkStop(rec);
      if (status !== "running") return;
    }
    backward(mlp, mlp.params, batchX, batchSize, ws, backend, grad, undefined, batchXT);
    optimizer.step(mlp.params, grad);
    step++;
  }

  const needsEveryStep = stop.targetLoss !== null || stop.targetError !== null;

  function finish(): void {
    // Record the final state (step = maxSteps).
    if (fullBatch) {
      forward(mlp, mlp.params, batchX, batchSize, ws, backend);
      lastLoss = lossAndGradient(specs.loss, ws.logits, batchY, batchSize);
    }
    const rec = record();
    checkStop(rec);
    // Reaching a target on the very last step is simply the end of the run.
    if (status !== "diverged") status = "done";
  }

  const trainer: Trainer = {
    config,
    mlp,
    data,
    backend,
    history,
    get step() {
      return step;
    },
    get status() {
      return status;
    },
    get stopReason() {
      return stopReason;
    },
    advance(maxSteps: number): RunStatus {
      const target = Math.min(config.train.steps, step + maxSteps);
      while (status === "running" && step < target) oneStep();
      if (status === "running" && step >= config.train.steps) finish();
      return status;
    },
    run(): RunStatus {
      return trainer.advance(Number.POSITIVE_INFINITY);
    },
    dispose(): void {
      if (ownBackend) backend.dispose?.();
    },
  };
  return trainer;
}
