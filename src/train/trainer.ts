/**
 * The trainer: the one net's step of every run of the project (CLI, sweeps, claims, the lab, the
 * colored-MNIST study, staged runs), driven by the one step loop (step-loop.ts, which the GAN bench's
 * step goes through too). Each step: fill a batch, forward, the loss gradient at ∂L/∂f, backward (in one
 * pass, or summed over chunks of a large full batch: accumulate.ts), one optimizer update (stepper.ts,
 * with the learning rate and weight decay of the schedules). Records follow the probe schedule; a
 * checkpoint (checkpoint.ts) holds everything needed to continue bit for bit.
 */
import type { RunConfig } from "../config/run-config.js";
import type { DataBundle } from "../data/dataset.js";
import { type Backend, resident } from "../engine/backend.js";
import { type BackendName, createBackend } from "../engine/backends.js";
import { initialize } from "../engine/init.js";
import { ceGradientAndBound, countErrors, lossAndGradient, weightedLossGradient } from "../engine/loss.js";
import { createMlp, type Mlp } from "../engine/mlp.js";
import type { OptimizerState } from "../engine/optimizer.js";
import { backward, forward } from "../engine/propagate.js";
import { Rng } from "../engine/rng.js";
import { createWorkspace, type Workspace } from "../engine/workspace.js";
import type { Probe, ProbeContext } from "../probes/probe.js";
import { resolveProbes } from "../probes/registry.js";
import { accumulateGradient, type ChunkedPass, forwardChunks } from "./accumulate.js";
import { type BatchOrderState, createBatches } from "./batches.js";
import { checkResumable, type TrainerCheckpoint } from "./checkpoint.js";
import { toEngineSpecs } from "./engine-specs.js";
import { createEvaluator } from "./evaluate.js";
import type { HistoryRecord, RunStatus } from "./history.js";
import { recordSchedule } from "./schedule.js";
import { createStepLoop } from "./step-loop.js";
import { createStepper } from "./stepper.js";
import { stopCondition } from "./stop.js";
import { valueAt } from "./value-schedule.js";

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
  /** Continue a run from its checkpoint (taken by `checkpoint()` of a trainer of the same config). */
  resume?: TrainerCheckpoint;
  /**
   * Start with optimizer state and batch order carried over from another run (a stage that keeps them;
   * see experiments/support/staged-run.ts). Parameters come from the config's init as usual.
   */
  carry?: { optimizer?: OptimizerState; batches?: BatchOrderState | null };
}

/** A training run that can be advanced in chunks (a UI worker) or run to the end (CLI, sweeps). */
export interface Trainer {
  readonly config: RunConfig;
  readonly mlp: Mlp;
  readonly data: DataBundle;
  /** The kernel backend the run uses (its name and threads; not needed to drive the run). */
  readonly backend: Backend;
  /** The parameters at step 0 (a copy; the regime meter compares the end with them). */
  readonly initialParams: Float64Array;
  readonly history: HistoryRecord[];
  /** Steps taken so far. */
  readonly step: number;
  readonly status: RunStatus;
  /** Why the run ended (stop condition, divergence), or "" while running / after all steps. */
  readonly stopReason: string;
  /** Runs up to `maxSteps` more steps; returns the status afterwards. */
  advance(maxSteps: number): RunStatus;
  /**
   * Runs for about `ms` milliseconds (at least one step, at most `maxSteps`), in chunks sized from the
   * measured pace; returns the steps taken. Same bits as any other way of advancing.
   */
  advanceFor(ms: number, maxSteps?: number): number;
  /** Runs to the end. */
  run(): RunStatus;
  /** Everything needed to continue this run bit for bit (copies; see checkpoint.ts). */
  checkpoint(): TrainerCheckpoint;
  /**
   * Stops the helper threads of a backend this trainer created (a backend passed in is the caller's).
   * The trainer stays usable, on one thread; garbage collection does the same when nobody calls it.
   */
  dispose(): void;
}

