/**
 * A GAN on the engine: generator G (noise → 2-D point, ReLU MLP with outputDim 2) and discriminator D
 * (2-D point → logit), trained with alternating updates: `dSteps` discriminator updates on a fresh real
 * batch and a fresh fake batch, then `gSteps` generator updates whose gradient reaches G through D
 * (engine backward with inputGrad: ∂L/∂x at the fake samples, then G's own backward from there).
 *
 * Stepping is chunked (`advance(k)`), so a UI or worker can interleave drawing; every `recordEvery`
 * generator updates a {@link GanRecord} is taken: the mode metrics on a fixed set of noise vectors, and
 * the mechanism of THEORY.md §6 seen from the discriminator: its logits on the batch it was just trained
 * on, how many of them still get a gradient, its gradient norm, and how hard it pushes the fakes.
 */
import { type GaussianMixture, namedMixture, sampleMixture } from "../data/gaussian-mixtures.js";
import type { Backend } from "../engine/backend.js";
import { createBackend } from "../engine/backends.js";
import { initialize } from "../engine/init.js";
import { createMlp, type Mlp } from "../engine/mlp.js";
import { backward, forward } from "../engine/propagate.js";
import { Rng } from "../engine/rng.js";
import { createWorkspace, type Workspace } from "../engine/workspace.js";
import { createStepper, type Stepper } from "../train/stepper.js";
import { type GanConfig, type GanConfigInput, parseGanConfig } from "./config.js";
import { discriminatorLoss, type GanLoss, generatorLoss } from "./losses.js";
import { modeMetrics } from "./mode-metrics.js";

/** One measurement during training. */
export interface GanRecord {
  /** Generator updates so far. */
  iteration: number;
  /** Modes captured, share of high-quality samples and reverse KL (see mode-metrics.ts). */
  modesCaptured: number;
  highQuality: number;
  kl: number;
  /** Mean D logit on the last real batch and on the last fake batch (D's training batch). */
  realLogit: number;
  fakeLogit: number;
  /** Mean |D logit| over that real and fake batch. */
  absLogit: number;
  /** Share of that batch whose per-sample D loss gradient is non-zero (> 1e-6 of its largest value). */
  dActive: number;
  /** ‖∇_θ L_D‖ at the last discriminator update. */
  dGradNorm: number;
  /** Mean per-sample push on the fakes ‖∂ℓ_G/∂x‖ at the last generator update. */
  gPush: number;
  /** Mean slope of D at the fakes ‖∂D/∂x‖ (the push without the loss's weight). */
  dSlope: number;
  /** D loss and G loss at the last updates. */
  dLoss: number;
  gLoss: number;
}

/** A GAN being trained. */
export interface GanRun {
  config: GanConfig;
  mixture: GaussianMixture;
  generator: Mlp;
  discriminator: Mlp;
  /** Generator updates taken. */
  readonly iteration: number;
  /** Records taken so far (one at iteration 0, then every recordEvery). */
  history: GanRecord[];
  /** "ok", or "diverged" once a loss or parameter turned non-finite (training stops). */
  readonly status: "ok" | "diverged";
  /** Takes up to k more generator updates (recording on schedule); returns how many were taken. */
  advance(k: number): number;
  /** Runs to config.iterations. */
  runToEnd(): void;
  /** G applied to the fixed evaluation noise: evalSamples × 2, row-major (a copy). */
  samples(): Float64Array;
  /** D's logits at n points (n × 2 row-major), e.g. a grid for the discriminator surface. */
  discriminate(points: ArrayLike<number>, n: number): Float64Array;
}

/** Options of {@link createGanRun}. */
export interface GanRunOptions {
  /** Kernel backend (default: the fastest exact one, a fresh wasm backend when available). */
  backend?: Backend;
}

