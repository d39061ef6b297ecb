import { biasView, importWeights, type LayerWeights, type Mlp, weightView, zeroOffDiagonal } from "./mlp.js";
import type { Rng } from "./rng.js";

/**
 * How one layer's weights are drawn (biases start at zero unless explicit weights give them).
 *
 * - "gaussian": N(0, scale²). "uniform": U(-scale, scale). "half-normal": |N(0, scale²)|.
 * - "xavier-normal"/"xavier-uniform": variance gain²·2/(fan_in+fan_out); "he-normal"/"he-uniform":
 *   variance gain²·2/fan_in (PyTorch's xavier_*_ and kaiming_*_ with fan_in mode).
 * - "orthogonal": rows (or columns) orthonormal, times gain (QR of a Gaussian matrix, signs fixed as
 *   in PyTorch's orthogonal_).
 * - "diagonal": W = diag(a) (rectangular: zeros off the diagonal), a drawn from `diagonal` or given.
 * - "zeros": all zero.
 */
export type LayerInitScheme =
  | "gaussian"
  | "uniform"
  | "half-normal"
  | "xavier-normal"
  | "xavier-uniform"
  | "he-normal"
  | "he-uniform"
  | "orthogonal"
  | "diagonal"
  | "zeros";

export const LAYER_INIT_SCHEMES: readonly LayerInitScheme[] = [
  "gaussian",
  "uniform",
  "half-normal",
  "xavier-normal",
  "xavier-uniform",
  "he-normal",
  "he-uniform",
  "orthogonal",
  "diagonal",
  "zeros",
];

export interface LayerInit {
  /** The distribution or structure of the weights. */
  scheme: LayerInitScheme;
  /** ε: the standard deviation (gaussian, half-normal, diagonal) or half-width (uniform). */
  scale: number;
  /** Multiplier for xavier/he/orthogonal. */
  gain: number;
  /** For "diagonal": the distribution of the diagonal entries (default half-normal: all units alive). */
  diagonal: "half-normal" | "gaussian";
  /** For "diagonal": explicit diagonal entries (length min(fan-in, fan-out)), instead of drawing them. */
  values?: number[];
}

/**
 * Initialization of a whole network.
 *
 * `layers` gives one LayerInit per layer (first to output) or a single one for all. "explicit" replaces
 * all of it with given weights. `balanced` rescales the output weights after drawing so that
 * |w_D,k| = ‖row k of W_{D-1}‖ for every last-hidden unit k, keeping signs: the theory's balanced start
 * (|a| = |b| per unit, conserved a² − b² = 0).
 */
export type InitSpec =
  | { kind: "layers"; layers: LayerInit[]; balanced: boolean }
  | { kind: "explicit"; weights: LayerWeights[] };

/** Draws the initial parameters of `mlp` into mlp.params. */
export function initialize(mlp: Mlp, spec: InitSpec, rng: Rng): void {
  if (spec.kind === "explicit") {
    importWeights(mlp, spec.weights);
    mlp.diagonal.forEach((isDiagonal, l) => {
      if (isDiagonal && spec.weights[l].W.some((row, o) => row.some((v, i) => i !== o && v !== 0))) {
        throw new Error(
          `init.weights[${l}]: layer ${l} is diagonal (model.diagonalLayers) but has nonzero off-diagonal weights`,
        );
      }
    });
    return;
  }
  const count = mlp.layers.length;
  if (spec.layers.length !== 1 && spec.layers.length !== count) {
    throw new Error(
      `init.layers: give 1 entry for all layers or ${count} (one per layer), got ${spec.layers.length}`,
    );
  }
  mlp.layers.forEach((L, l) => {
    const layerInit = spec.layers.length === 1 ? spec.layers[0] : spec.layers[l];
    const W = weightView(mlp, mlp.params, l);
    drawLayer(W, L.outputs, L.inputs, layerInit, rng.fork(`layer${l}`), `init.layers[${l}]`);
    biasView(mlp, mlp.params, l)?.fill(0);
  });
  // A diagonal-constrained layer keeps only the diagonal of whatever was drawn.
  mlp.layers.forEach((L, l) => {
    if (mlp.diagonal[l]) zeroOffDiagonal(weightView(mlp, mlp.params, l), L.outputs, L.inputs);
  });
  if (spec.balanced) balanceOutputLayer(mlp);
}

