import type { RunConfig } from "../../config/run-config.js";
import type { DataBundle, Dataset } from "../../data/dataset.js";
import { jsBackend } from "../../engine/backend-js.js";
import { initialize } from "../../engine/init.js";
import { ceGradientAndBound, countErrors, type LossSpec, lossAndGradient } from "../../engine/loss.js";
import { createMlp, exportWeights, type Mlp } from "../../engine/mlp.js";
import { forward } from "../../engine/propagate.js";
import { Rng } from "../../engine/rng.js";
import { createWorkspace, type Workspace } from "../../engine/workspace.js";
import type { Probe, ProbeContext } from "../../probes/probe.js";
import { resolveProbes } from "../../probes/registry.js";
import type { RegimeVerdict } from "../../regime/check.js";
import { measureRegime, type RegimeOptions } from "../../regime/meter.js";
import { buildData } from "../build-data.js";
import { toEngineSpecs } from "../engine-specs.js";
import type { HistoryRecord, RunStatus } from "../history.js";
import type { RunResult } from "../run.js";
import { type RecordSchedule, recordSchedule } from "../schedule.js";
import { stopCondition } from "../stop.js";
import { compileFusedStep } from "./fused-step.js";
import { quietPass, quietSteps } from "./quiet-steps.js";
import { batchSignature } from "./signature.js";
import {
  createStackedMlp,
  getSlot,
  type StackedMlp,
  setSlot,
  stackedBackward,
  stackedForward,
  stackedGdStep,
} from "./stacked-mlp.js";

/**
 * One run of a batch: what the trainer keeps per run (history, schedule, stop state) beside the stacked
 * parameters. Its `mlp` is the run's own copy, filled from the stack when a record is due, so probes see
 * exactly what the run's trainer would show them.
 */
interface Lane {
  config: RunConfig;
  data: DataBundle;
  mlp: Mlp;
  initialParams: Float64Array;
  loss: LossSpec;
  probes: Probe[];
  schedule: RecordSchedule;
  nextRecord: number;
  history: HistoryRecord[];
  status: RunStatus;
  stopReason: string;
  lastLoss: number;
  /** This run's logits and ∂L/∂logits, contiguous (views the loss functions take). */
  logits: Float64Array;
  dLogits: Float64Array;
  evaluations: Map<number, Workspace>;
}

function lane(config: RunConfig, data: DataBundle): Lane {
  const specs = toEngineSpecs(config, data.train.d);
  const mlp = createMlp(specs.model, jsBackend);
  // The trainer's seed stream: the same fork gives the same initial weights.
  initialize(mlp, specs.init, new Rng(config.seed).fork("init"));
  return {
    config,
    data,
    mlp,
    initialParams: Float64Array.from(mlp.params),
    loss: specs.loss,
    probes: resolveProbes(config.probes.include),
    schedule: recordSchedule(config.probes.schedule, config.train.steps),
    nextRecord: 0,
    history: [],
    status: "running",
    stopReason: "",
    lastLoss: Number.NaN,
    logits: new Float64Array(data.train.n),
    dLogits: new Float64Array(data.train.n),
    evaluations: new Map(),
  };
}

/** Options of {@link runTrainingBatch}. */
export interface BatchTrainingOptions {
  /**
   * Use the compiled per-architecture step (fused-step.ts) where it applies (default true); false always
   * uses the stacked kernels. Both give the same bits; this exists so tests can check each.
   */
  fused?: boolean;
  /** Per run: measure the regime verdict at the end (as runTraining's `regime` option), or not. */
  regime?: (config: RunConfig) => boolean | RegimeOptions;
}

/**
 * Trains runs that share a batch signature (see batchSignature) as one batched computation: the stacked
 * forward, backward and update serve every run at once, while each run keeps its own records, probes,
 * stop conditions and divergence. Every result is bit for bit what runTraining gives for that config
 * alone (tested on random configs). Throws when the configs do not share a signature or data shape.
 */
