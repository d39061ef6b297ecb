/**
 * The two updates of a GAN's alternation and the passes that measure it: a discriminator update on a
 * fresh real batch and a fresh fake batch, a generator update whose gradient reaches G through D (engine
 * backward with inputGrad: ∂L/∂x at the fakes, then G's own backward from there), G on given noise and
 * D on given points. Each update hands its gradient to the net's `Stepper` and leaves what it measured
 * (THEORY.md §6's mechanism seen from D) in a {@link GanMeasurements}.
 */
import { sampleMixture } from "../data/gaussian-mixtures.js";
import type { Backend } from "../engine/backend.js";
import type { Mlp } from "../engine/mlp.js";
import { backward, forward } from "../engine/propagate.js";
import type { Workspace } from "../engine/workspace.js";
import type { GanNets } from "./gan-nets.js";
import { discriminatorLoss, type GanLoss, generatorLoss } from "./losses.js";

/** What the last discriminator and generator updates measured (the non-mode fields of a record). */
export interface GanMeasurements {
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

/** All zero: what a run has measured before its first update. */
export const noMeasurements = (): GanMeasurements => ({
  realLogit: 0,
  fakeLogit: 0,
  absLogit: 0,
  dActive: 0,
  dGradNorm: 0,
  gPush: 0,
  dSlope: 0,
  dLoss: 0,
  gLoss: 0,
});

/** One discriminator update on a fresh real batch (rows 0…n−1 of X) and a fresh fake batch (rows n…2n−1). */
export function discriminatorStep(nets: GanNets, last: GanMeasurements): void {
  const { config, backend, G, D, wsG, wsD, X, Z, gradD } = nets;
  const n = config.batchSize;
  sampleMixture(nets.mixture, n, nets.dataRng, X);
  drawNoise(nets, n);
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
  last.realLogit = real / n;
  last.fakeLogit = fake / n;
  last.absLogit = abs / (2 * n);
  last.dActive = gmax > 0 ? active / (2 * n) : 0;
  last.dGradNorm = Math.sqrt(sq);
  nets.optD.apply(gradD);
}

/** One generator update on fresh noise, its gradient through D. */
export function generatorStep(nets: GanNets, last: GanMeasurements): void {
  const { config, G, D, Z, wsG, wsD, backend } = nets;
  const n = config.batchSize;
  drawNoise(nets, n);
  const g = generatorGradient(config.loss, G, D, Z, n, wsG, wsD, backend, nets.gradG, nets.scratchD, nets.dx);
  last.gLoss = g.loss;
  last.gPush = g.push;
  last.dSlope = g.slope;
  nets.optG.apply(nets.gradG);
}

function drawNoise(nets: GanNets, rows: number): void {
  const Z = nets.Z;
  for (let i = 0; i < rows * nets.config.generator.noiseDim; i++) Z[i] = nets.noiseRng.normal();
}

/** G applied to `rows` rows of `noise` (rows × noiseDim) into `out` (rows × 2), in chunks. */
export function generate(nets: GanNets, noise: Float64Array, rows: number, out: Float64Array): void {
  const { G, Z, wsG, backend, chunk } = nets;
  const noiseDim = nets.config.generator.noiseDim;
  for (let start = 0; start < rows; start += chunk) {
    const m = Math.min(chunk, rows - start);
    Z.set(noise.subarray(start * noiseDim, (start + m) * noiseDim));
    forward(G, G.params, Z, m, wsG, backend);
    out.set(wsG.logits.subarray(0, 2 * m), 2 * start);
  }
}

/** D's logits at `count` points (count × 2, row-major), in chunks. */
export function discriminate(nets: GanNets, points: ArrayLike<number>, count: number): Float64Array {
  const { D, X, wsD, backend, chunk } = nets;
  const out = new Float64Array(count);
  for (let start = 0; start < count; start += chunk) {
    const m = Math.min(chunk, count - start);
    for (let i = 0; i < 2 * m; i++) X[i] = points[2 * start + i];
    const f = forward(D, D.params, X, m, wsD, backend);
    out.set(f.subarray(0, m), start);
  }
  return out;
}

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