/** Builds a GAN run from a config (validated here) without training it; records iteration 0. */
export function createGanRun(input: GanConfigInput | GanConfig, options: GanRunOptions = {}): GanRun {
  const config = parseGanConfig(input);
  const backend = options.backend ?? createBackend();
  const mixture = namedMixture(config.data);
  const n = config.batchSize;
  const noiseDim = config.generator.noiseDim;
  const chunk = Math.min(config.evalSamples, 1024);
  const init = { kind: "layers" as const, balanced: false, layers: [pytorchLinearInit] };
  const G = createMlp(
    {
      inputDim: noiseDim,
      hidden: config.generator.hidden,
      activation: "relu",
      bias: true,
      leakySlope: 0,
      outputDim: 2,
    },
    backend,
  );
  const D = createMlp(
    { inputDim: 2, hidden: config.discriminator.hidden, activation: "relu", bias: true, leakySlope: 0 },
    backend,
  );
  const root = new Rng(config.seed, "gan");
  initialize(G, init, root.fork("init-generator"));
  initialize(D, init, root.fork("init-discriminator"));
  const noiseRng = root.fork("noise");
  const dataRng = root.fork("data");
  const evalNoise = new Float64Array(config.evalSamples * noiseDim);
  const evalRng = root.fork("eval-noise");
  for (let i = 0; i < evalNoise.length; i++) evalNoise[i] = evalRng.normal();

  const wsG = createWorkspace(G, Math.max(n, chunk), backend);
  const wsD = createWorkspace(D, Math.max(2 * n, chunk), backend);
  const Z = backend.alloc(Math.max(n, chunk) * noiseDim);
  const X = backend.alloc(Math.max(2 * n, chunk) * 2); // real rows, then fake rows
  const gradG = backend.alloc(G.size);
  const gradD = backend.alloc(D.size);
  const scratchD = backend.alloc(D.size);
  const dx = backend.alloc(n * 2);
  const spec = (lr: number) => ({
    kind: config.optimizer.kind,
    lr,
    momentum: config.optimizer.momentum,
    nesterov: false,
    batchSize: n,
    beta1: config.optimizer.beta1,
    beta2: config.optimizer.beta2,
    eps: config.optimizer.eps,
    weightDecay: 0,
  });
  // The trainer's lower level, one per net: the GAN computes each gradient itself (G's through D).
  const optD: Stepper = createStepper(D.params, spec(config.optimizer.lr), backend);
  const optG: Stepper = createStepper(
    G.params,
    spec(config.optimizer.generatorLr ?? config.optimizer.lr),
    backend,
  );

  let iteration = 0;
  let status: "ok" | "diverged" = "ok";
  const last = {
    realLogit: 0,
    fakeLogit: 0,
    absLogit: 0,
    dActive: 0,
    dGradNorm: 0,
    gPush: 0,
    dSlope: 0,
    dLoss: 0,
    gLoss: 0,
  };
  const history: GanRecord[] = [];

  const drawNoise = (rows: number) => {
    for (let i = 0; i < rows * noiseDim; i++) Z[i] = noiseRng.normal();
  };

  function discriminatorStep(): void {
    sampleMixture(mixture, n, dataRng, X);
    drawNoise(n);
    forward(G, G.params, Z, n, wsG, backend);
    X.set(wsG.logits.subarray(0, 2 * n), 2 * n);
    const f = forward(D, D.params, X, 2 * n, wsD, backend);
    const g = wsD.dLogits;
    last.dLoss = discriminatorLoss(config.loss, f, n, n, g);
    let real = 0;
    let fake = 0;
    let abs = 0;
    let gmax = 0;
    for (let i = 0; i < 2 * n; i++) {
      if (i < n) real += f[i];
      else fake += f[i];
      abs += Math.abs(f[i]);
      gmax = Math.max(gmax, Math.abs(g[i]));
    }
    let active = 0;
    for (let i = 0; i < 2 * n; i++) if (Math.abs(g[i]) > 1e-6 * gmax) active++;
    backward(D, D.params, X, 2 * n, wsD, backend, gradD);
    let sq = 0;
    for (let i = 0; i < D.size; i++) sq += gradD[i] * gradD[i];
    Object.assign(last, {
      realLogit: real / n,
      fakeLogit: fake / n,
      absLogit: abs / (2 * n),
      dActive: gmax > 0 ? active / (2 * n) : 0,
      dGradNorm: Math.sqrt(sq),
    });
    optD.apply(gradD);
  }

  function generatorStep(): void {
    drawNoise(n);
    const g = generatorGradient(config.loss, G, D, Z, n, wsG, wsD, backend, gradG, scratchD, dx);
    last.gLoss = g.loss;
    last.gPush = g.push;
    last.dSlope = g.slope;
    optG.apply(gradG);
  }

  function generate(noise: Float64Array, rows: number, out: Float64Array): void {
    for (let start = 0; start < rows; start += chunk) {
      const m = Math.min(chunk, rows - start);
      Z.set(noise.subarray(start * noiseDim, (start + m) * noiseDim));
      forward(G, G.params, Z, m, wsG, backend);
      out.set(wsG.logits.subarray(0, 2 * m), 2 * start);
    }
  }

  const evalOut = new Float64Array(config.evalSamples * 2);
  function record(): void {
    generate(evalNoise, config.evalSamples, evalOut);
    const m = modeMetrics(mixture, evalOut, config.evalSamples);
    history.push({
      iteration,
      modesCaptured: m.modesCaptured,
      highQuality: m.highQuality,
      kl: m.kl,
      ...last,
    });
  }

  function finite(): boolean {
    if (!Number.isFinite(last.dLoss) || !Number.isFinite(last.gLoss)) return false;
    for (const p of [G.params, D.params])
      for (let i = 0; i < p.length; i++) if (!Number.isFinite(p[i])) return false;
    return true;
  }

  record();
  const run: GanRun = {
    config,
    mixture,
    generator: G,
    discriminator: D,
    get iteration() {
      return iteration;
    },
    history,
    get status() {
      return status;
    },
    advance(k) {
      let taken = 0;
      while (taken < k && iteration < config.iterations && status === "ok") {
        for (let s = 0; s < config.dSteps; s++) discriminatorStep();
        for (let s = 0; s < config.gSteps && iteration < config.iterations; s++) {
          generatorStep();
          iteration++;
          taken++;
          if (iteration % config.recordEvery === 0 || iteration === config.iterations) {
            if (!finite()) {
              status = "diverged";
              break;
            }
            record();
          }
        }
      }
      return taken;
    },
    runToEnd() {
      run.advance(config.iterations);
    },
    samples() {
      const out = new Float64Array(config.evalSamples * 2);
      generate(evalNoise, config.evalSamples, out);
      return out;
    },
    discriminate(points, count) {
      const out = new Float64Array(count);
      for (let start = 0; start < count; start += chunk) {
        const m = Math.min(chunk, count - start);
        for (let i = 0; i < 2 * m; i++) X[i] = points[2 * start + i];
        const f = forward(D, D.params, X, m, wsD, backend);
        out.set(f.subarray(0, m), start);
      }
      return out;
    },
  };
  return run;
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

/** What {@link generatorGradient} measures besides the gradient. */
export interface GeneratorGradient {
  /** Generator loss on the batch. */
  loss: number;
  /** Mean per-sample push ‖∂ℓ_G/∂x‖ on the fakes. */
  push: number;
  /** Mean ‖∂D/∂x‖ at the fakes (push divided by the loss weight |∂ℓ/∂D|, where that is non-zero). */
  slope: number;
}

/**
 * The generator's gradient through the discriminator: x = G(Z) (n × 2), f = D(x), L = generator loss(f);
 * ∂L/∂x from D's backward pass (inputGrad, into `dx`), then G's backward from there into `gradG`
 * (D's own parameter gradient goes to `scratchD` and is discarded). All buffers from `backend`.
 */
export function generatorGradient(
  loss: GanLoss,
  G: Mlp,
  D: Mlp,
  Z: Float64Array,
  n: number,
  wsG: Workspace,
  wsD: Workspace,
  backend: Backend,
  gradG: Float64Array,
  scratchD: Float64Array,
  dx: Float64Array,
): GeneratorGradient {
  const fakes = forward(G, G.params, Z, n, wsG, backend);
  const f = forward(D, D.params, fakes, n, wsD, backend);
  const value = generatorLoss(loss, f, n, wsD.dLogits);
  backward(D, D.params, fakes, n, wsD, backend, scratchD, dx);
  let push = 0;
  let slope = 0;
  let slopes = 0;
  for (let i = 0; i < n; i++) {
    const norm = Math.hypot(dx[2 * i], dx[2 * i + 1]) * n; // per sample: the loss is a batch mean
    push += norm;
    const w = Math.abs(wsD.dLogits[i]) * n;
    if (w > 1e-300) {
      slope += norm / w;
      slopes++;
    }
  }
  wsG.dLogits.set(dx.subarray(0, 2 * n));
  backward(G, G.params, Z, n, wsG, backend, gradG);
  return { loss: value, push: push / n, slope: slopes > 0 ? slope / slopes : 0 };
}