export function runTrainingBatch(
  configs: readonly RunConfig[],
  datas?: readonly DataBundle[],
  options: BatchTrainingOptions = {},
): RunResult[] {
  if (configs.length === 0) return [];
  const signature = batchSignature(configs[0]);
  if (signature === null)
    throw new Error("runTrainingBatch: this config cannot be batched (see batchSignature)");
  for (const c of configs) {
    if (batchSignature(c) !== signature)
      throw new Error(
        "runTrainingBatch: every config must have the same batch signature (architecture and data)",
      );
  }
  const lanes = configs.map((c, r) => lane(c, datas?.[r] ?? buildData(c)));
  const { n, d } = lanes[0].data.train;
  for (const l of lanes) {
    if (l.data.train.n !== n || l.data.train.d !== d)
      throw new Error(
        `runTrainingBatch: data shapes differ (${n}×${d} vs ${l.data.train.n}×${l.data.train.d})`,
      );
  }
  const B = lanes.length;
  const s = createStackedMlp(lanes[0].mlp, B, n);
  lanes.forEach((l, r) => {
    setSlot(s.params, B, r, l.mlp.params);
    setSlot(s.x, B, r, l.data.train.x.subarray(0, n * d));
  });
  const lr = Float64Array.from(configs, (c) => c.optimizer.lr);
  const wd = Float64Array.from(configs, (c) => c.optimizer.weightDecay);
  const live = new Uint8Array(B).fill(1);
  const q = quietSteps(
    configs,
    lanes.map((l) => l.loss),
    lanes.map((l) => l.data.train.y),
    n,
  );
  lanes.forEach((l, r) => {
    q.nextDue[r] = l.schedule.at(0) ?? Number.POSITIVE_INFINITY;
  });
  const logitsOut = s.z[s.z.length - 1];
  // One object literal, always built here, so the compiled step sees one object shape.
  const fused =
    options.fused === false
      ? null
      : compileFusedStep(lanes[0].mlp, n, {
          runs: B,
          params: s.params,
          x: s.x,
          logits: logitsOut,
          dLogits: s.dLogits,
          live,
          eligible: q.eligible,
          fast: q.fast,
          nextDue: q.nextDue,
          steps: q.steps,
          y: q.y,
          scale: q.scale,
          divergeAbove: q.divergeAbove,
          sd: q.sd,
          lr,
          wd,
          slope: Float64Array.of(lanes[0].mlp.spec.leakySlope),
        });
  let running = B;
  for (let step = 0; running > 0; step++) {
    if (fused) fused.quiet(step);
    else {
      stackedForward(s);
      quietPass(q, live, step, logitsOut, s.dLogits);
    }
    for (let r = 0; r < B; r++) {
      if (!live[r] || q.fast[r]) continue;
      const l = lanes[r];
      for (let i = 0; i < n; i++) l.logits[i] = logitsOut[i * B + r];
      const going = step >= l.config.train.steps ? finish(l, s, r, step) : control(l, s, r, step);
      q.nextDue[r] = l.schedule.at(l.nextRecord) ?? Number.POSITIVE_INFINITY;
      if (!going) {
        live[r] = 0;
        running--;
        continue;
      }
      for (let i = 0; i < n; i++) s.dLogits[i * B + r] = l.dLogits[i];
      // The fused fast path has already updated the other runs; this one's update is done here.
      fused?.given(r);
    }
    if (running === 0 || fused) continue;
    stackedBackward(s);
    stackedGdStep(s, lr, wd, live);
  }
  return lanes.map((l) => ({
    ...laneRegime(l, options.regime?.(l.config) ?? false),
    config: l.config,
    status: l.status === "running" ? "done" : l.status,
    stopReason: l.stopReason,
    steps: l.history.length ? l.history[l.history.length - 1].step : 0,
    history: l.history,
    weights: exportWeights(l.mlp),
  }));
}

/** `{ regime }` for a lane whose verdict is asked for, else nothing. */
function laneRegime(l: Lane, asked: boolean | RegimeOptions): { regime?: RegimeVerdict } {
  if (!asked) return {};
  const run = {
    config: l.config,
    data: l.data.train,
    spec: l.mlp.spec,
    initialParams: l.initialParams,
    finalParams: l.mlp.params,
    history: l.history,
  };
  return { regime: measureRegime(run, asked === true ? {} : asked) };
}