function drawLayer(
  W: Float64Array,
  rows: number,
  cols: number,
  init: LayerInit,
  rng: Rng,
  where: string,
): void {
  const { scale, gain } = init;
  switch (init.scheme) {
    case "gaussian":
      for (let i = 0; i < W.length; i++) W[i] = scale * rng.normal();
      return;
    case "uniform":
      for (let i = 0; i < W.length; i++) W[i] = rng.uniformIn(-scale, scale);
      return;
    case "half-normal":
      for (let i = 0; i < W.length; i++) W[i] = Math.abs(scale * rng.normal());
      return;
    case "xavier-normal": {
      const std = gain * Math.sqrt(2 / (rows + cols));
      for (let i = 0; i < W.length; i++) W[i] = std * rng.normal();
      return;
    }
    case "xavier-uniform": {
      const bound = gain * Math.sqrt(6 / (rows + cols));
      for (let i = 0; i < W.length; i++) W[i] = rng.uniformIn(-bound, bound);
      return;
    }
    case "he-normal": {
      const std = gain * Math.sqrt(2 / cols);
      for (let i = 0; i < W.length; i++) W[i] = std * rng.normal();
      return;
    }
    case "he-uniform": {
      const bound = gain * Math.sqrt(6 / cols);
      for (let i = 0; i < W.length; i++) W[i] = rng.uniformIn(-bound, bound);
      return;
    }
    case "orthogonal":
      orthogonalInto(W, rows, cols, gain, rng);
      return;
    case "diagonal": {
      W.fill(0);
      const k = Math.min(rows, cols);
      if (init.values && init.values.length !== k) {
        throw new Error(
          `${where}.values: expected ${k} diagonal entries (min of fan-in ${cols}, fan-out ${rows}), got ${init.values.length}`,
        );
      }
      for (let i = 0; i < k; i++) {
        const draw = scale * rng.normal();
        W[i * cols + i] = init.values
          ? init.values[i]
          : init.diagonal === "half-normal"
            ? Math.abs(draw)
            : draw;
      }
      return;
    }
    case "zeros":
      W.fill(0);
      return;
  }
}

/**
 * Orthogonal matrix via modified Gram–Schmidt on a Gaussian matrix (rows orthonormal when rows ≤ cols,
 * columns orthonormal otherwise). Equivalent in distribution to QR with the sign fix.
 */
function orthogonalInto(W: Float64Array, rows: number, cols: number, gain: number, rng: Rng): void {
  const tall = rows > cols;
  const r = tall ? cols : rows;
  const c = tall ? rows : cols;
  const M = new Float64Array(r * c);
  for (let i = 0; i < M.length; i++) M[i] = rng.normal();
  for (let i = 0; i < r; i++) {
    for (let j = 0; j < i; j++) {
      let dot = 0;
      for (let k = 0; k < c; k++) dot += M[i * c + k] * M[j * c + k];
      for (let k = 0; k < c; k++) M[i * c + k] -= dot * M[j * c + k];
    }
    let norm = 0;
    for (let k = 0; k < c; k++) norm += M[i * c + k] ** 2;
    norm = Math.sqrt(norm);
    for (let k = 0; k < c; k++) M[i * c + k] /= norm;
  }
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) W[i * cols + j] = gain * (tall ? M[j * c + i] : M[i * c + j]);
  }
}

/** |w_D,k| ← ‖row k of W_{D-1}‖ (sign kept; a zero output weight becomes +‖row‖). */
function balanceOutputLayer(mlp: Mlp): void {
  const D = mlp.layers.length;
  if (D < 2) throw new Error("init.balanced needs at least one hidden layer (model.hidden is empty)");
  const prev = mlp.layers[D - 2];
  const Wprev = weightView(mlp, mlp.params, D - 2);
  const w = weightView(mlp, mlp.params, D - 1);
  for (let k = 0; k < prev.outputs; k++) {
    let sq = 0;
    for (let i = 0; i < prev.inputs; i++) sq += Wprev[k * prev.inputs + i] ** 2;
    w[k] = (w[k] < 0 ? -1 : 1) * Math.sqrt(sq);
  }
}