/**
 * Sets up a run of `config` on already-built data (see buildData for making it from the config).
 * Longer than a function should be, on purpose: one closure holds the run's state (step, buffers, batch
 * order, history), so the step (`oneStep`) reads top to bottom with nothing hidden behind objects.
 */
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
  const schedules = config.schedules ?? {};
  const stepper = createStepper(mlp.params, specs.optimizer, backend, schedules);

  const fullBatch = specs.batchSize === null || specs.batchSize >= train.n;
  const batchSize = fullBatch ? train.n : (specs.batchSize as number);
  // Full batch larger than train.chunk: forward and backward in chunks, gradients summed (accumulate.ts).
  const chunked = fullBatch && config.train.chunk !== undefined && config.train.chunk < train.n;
  const ws = createWorkspace(mlp, chunked ? (config.train.chunk as number) : batchSize, backend);
  const evalWs: Workspace | null = fullBatch ? null : createWorkspace(mlp, train.n, backend);
  // The inputs, copied once into the backend's memory when it keeps its own (so kernels run in place).
  const trainX = resident(backend, train.x);
  const batchX = fullBatch ? trainX : backend.alloc(batchSize * train.d);
  const batchY = fullBatch ? train.y : backend.alloc(batchSize);
  const batches = fullBatch ? null : createBatches(train, trainX, batchSize, rng.fork("batches"));
  const pass: ChunkedPass | null = chunked
    ? {
        mlp,
        backend,
        x: trainX,
        y: train.y,
        n: train.n,
        d: train.d,
        ws,
        chunk: ws.capacity,
        logits: new Float64Array(train.n),
      }
    : null;
  const chunkGrad = chunked ? backend.alloc(mlp.size) : grad;
  // The logits of the last full-batch pass (all points).
  const passLogits = pass ? pass.logits : ws.logits;
  // Full batch: X never changes, so its transpose (for the first layer's weight gradient) is made once
  // (not needed by backends with an Aᵀ·B kernel).
  let batchXT: Float64Array | undefined;
  if (fullBatch && !chunked && !backend.gemmAtB) {
    batchXT = backend.alloc(train.n * train.d);
    backend.transpose(trainX, train.n, train.d, batchXT);
  }

  const probes = [...resolveProbes(config.probes.include), ...(options.probes ?? [])];
  const schedule = recordSchedule(config.probes.schedule, config.train.steps);
  let nextRecord = 0;
  let history: HistoryRecord[] = [];
  const stop = config.train.stop;
  const lr = config.optimizer.lr;
  const sdAt = (s: number) =>
    schedules.spectralDecoupling
      ? valueAt(schedules.spectralDecoupling, s)
      : config.regularization.spectralDecoupling;
  const weighted = schedules.lossWeight;
  const needsEveryStep = stop.targetLoss !== null || stop.targetError !== null;

  let step = 0;
  // Time Σ η: lr·step for a constant η (as always, same bits); summed step by step under a schedule.
  let tSum = 0;
  const timeAt = () => (schedules.lr ? tSum : lr * step);
  let status: RunStatus = "running";
  let stopReason = "";
  let lastLoss = Number.NaN;

  if (options.carry?.optimizer) stepper.restore(options.carry.optimizer);
  if (options.carry?.batches && batches) batches.restore(options.carry.batches);
  const configJson = JSON.stringify(config);
  if (options.resume) {
    const ck = options.resume;
    checkResumable(ck, configJson, mlp.size);
    mlp.params.set(ck.params);
    stepper.restore(ck.optimizer);
    if (batches && ck.batches) batches.restore(ck.batches);
    step = ck.step;
    tSum = ck.t;
    history = structuredClone(ck.history);
    nextRecord = ck.nextRecord;
    status = ck.status;
    stopReason = ck.stopReason;
  }

  const evaluate = createEvaluator(mlp, backend, train, trainX);

  /** Full-data logits and loss at the current parameters. */
  function fullEvaluation(): { logits: Float64Array; loss: number } {
    if (fullBatch) return { logits: passLogits, loss: lastLoss };
    const w = evalWs as Workspace;
    forward(mlp, mlp.params, trainX, train.n, w, backend);
    return { logits: w.logits, loss: lossAndGradient(specs.loss, w.logits, train.y, train.n) };
  }

  function record(): HistoryRecord {
    const { logits, loss } = fullEvaluation();
    const rec: HistoryRecord = {
      step,
      t: timeAt(),
      loss,
      error: countErrors(logits, train.y, train.n) / train.n,
    };
    const sd = sdAt(step);
    if (sd > 0) rec.penalty = penaltyOf(sd, logits, train.n);
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
        backend,
        config,
      };
      for (const probe of probes) Object.assign(rec, probe.measure(ctx));
    }
    history.push(rec);
    options.onRecord?.(rec);
    return rec;
  }

  function penaltyOf(sd: number, logits: Float64Array, n: number): number {
    let s = 0;
    for (let i = 0; i < n; i++) s += logits[i] * logits[i];
    return (sd / 2) * (s / n);
  }

  function checkStop(rec: HistoryRecord): void {
    const end = stopCondition(stop, rec, history, step);
    if (end) {
      status = end.status;
      stopReason = end.reason;
    }
  }

  /**
   * ∂L/∂f of `rows` of the `total` points of this step's pass into dLogits; returns the loss (the data
   * term, reduced as the spec says), or null when `boundOnly` and a bound proved it finite and small.
   */
  function lossGradient(
    logits: Float64Array,
    y: Float64Array,
    rows: number,
    total: number,
    dLogits: Float64Array,
    boundOnly: boolean,
  ): number | null {
    const sd = sdAt(step);
    if (weighted) {
      const sum = weightedLossGradient(
        specs.loss,
        logits,
        y,
        rows,
        total,
        valueAt(weighted, step),
        sd,
        dLogits,
      );
      return sum * (1 / total); // as lossAndGradient's "mean" (the weighted objective needs one)
    }
    let loss: number | null = null;
    // Full-batch CE between records: the loss value is needed only to detect divergence, and a bound
    // without a logarithm per point settles that (the exact loss is computed when it cannot).
    if (boundOnly) {
      const bound = ceGradientAndBound(specs.loss.reduction, logits, y, rows, dLogits);
      // (NaN logits give a NaN bound, which is not ≤ the limit: the exact loss then says NaN.)
      if (!(bound <= stop.divergeAbove)) loss = lossAndGradient(specs.loss, logits, y, rows);
    } else loss = lossAndGradient(specs.loss, logits, y, rows, dLogits, total);
    if (sd > 0) for (let i = 0; i < rows; i++) dLogits[i] += (sd * logits[i]) / total;
    return loss;
  }

  /** One optimizer step (records first if this step is scheduled). */
  function oneStep(): void {
    const due = schedule.at(nextRecord) === step;
    if (due) nextRecord++;
    let lossKnown = true;
    if (pass) {
      accumulateGradient(pass, grad, chunkGrad, (lg, y, rows, dl) => {
        lossGradient(lg, y, rows, train.n, dl, false);
      });
      // The loss of all points at once: the value the one-pass run reports.
      lastLoss = lossAndGradient(specs.loss, pass.logits, train.y, train.n);
    } else {
      batches?.fill(batchX, batchY);
      forward(mlp, mlp.params, batchX, batchSize, ws, backend);
      const boundOnly = fullBatch && specs.loss.kind === "ce" && !due && !needsEveryStep && !weighted;
      const loss = lossGradient(ws.logits, batchY, batchSize, batchSize, ws.dLogits, boundOnly);
      if (loss === null) lossKnown = false;
      else lastLoss = loss;
    }
    if (fullBatch) {
      // The full-batch forward pass already gives the loss at θ_step: check every step, for free.
      if (
        lossKnown &&
        (!Number.isFinite(lastLoss) || lastLoss > stop.divergeAbove || due || needsEveryStep)
      ) {
        const errors = countErrors(passLogits, train.y, train.n) / train.n;
        const rec = due ? record() : ({ step, t: timeAt(), loss: lastLoss, error: errors } as HistoryRecord);
        checkStop(rec);
        if (status !== "running" && !due) record();
        if (status !== "running") return;
      }
    } else if (due || !Number.isFinite(lastLoss)) {
      const rec = record();
      checkStop(rec);
      if (status !== "running") return;
    }
    if (!pass) backward(mlp, mlp.params, batchX, batchSize, ws, backend, grad, undefined, batchXT);
    if (schedules.lr) tSum += stepper.hyper(step).lr;
    stepper.apply(grad, step);
    step++;
  }

  function finish(): void {
    // Record the final state (step = maxSteps).
    if (pass) {
      forwardChunks(pass);
      lastLoss = lossAndGradient(specs.loss, pass.logits, train.y, train.n);
    } else if (fullBatch) {
      forward(mlp, mlp.params, batchX, batchSize, ws, backend);
      lastLoss = lossAndGradient(specs.loss, ws.logits, batchY, batchSize);
    }
    const rec = record();
    checkStop(rec);
    // Reaching a target on the very last step is simply the end of the run.
    if (status !== "diverged") status = "done";
  }

  const loop = createStepLoop({
    get step() {
      return step;
    },
    get status() {
      return status;
    },
    total: config.train.steps,
    oneStep,
    finish,
  });
  const trainer: Trainer = {
    config,
    mlp,
    data,
    backend,
    initialParams,
    get history() {
      return history;
    },
    get step() {
      return step;
    },
    get status() {
      return status;
    },
    get stopReason() {
      return stopReason;
    },
    advance: loop.advance,
    advanceFor: loop.advanceFor,
    run: loop.run,
    checkpoint: () => ({
      format: "learndyn-trainer/1",
      config: configJson,
      step,
      t: tSum,
      params: Float64Array.from(mlp.params),
      optimizer: stepper.state(),
      batches: batches ? batches.state() : null,
      history: structuredClone(history),
      nextRecord,
      status,
      stopReason,
    }),
    dispose(): void {
      if (ownBackend) backend.dispose?.();
    },
  };
  return trainer;
}
