/**
 * Full-batch training of the colored-MNIST MLP (392-300-300-1, ReLU, biases, Xavier-uniform) with Adam,
 * as in the Gradient Starvation / IRM code, resumable from checkpoints.
 *
 * The loss is a schedule of two weights, w_nll(step)·mean BCE + w_sd(step)·mean(f²):
 * - ERM: (1, 0) at every step (their `--exp erm` branch: the `l2_regularizer_weight` flag is not used there);
 * - SD: (1, c) before step `anneal`, (c, c) from then on (their `--exp sd` branch, c = sd_coef = 2e-5).
 * The trainer's constant `regularization.spectralDecoupling` cannot express the switch, and Adam's state
 * must carry across it, so the loop lives here, on the engine's forward/backward. The gradient of the mean
 * over all N points is accumulated over chunks of the batch (same sum, less memory).
 */
import type { Dataset } from "../../data/dataset.js";
import { type Backend, resident } from "../../engine/backend.js";
import { createBackend } from "../../engine/backends.js";
import { initialize } from "../../engine/init.js";
import { adamStep } from "../../engine/kernels-js.js";
import { createMlp, type Mlp } from "../../engine/mlp.js";
import { backward, forward } from "../../engine/propagate.js";
import { Rng } from "../../engine/rng.js";
import { createWorkspace, type Workspace } from "../../engine/workspace.js";
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

