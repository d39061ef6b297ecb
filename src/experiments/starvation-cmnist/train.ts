/**
 * Full-batch training of the colored-MNIST MLP (392-300-300-1, ReLU, biases, Xavier-uniform) with Adam,
 * as in the Gradient Starvation / IRM code, resumable from checkpoints.
 *
 * The loss is a schedule of two weights, w_nll(step)·mean BCE + w_sd(step)·mean(f²):
 * - ERM: (1, 0) at every step (their `--exp erm` branch: the `l2_regularizer_weight` flag is not used there);
 * - SD: (1, c) before step `anneal`, (c, c) from then on (their `--exp sd` branch, c = sd_coef = 2e-5).
 * That is a run config for the project's trainer: `schedules.lossWeight` for w_nll, the constant
 * spectral-decoupling λ = 2c for w_sd·mean(f²) = λ/2·mean(f²), Adam, and `train.chunk` for the gradient
 * of the mean over all N points, accumulated over chunks of the batch (same sum, less memory). The
 * trainer's checkpoints (Adam's moments, step, history) make a killed run resume bit for bit.
 */
import type { RunConfig } from "../../config/run-config.js";
import { parseRunConfig } from "../../config/validate.js";
import type { Dataset } from "../../data/dataset.js";
import { type Backend, resident } from "../../engine/backend.js";
import { createBackend } from "../../engine/backends.js";
import type { Mlp } from "../../engine/mlp.js";
import { forward } from "../../engine/propagate.js";
import { createWorkspace, type Workspace } from "../../engine/workspace.js";
import { softplus } from "../../math/logistic.js";
import type { Probe } from "../../probes/probe.js";
import { joinCheckpoint, splitCheckpoint, type TrainerCheckpoint } from "../../train/checkpoint.js";
import { createTrainer } from "../../train/trainer.js";
import type { CheckpointStore } from "../experiment-io.js";

/** Options of {@link trainCmnist}. */
export interface CmnistTrainOptions {
  /** Training set (both environments). */
  train: Dataset;
  /** Test environment. */
  test: Dataset;
  /** "erm": mean BCE; "sd": the annealed spectral-decoupling schedule. */
  method: "erm" | "sd";
  /** Optimizer steps (their 1001 for ERM, 2001 for SD). */
  steps: number;
  /** Adam learning rate (1e-4). */
  lr: number;
  /** SD coefficient c of c·mean(f²) (2e-5); ignored by ERM. */
  sdCoef: number;
  /** First step at which SD's loss becomes c·(mean f² + nll) (450). */
  anneal: number;
  /** Coupled L2 on all parameters, added to the gradient as l2·θ (0: their ERM applies none). */
  l2: number;
  /** Adam β1, β2, ε (PyTorch defaults 0.9, 0.999, 1e-8). */
  adam?: { beta1: number; beta2: number; eps: number };
  /** Hidden widths (default [300, 300]). */
  hidden?: number[];
  /** Seed of the initial weights. */
  seed: number;
  /** Points per chunk of the full-batch gradient (default 2000). */
  chunk?: number;
  /** Measure test accuracy every this many steps (default 50) and at the end. */
  evalEvery?: number;
  /** Kernel backend (default: a new one of the fastest exact kind, WebAssembly SIMD where it runs). */
  backend?: Backend;
  /** Checkpoints: where, under which key, how often (seconds of wall time, default 60). */
  checkpoint?: { store: CheckpointStore; key: string; everySeconds?: number };
  /** Called after every step with the step count and the wall seconds of this process's steps so far. */
  onStep?: (step: number, secondsThisProcess: number, stepsThisProcess: number) => void;
}

/** One row of the training history. */
export interface CmnistRecord {
  step: number;
  /** Mean BCE on the training set (at the parameters before this step's update). */
  nll: number;
  /** mean(f²) on the training set. */
  meanSquaredLogit: number;
  trainAccuracy: number;
  testAccuracy: number;
}

