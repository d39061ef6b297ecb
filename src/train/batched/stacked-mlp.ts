import { activate, multiplyByDerivative } from "../../engine/activation.js";
import type { Mlp } from "../../engine/mlp.js";

/**
 * B copies of one MLP architecture stacked element-wise ("structure of arrays"): element e of run r's
 * flat vector sits at [e·B + r], so every loop over runs is innermost and contiguous, and one pass over
 * the architecture serves all B runs.
 *
 * Bit-identical to training each run alone: every output is computed with the same scalar operations in
 * the same order as the reference kernels (src/engine/kernels-js.ts and backend-js.ts: each product is the
 * left-to-right sum over k started from 0, the bias added after it, no fused multiply-add), which the wasm
 * backend also reproduces bit for bit. Only the loop nesting differs (runs innermost), which changes no
 * single value.
 */
export interface StackedMlp {
  /** The shared architecture (its own params are not used here). */
  readonly mlp: Mlp;
  /** Runs stacked. */
  readonly runs: number;
  /** Points per run. */
  readonly n: number;
  /** Parameters, [e·B + r]. */
  readonly params: Float64Array;
  /** Gradient of the last backward pass, [e·B + r]. */
  readonly grad: Float64Array;
  /** Inputs, [(i·d + p)·B + r]. */
  readonly x: Float64Array;
  /** Pre-activations per layer, [(i·width + j)·B + r]; the last one holds the logits. */
  readonly z: Float64Array[];
  /** Activations per hidden layer, same layout. */
  readonly h: Float64Array[];
  /** ∂L/∂logits, [i·B + r] (filled by the caller before backward). */
  readonly dLogits: Float64Array;
  /** Two scratch buffers for ∂L/∂h while going down the layers. */
  readonly dh: [Float64Array, Float64Array];
}

/** Allocates a stack of `runs` copies of `mlp` for `n` points each (all zero). */
export function createStackedMlp(mlp: Mlp, runs: number, n: number): StackedMlp {
  const widths = mlp.layers.map((L) => L.outputs);
  const widest = Math.max(mlp.layers[0].inputs, ...widths);
  return {
    mlp,
    runs,
    n,
    params: new Float64Array(mlp.size * runs),
    grad: new Float64Array(mlp.size * runs),
    x: new Float64Array(n * mlp.layers[0].inputs * runs),
    z: widths.map((w) => new Float64Array(n * w * runs)),
    h: widths.slice(0, -1).map((w) => new Float64Array(n * w * runs)),
    dLogits: new Float64Array(n * runs),
    dh: [new Float64Array(n * widest * runs), new Float64Array(n * widest * runs)],
  };
}

/** Writes run r's flat vector `src` into slot r of the stacked `dst`. */
export function setSlot(dst: Float64Array, runs: number, r: number, src: ArrayLike<number>): void {
  for (let e = 0; e < src.length; e++) dst[e * runs + r] = src[e];
}

/** Copies slot r of the stacked `src` into run r's flat vector `dst`. */
export function getSlot(src: Float64Array, runs: number, r: number, dst: Float64Array): void {
  for (let e = 0; e < dst.length; e++) dst[e] = src[e * runs + r];
}

/** Forward pass of every run: z, h and the logits (z of the last layer). */
export function stackedForward(s: StackedMlp): void {
  const { mlp, runs: B, n, params: P } = s;
  const { activation, leakySlope } = mlp.spec;
  let input = s.x;
  for (let l = 0; l < mlp.layers.length; l++) {
    const L = mlp.layers[l];
    const z = s.z[l];
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < L.outputs; j++) {
        const zo = (i * L.outputs + j) * B;
        for (let r = 0; r < B; r++) z[zo + r] = 0;
        for (let p = 0; p < L.inputs; p++) {
          const io = (i * L.inputs + p) * B;
          const wo = (L.weightOffset + j * L.inputs + p) * B;
          for (let r = 0; r < B; r++) z[zo + r] += input[io + r] * P[wo + r];
        }
        if (L.biasOffset >= 0) {
          const bo = (L.biasOffset + j) * B;
          for (let r = 0; r < B; r++) z[zo + r] += P[bo + r];
        }
      }
    }
    if (l + 1 < mlp.layers.length) {
      // Element-wise, so the reference function applies to the stacked array as it is.
      activate(activation, z, s.h[l], z.length, leakySlope);
      input = s.h[l];
    }
  }
}

/** Backward pass of every run after stackedForward, from s.dLogits into s.grad. */
export function stackedBackward(s: StackedMlp): void {
  const { mlp, runs: B, n, params: P, grad: G } = s;
  const { activation, leakySlope } = mlp.spec;
  let dz = s.dLogits;
  let ping = 0;
  for (let l = mlp.layers.length - 1; l >= 0; l--) {
    const L = mlp.layers[l];
    const input = l === 0 ? s.x : s.h[l - 1];
    // dW = dZᵀ·H: each entry the sum over points in order.
    for (let j = 0; j < L.outputs; j++) {
      for (let p = 0; p < L.inputs; p++) {
        const go = (L.weightOffset + j * L.inputs + p) * B;
        for (let r = 0; r < B; r++) G[go + r] = 0;
        if (mlp.diagonal[l] && j !== p) continue; // zeroed, as zeroOffDiagonal does
        for (let i = 0; i < n; i++) {
          const d = (i * L.outputs + j) * B;
          const x = (i * L.inputs + p) * B;
          for (let r = 0; r < B; r++) G[go + r] += dz[d + r] * input[x + r];
        }
      }
    }
    if (L.biasOffset >= 0) {
      for (let j = 0; j < L.outputs; j++) {
        const bo = (L.biasOffset + j) * B;
        for (let r = 0; r < B; r++) G[bo + r] = 0;
        for (let i = 0; i < n; i++) {
          const d = (i * L.outputs + j) * B;
          for (let r = 0; r < B; r++) G[bo + r] += dz[d + r];
        }
      }
    }
    if (l === 0) break;
    // dH = dZ·W: each entry the sum over the layer's outputs in order.
    const target = s.dh[ping];
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < L.inputs; p++) {
        const t = (i * L.inputs + p) * B;
        for (let r = 0; r < B; r++) target[t + r] = 0;
        for (let j = 0; j < L.outputs; j++) {
          const d = (i * L.outputs + j) * B;
          const wo = (L.weightOffset + j * L.inputs + p) * B;
          for (let r = 0; r < B; r++) target[t + r] += dz[d + r] * P[wo + r];
        }
      }
    }
    multiplyByDerivative(activation, s.z[l - 1], s.h[l - 1], target, n * L.inputs * B, leakySlope);
    dz = target;
    ping ^= 1;
  }
}

/**
 * Gradient-descent update of the runs whose `live` entry is 1: p −= lr·(g + wd·p), as sgdStep, with each
 * run's own learning rate and weight decay.
 */
export function stackedGdStep(s: StackedMlp, lr: Float64Array, wd: Float64Array, live: Uint8Array): void {
  const { runs: B, params: P, grad: G } = s;
  for (let e = 0; e < s.mlp.size; e++) {
    const o = e * B;
    for (let r = 0; r < B; r++) if (live[r]) P[o + r] -= lr[r] * (G[o + r] + wd[r] * P[o + r]);
  }
}