/** Accuracy (fraction of y·f > 0) and logits of a data set, in chunks. */
export function evaluateCmnist(
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
    const logits = forward(
      mlp,
      mlp.params,
      data.x.subarray(start * data.d, (start + n) * data.d),
      n,
      ws,
      backend,
    );
    for (let i = 0; i < n; i++) {
      const f = logits[i];
      const m = data.y[start + i] * f;
      if (m > 0) correct++;
      nll += m >= 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
      sq += f * f;
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

/** Trains (or resumes, or just reloads a finished run) and returns accuracies and history. */
export function trainCmnist(o: CmnistTrainOptions): CmnistRunResult {
  const backend = o.backend ?? createBackend();
  // Inputs live in the backend's memory (the wasm kernels run only on arrays they own).
  const train = { ...o.train, x: resident(backend, o.train.x) };
  const test = { ...o.test, x: resident(backend, o.test.x) };
  const hidden = o.hidden ?? [300, 300];
  const { beta1, beta2, eps } = o.adam ?? { beta1: 0.9, beta2: 0.999, eps: 1e-8 };
  const mlp = createMlp(
    { inputDim: train.d, hidden, activation: "relu", bias: true, leakySlope: 0 },
    backend,
  );
  const layer = { scheme: "xavier-uniform" as const, scale: 0, gain: 1, diagonal: "half-normal" as const };
  initialize(mlp, { kind: "layers", layers: [layer], balanced: false }, new Rng(o.seed).fork("init"));
  const size = mlp.size;
  const m = backend.alloc(size);
  const v = backend.alloc(size);
  const grad = backend.alloc(size);
  const chunkGrad = backend.alloc(size);
  const chunk = Math.min(o.chunk ?? 2000, Math.max(train.n, test.n));
  const ws = createWorkspace(mlp, chunk, backend);
  const evalEvery = o.evalEvery ?? 50;
  let history: CmnistRecord[] = [];
  let step = 0;
  const ck = o.checkpoint;

  if (ck) {
    const saved = ck.store.load(ck.key);
    if (saved) {
      if (saved.arrays.params?.length !== size) {
        throw new Error(
          `checkpoint ${ck.key} in ${ck.store.location} holds ${saved.arrays.params?.length} parameters, expected ${size}; delete it to start over`,
        );
      }
      if (saved.meta.steps !== o.steps || saved.meta.method !== o.method) {
        throw new Error(
          `checkpoint ${ck.key} in ${ck.store.location} was made for ${saved.meta.method} with ${saved.meta.steps} steps, not ${o.method} with ${o.steps}; delete it to start over`,
        );
      }
      mlp.params.set(saved.arrays.params);
      m.set(saved.arrays.m);
      v.set(saved.arrays.v);
      step = saved.meta.step as number;
      history = saved.meta.history as CmnistRecord[];
      if (saved.meta.done)
        return { ...(saved.meta.result as CmnistRunResult), secondsPerStep: Number.NaN, stepsThisProcess: 0 };
    }
  }
  const resumedFrom = step;
  const save = (done: boolean, result?: CmnistRunResult) =>
    ck?.store.save(ck.key, {
      meta: { step, history, done, result: result ?? null, method: o.method, steps: o.steps },
      arrays: { params: mlp.params, m, v },
    });

  const N = train.n;
  const d = train.d;
  const started = performance.now();
  let lastSave = started;
  let stepsHere = 0;
  while (step < o.steps) {
    const [wNll, wSd] = lossWeights(o, step);
    let nll = 0;
    let sq = 0;
    let correct = 0;
    for (let start = 0; start < N; start += chunk) {
      const n = Math.min(chunk, N - start);
      const X = train.x.subarray(start * d, (start + n) * d);
      const logits = forward(mlp, mlp.params, X, n, ws, backend);
      for (let i = 0; i < n; i++) {
        const f = logits[i];
        const y = train.y[start + i];
        const mg = y * f;
        let sig: number;
        if (mg >= 0) {
          const e = Math.exp(-mg);
          nll += Math.log1p(e);
          sig = e / (1 + e);
        } else {
          const e = Math.exp(mg);
          nll += -mg + Math.log1p(e);
          sig = 1 / (1 + e);
        }
        if (mg > 0) correct++;
        sq += f * f;
        ws.dLogits[i] = (wNll * -y * sig + wSd * 2 * f) / N;
      }
      backward(mlp, mlp.params, X, n, ws, backend, chunkGrad);
      if (start === 0) grad.set(chunkGrad);
      else for (let k = 0; k < size; k++) grad[k] += chunkGrad[k];
    }
    if (!Number.isFinite(nll)) throw new Error(`colored MNIST (${o.method}): loss is ${nll} at step ${step}`);
    const record = step % evalEvery === 0;
    if (record) {
      history.push({
        step,
        nll: nll / N,
        meanSquaredLogit: sq / N,
        trainAccuracy: correct / N,
        testAccuracy: evaluateCmnist(mlp, test, ws, backend).accuracy,
      });
    }
    // Adam, PyTorch's update (coupled L2 as torch.optim.Adam's weight_decay).
    const t = step + 1;
    const stepSize = o.lr / (1 - beta1 ** t);
    const bc2Sqrt = Math.sqrt(1 - beta2 ** t);
    if (backend.adamStep)
      backend.adamStep(mlp.params, grad, m, v, size, beta1, beta2, stepSize, bc2Sqrt, eps, o.l2);
    else adamStep(mlp.params, grad, m, v, size, beta1, beta2, stepSize, bc2Sqrt, eps, o.l2);
    step++;
    stepsHere++;
    const now = performance.now();
    o.onStep?.(step, (now - started) / 1000, stepsHere);
    if (ck && now - lastSave > 1000 * (ck.everySeconds ?? 60) && step < o.steps) {
      save(false);
      lastSave = performance.now();
    }
  }
  const secondsPerStep = stepsHere > 0 ? (performance.now() - started) / 1000 / stepsHere : Number.NaN;
  const finalTrain = evaluateCmnist(mlp, train, ws, backend);
  const finalTest = evaluateCmnist(mlp, test, ws, backend);
  history.push({
    step,
    nll: finalTrain.nll,
    meanSquaredLogit: finalTrain.meanSquaredLogit,
    trainAccuracy: finalTrain.accuracy,
    testAccuracy: finalTest.accuracy,
  });
  const result: CmnistRunResult = {
    method: o.method,
    steps: step,
    trainAccuracy: finalTrain.accuracy,
    testAccuracy: finalTest.accuracy,
    history,
    secondsPerStep,
    stepsThisProcess: stepsHere,
    resumedFrom,
  };
  save(true, result);
  return result;
}