/** What a finished run gives. */
export interface CmnistRunResult {
  method: "erm" | "sd";
  steps: number;
  trainAccuracy: number;
  testAccuracy: number;
  history: CmnistRecord[];
  /** Wall seconds per step measured in this process (NaN if it only loaded a finished checkpoint). */
  secondsPerStep: number;
  /** Steps taken in this process (the rest came from a checkpoint). */
  stepsThisProcess: number;
  /** Step the run resumed from (0 for a fresh start). */
  resumedFrom: number;
}

/** Accuracy (fraction of y·f > 0), mean BCE and mean(f²) of a data set, in chunks of the workspace. */
function evaluateCmnist(
  mlp: Mlp,
  data: Dataset,
  ws: Workspace,
  backend: Backend,
): { accuracy: number; nll: number; meanSquaredLogit: number } {
  let correct = 0;
  let nll = 0;
  let sq = 0;
  for (let start = 0; start < data.n; start += ws.capacity) {
    const n = Math.min(ws.capacity, data.n - start);
    const X = data.x.subarray(start * data.d, (start + n) * data.d);
    const logits = forward(mlp, mlp.params, X, n, ws, backend);
    for (let i = 0; i < n; i++) {
      const m = data.y[start + i] * logits[i];
      if (m > 0) correct++;
      nll += softplus(-m);
      sq += logits[i] * logits[i];
    }
  }
  return { accuracy: correct / data.n, nll: nll / data.n, meanSquaredLogit: sq / data.n };
}

/** The two loss weights (w_nll, w_sd) at `step`. */
export function lossWeights(
  o: Pick<CmnistTrainOptions, "method" | "sdCoef" | "anneal">,
  step: number,
): [number, number] {
  if (o.method === "erm") return [1, 0];
  return step >= o.anneal ? [o.sdCoef, o.sdCoef] : [1, o.sdCoef];
}

/**
 * The run config of {@link trainCmnist}'s options (data are passed to the trainer separately): the loss
 * weights of {@link lossWeights} as `schedules.lossWeight` and λ = 2·w_sd (λ/2·mean f² = w_sd·mean f²;
 * doubling is exact, so the gradient (w·ℓ′ + λf)/N has the bits of (w_nll·ℓ′ + w_sd·2f)/N).
 */
export function cmnistConfig(o: CmnistTrainOptions, chunk: number): RunConfig {
  const { beta1, beta2, eps } = o.adam ?? { beta1: 0.9, beta2: 0.999, eps: 1e-8 };
  const sd = o.method === "sd";
  const switchAt = Math.max(0, Math.round(o.anneal));
  const lossWeight = !sd
    ? { kind: "piecewise" as const, from: [0], values: [1] }
    : switchAt === 0
      ? { kind: "piecewise" as const, from: [0], values: [o.sdCoef] }
      : { kind: "piecewise" as const, from: [0, switchAt], values: [1, o.sdCoef] };
  return parseRunConfig(
    {
      name: `colored-mnist ${o.method}`,
      seed: o.seed,
      model: { hidden: o.hidden ?? [300, 300], activation: "relu", bias: true, leakySlope: 0 },
      init: { scheme: "xavier-uniform", scale: 0, gain: 1 },
      loss: { kind: "ce", reduction: "mean" },
      optimizer: { kind: "adam", lr: o.lr, beta1, beta2, eps, weightDecay: o.l2 },
      regularization: { spectralDecoupling: sd ? 2 * o.sdCoef : 0 },
      schedules: { lossWeight },
      train: { steps: o.steps, chunk },
      probes: { schedule: { kind: "every", every: o.evalEvery ?? 50 } },
    },
    "colored MNIST",
  );
}

