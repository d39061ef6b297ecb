/**
 * What a GAN run is made of, built from its config: generator G (noise → 2-D point, ReLU MLP with
 * outputDim 2) and discriminator D (2-D point → logit) with PyTorch's nn.Linear init, a `Stepper` per net
 * (the trainer's lower level: the same optimizer code, state and schedules), the random streams of noise
 * and data, the fixed evaluation noise, and the buffers a step works in (allocated once).
 */
import { type GaussianMixture, namedMixture } from "../data/gaussian-mixtures.js";
import type { Backend } from "../engine/backend.js";
import { initialize } from "../engine/init.js";
import { createMlp, type Mlp } from "../engine/mlp.js";
import type { OptimizerSpec } from "../engine/optimizer.js";
import { Rng } from "../engine/rng.js";
import { createWorkspace, type Workspace } from "../engine/workspace.js";
import { createStepper, type Stepper } from "../train/stepper.js";
import type { GanConfig } from "./config.js";

/** The parts of a GAN run (see {@link createGanNets}). */
export interface GanNets {
  config: GanConfig;
  backend: Backend;
  mixture: GaussianMixture;
  G: Mlp;
  D: Mlp;
  optG: Stepper;
  optD: Stepper;
  /** Noise of the training batches and the real samples (their states go into a checkpoint). */
  noiseRng: Rng;
  dataRng: Rng;
  /** The fixed noise the mode metrics are measured on: evalSamples × noiseDim. */
  evalNoise: Float64Array;
  /** Rows of an evaluation pass (G on the evaluation noise, D on a grid). */
  chunk: number;
  wsG: Workspace;
  wsD: Workspace;
  /** Noise rows; D's input (real rows, then fake rows); the gradients; D's discarded gradient; ∂L/∂x. */
  Z: Float64Array;
  X: Float64Array;
  gradG: Float64Array;
  gradD: Float64Array;
  scratchD: Float64Array;
  dx: Float64Array;
}

/**
 * PyTorch's nn.Linear default weights: U(−1/√fan_in, 1/√fan_in) (kaiming_uniform with a = √5), i.e.
 * he-uniform with gain 1/√6; biases start at 0 here (PyTorch draws them from the same interval).
 */
const pytorchLinearInit = {
  scheme: "he-uniform" as const,
  scale: 1,
  gain: 1 / Math.sqrt(6),
  diagonal: "half-normal" as const,
};

/** G and D of `config`, initialized from its seed, with their steppers, random streams and buffers. */
export function createGanNets(config: GanConfig, backend: Backend): GanNets {
  const n = config.batchSize;
  const noiseDim = config.generator.noiseDim;
  const chunk = Math.min(config.evalSamples, 1024);
  const relu = { activation: "relu" as const, bias: true, leakySlope: 0 };
  const G = createMlp(
    { inputDim: noiseDim, hidden: config.generator.hidden, ...relu, outputDim: 2 },
    backend,
  );
  const D = createMlp({ inputDim: 2, hidden: config.discriminator.hidden, ...relu }, backend);
  const init = { kind: "layers" as const, balanced: false, layers: [pytorchLinearInit] };
  const root = new Rng(config.seed, "gan");
  initialize(G, init, root.fork("init-generator"));
  initialize(D, init, root.fork("init-discriminator"));
  const noiseRng = root.fork("noise");
  const dataRng = root.fork("data");
  const evalNoise = new Float64Array(config.evalSamples * noiseDim);
  const evalRng = root.fork("eval-noise");
  for (let i = 0; i < evalNoise.length; i++) evalNoise[i] = evalRng.normal();
  const o = config.optimizer;
  const spec = (lr: number): OptimizerSpec => ({
    kind: o.kind,
    lr,
    momentum: o.momentum,
    nesterov: false,
    batchSize: n,
    beta1: o.beta1,
    beta2: o.beta2,
    eps: o.eps,
    weightDecay: 0,
  });
  return {
    config,
    backend,
    mixture: namedMixture(config.data),
    G,
    D,
    optD: createStepper(D.params, spec(o.lr), backend),
    optG: createStepper(G.params, spec(o.generatorLr ?? o.lr), backend),
    noiseRng,
    dataRng,
    evalNoise,
    chunk,
    wsG: createWorkspace(G, Math.max(n, chunk), backend),
    wsD: createWorkspace(D, Math.max(2 * n, chunk), backend),
    Z: backend.alloc(Math.max(n, chunk) * noiseDim),
    X: backend.alloc(Math.max(2 * n, chunk) * 2),
    gradG: backend.alloc(G.size),
    gradD: backend.alloc(D.size),
    scratchD: backend.alloc(D.size),
    dx: backend.alloc(n * 2),
  };
}