/**
 * The trainer's step for one run before the update (trainer.ts, full batch): ∂L/∂f, the divergence and
 * target checks, a record when due. Returns false when the run ends here.
 */
function control(l: Lane, s: StackedMlp, r: number, step: number): boolean {
  const { train } = l.data;
  const n = train.n;
  const stop = l.config.train.stop;
  const needsEveryStep = stop.targetLoss !== null || stop.targetError !== null;
  const due = l.schedule.at(l.nextRecord) === step;
  if (due) l.nextRecord++;
  const sd = l.config.regularization.spectralDecoupling;
  let loss: number | null = null;
  if (l.loss.kind === "ce" && !due && !needsEveryStep) {
    // Between records a bound settles divergence without a logarithm per point, as the trainer does.
    const bound = ceGradientAndBound(l.loss.reduction, l.logits, train.y, n, l.dLogits);
    if (!(bound <= stop.divergeAbove)) loss = lossAndGradient(l.loss, l.logits, train.y, n);
  } else loss = lossAndGradient(l.loss, l.logits, train.y, n, l.dLogits, n);
  if (sd > 0) for (let i = 0; i < n; i++) l.dLogits[i] += (sd * l.logits[i]) / n;
  if (loss !== null) l.lastLoss = loss;
  const last = l.lastLoss;
  if (loss !== null && (!Number.isFinite(last) || last > stop.divergeAbove || due || needsEveryStep)) {
    const t = l.config.optimizer.lr * step;
    const rec = due
      ? record(l, s, r, step)
      : ({ step, t, loss: last, error: countErrors(l.logits, train.y, n) / n } as HistoryRecord);
    const end = stopCondition(stop, rec, l.history, step);
    if (end) {
      l.status = end.status;
      l.stopReason = end.reason;
      if (!due) record(l, s, r, step);
      return false;
    }
  }
  return true;
}

/** The trainer's finish(): the final record at step = train.steps. */
function finish(l: Lane, s: StackedMlp, r: number, step: number): false {
  const { train } = l.data;
  l.lastLoss = lossAndGradient(l.loss, l.logits, train.y, train.n);
  const rec = record(l, s, r, step);
  const end = stopCondition(l.config.train.stop, rec, l.history, step);
  if (end) {
    l.status = end.status;
    l.stopReason = end.reason;
  }
  if (l.status !== "diverged") l.status = "done";
  return false;
}

/** The trainer's record(): loss, error, penalty and probes at this step, from run r's parameters. */
function record(l: Lane, s: StackedMlp, r: number, step: number): HistoryRecord {
  const { train } = l.data;
  const n = train.n;
  getSlot(s.params, s.runs, r, l.mlp.params);
  const rec: HistoryRecord = {
    step,
    t: l.config.optimizer.lr * step,
    loss: l.lastLoss,
    error: countErrors(l.logits, train.y, n) / n,
  };
  const sd = l.config.regularization.spectralDecoupling;
  if (sd > 0) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += l.logits[i] * l.logits[i];
    rec.penalty = (sd / 2) * (sum / n);
  }
  if (l.probes.length) {
    const evaluate = (ds: Dataset): Float64Array => {
      let w = l.evaluations.get(ds.n);
      if (!w) {
        w = createWorkspace(l.mlp, ds.n, jsBackend);
        l.evaluations.set(ds.n, w);
      }
      return Float64Array.from(forward(l.mlp, l.mlp.params, ds.x, ds.n, w, jsBackend).subarray(0, ds.n));
    };
    const ctx: ProbeContext = {
      mlp: l.mlp,
      params: l.mlp.params,
      initialParams: l.initialParams,
      data: train,
      logits: l.logits.subarray(0, n),
      loss: l.loss,
      tests: l.data.tests,
      evaluate,
      step,
      // Probes read their options from it (second-order probes: probes.secondOrder, weight decay, SD).
      config: l.config,
    };
    for (const probe of l.probes) Object.assign(rec, probe.measure(ctx));
  }
  l.history.push(rec);
  return rec;
}