/** The study's measurements at a record: training nll, mean(f²), accuracy (from the trainer's logits) and test accuracy. */
function cmnistProbe(test: Dataset, chunk: number, backend: Backend): Probe {
  let ws: Workspace | undefined; // made at the first record, for the trainer's model
  return {
    name: "colored-mnist",
    description: "training nll, mean(f²) and accuracy; test accuracy",
    measure(ctx) {
      const { logits, data } = ctx;
      let nll = 0;
      let sq = 0;
      let correct = 0;
      for (let i = 0; i < data.n; i++) {
        const m = data.y[i] * logits[i];
        nll += softplus(-m);
        if (m > 0) correct++;
        sq += logits[i] * logits[i];
      }
      return {
        nll: nll / data.n,
        meanSquaredLogit: sq / data.n,
        trainAccuracy: correct / data.n,
        testAccuracy: evaluateCmnist(
          ctx.mlp,
          test,
          (ws ??= createWorkspace(ctx.mlp, chunk, backend)),
          backend,
        ).accuracy,
      };
    },
  };
}

/** Trains (or resumes, or just reloads a finished run) and returns accuracies and history. */
export function trainCmnist(o: CmnistTrainOptions): CmnistRunResult {
  const backend = o.backend ?? createBackend();
  // The test inputs live in the backend's memory (the wasm kernels run only on arrays they own).
  const test = { ...o.test, x: resident(backend, o.test.x) };
  const chunk = Math.min(o.chunk ?? 2000, Math.max(o.train.n, test.n));
  const config = cmnistConfig(o, chunk);
  const ck = o.checkpoint;
  let resume: TrainerCheckpoint | undefined;
  const saved = ck?.store.load(ck.key);
  if (ck && saved) {
    if (saved.meta.steps !== o.steps || saved.meta.method !== o.method) {
      throw new Error(
        `checkpoint ${ck.key} in ${ck.store.location} was made for ${saved.meta.method} with ${saved.meta.steps} steps, not ${o.method} with ${o.steps}; delete it to start over`,
      );
    }
    if (saved.meta.done)
      return { ...(saved.meta.result as CmnistRunResult), secondsPerStep: Number.NaN, stepsThisProcess: 0 };
    try {
      resume = joinCheckpoint(saved.meta, saved.arrays);
    } catch (e) {
      throw new Error(`checkpoint ${ck.key} in ${ck.store.location}: ${(e as Error).message}`);
    }
  }
  const trainer = createTrainer(
    config,
    { train: o.train, tests: {} },
    { backend, resume, probes: [cmnistProbe(test, chunk, backend)] },
  );
  const resumedFrom = trainer.step;
  const save = (done: boolean, result?: CmnistRunResult) => {
    if (!ck) return;
    const { meta, arrays } = splitCheckpoint(trainer.checkpoint());
    ck.store.save(ck.key, {
      meta: { ...meta, done, result: result ?? null, method: o.method, steps: o.steps },
      arrays,
    });
  };
  const started = performance.now();
  let lastSave = started;
  while (trainer.status === "running") {
    if (trainer.advance(1) === "diverged")
      throw new Error(`colored MNIST (${o.method}): ${trainer.stopReason}`);
    const now = performance.now();
    const stepsHere = trainer.step - resumedFrom;
    o.onStep?.(trainer.step, (now - started) / 1000, stepsHere);
    if (ck && now - lastSave > 1000 * (ck.everySeconds ?? 60) && trainer.step < o.steps) {
      save(false);
      lastSave = performance.now();
    }
  }
  const stepsHere = trainer.step - resumedFrom;
  const secondsPerStep = stepsHere > 0 ? (performance.now() - started) / 1000 / stepsHere : Number.NaN;
  const history: CmnistRecord[] = trainer.history.map((r) => ({
    step: r.step,
    nll: r.nll as number,
    meanSquaredLogit: r.meanSquaredLogit as number,
    trainAccuracy: r.trainAccuracy as number,
    testAccuracy: r.testAccuracy as number,
  }));
  const final = history[history.length - 1];
  const result: CmnistRunResult = {
    method: o.method,
    steps: trainer.step,
    trainAccuracy: final.trainAccuracy,
    testAccuracy: final.testAccuracy,
    history,
    secondsPerStep,
    stepsThisProcess: stepsHere,
    resumedFrom,
  };
  save(true, result);
  return result;
}
