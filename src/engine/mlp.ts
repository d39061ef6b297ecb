import type { ActivationKind } from "./activation.js";
import type { Backend } from "./backend.js";

/** The architecture of a multilayer perceptron with a scalar logit output. */
export interface MlpSpec {
  /** Input dimension d. */
  inputDim: number;
  /** Widths of the hidden layers, first to last. `[]` is a linear model f(x) = w·x. */
  hidden: number[];
  /** Hidden nonlinearity φ. */
  activation: ActivationKind;
  /** Whether every layer has a bias (the theory's networks have none). */
  bias: boolean;
  /** Slope of leaky-relu for negative inputs (ignored otherwise). */
  leakySlope: number;
  /**
   * Indices of weight layers (0 = first) constrained to be diagonal: W[k][i] = 0 for k ≠ i, forever
   * (their off-diagonal gradient is zeroed). A "diagonal network" gives every input coordinate its own
   * parameters, the model of THEORY.md §5 and §7 (and of diagonal linear networks). Default none.
   */
  diagonalLayers?: number[];
  /**
   * Width of the (linear) output layer. Default 1: a scalar logit, what every loss of src/engine/loss.ts
   * and the trainer expect. Wider outputs serve models driven directly through forward/backward, e.g. a
   * GAN generator whose output is a point in the plane.
   */
  outputDim?: number;
}

/** Where one layer's parameters live inside the flat parameter vector. */
export interface LayerLayout {
  /** Fan-in. */
  inputs: number;
  /** Fan-out (1 for the output layer). */
  outputs: number;
  /** Offset of W (outputs × inputs, row-major) in the flat vector. */
  weightOffset: number;
  /** Offset of b (outputs) in the flat vector, or -1 without bias. */
  biasOffset: number;
}

/** An MLP: its spec, the layout of its parameters, and the flat parameter vector. */
export interface Mlp {
  spec: MlpSpec;
  layers: LayerLayout[];
  /** Total number of parameters. */
  size: number;
  /** All parameters, layer by layer: W_1, b_1, W_2, b_2, … */
  params: Float64Array;
  /** diagonal[l]: layer l is constrained diagonal (from spec.diagonalLayers). */
  diagonal: boolean[];
}

/** Layer widths from input to output: [d, h_1, …, h_{D-1}, 1]. */
export function layerWidths(spec: MlpSpec): number[] {
  return [spec.inputDim, ...spec.hidden, spec.outputDim ?? 1];
}

/** The parameter layout of an architecture. */
export function layoutOf(spec: MlpSpec): { layers: LayerLayout[]; size: number } {
  const widths = layerWidths(spec);
  const layers: LayerLayout[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < widths.length; l++) {
    const inputs = widths[l];
    const outputs = widths[l + 1];
    const weightOffset = offset;
    offset += inputs * outputs;
    const biasOffset = spec.bias ? offset : -1;
    if (spec.bias) offset += outputs;
    layers.push({ inputs, outputs, weightOffset, biasOffset });
  }
  return { layers, size: offset };
}

/** Checks an architecture; throws an Error naming the field and what is allowed. */
export function assertValidSpec(spec: MlpSpec): void {
  if (!Number.isInteger(spec.inputDim) || spec.inputDim < 1) {
    throw new Error(`model.inputDim must be a positive integer, got ${spec.inputDim}`);
  }
  spec.hidden.forEach((w, i) => {
    if (!Number.isInteger(w) || w < 1)
      throw new Error(`model.hidden[${i}] must be a positive integer width, got ${w}`);
  });
  if (!Number.isFinite(spec.leakySlope))
    throw new Error(`model.leakySlope must be finite, got ${spec.leakySlope}`);
  if (spec.outputDim !== undefined && (!Number.isInteger(spec.outputDim) || spec.outputDim < 1)) {
    throw new Error(`model.outputDim must be a positive integer, got ${spec.outputDim}`);
  }
  const layerCount = spec.hidden.length + 1;
  for (const l of spec.diagonalLayers ?? []) {
    if (!Number.isInteger(l) || l < 0 || l >= layerCount) {
      throw new Error(
        `model.diagonalLayers: ${l} is not a weight layer; this model has layers 0..${layerCount - 1}`,
      );
    }
  }
}

/** Zeroes the off-diagonal entries of a rows × cols matrix (a diagonal-constrained layer or its gradient). */
export function zeroOffDiagonal(W: Float64Array, rows: number, cols: number): void {
  for (let o = 0; o < rows; o++) {
    const row = o * cols;
    for (let i = 0; i < cols; i++) if (i !== o) W[row + i] = 0;
  }
}

/** A zero-initialized MLP with its parameters allocated through `backend`. */
export function createMlp(spec: MlpSpec, backend: Backend): Mlp {
  assertValidSpec(spec);
  const { layers, size } = layoutOf(spec);
  const diagonal = layers.map((_, l) => (spec.diagonalLayers ?? []).includes(l));
  return { spec, layers, size, params: backend.alloc(size), diagonal };
}

/** View of layer l's weight matrix (outputs × inputs) inside a flat vector laid out like `mlp`. */
export function weightView(mlp: Pick<Mlp, "layers">, flat: Float64Array, l: number): Float64Array {
  const L = mlp.layers[l];
  return flat.subarray(L.weightOffset, L.weightOffset + L.inputs * L.outputs);
}

/** View of layer l's bias (outputs), or null without bias. */
export function biasView(mlp: Pick<Mlp, "layers">, flat: Float64Array, l: number): Float64Array | null {
  const L = mlp.layers[l];
  return L.biasOffset < 0 ? null : flat.subarray(L.biasOffset, L.biasOffset + L.outputs);
}

/** Weights as nested arrays (for JSON export): per layer { W: rows, b? }. */
export interface LayerWeights {
  W: number[][];
  b?: number[];
}

/** Copies the parameters out as plain nested arrays. */
export function exportWeights(mlp: Mlp, flat: Float64Array = mlp.params): LayerWeights[] {
  return mlp.layers.map((L, l) => {
    const w = weightView(mlp, flat, l);
    const W: number[][] = [];
    for (let o = 0; o < L.outputs; o++) W.push(Array.from(w.subarray(o * L.inputs, (o + 1) * L.inputs)));
    const b = biasView(mlp, flat, l);
    return b ? { W, b: Array.from(b) } : { W };
  });
}

/** Copies nested-array weights into the flat vector; throws on any shape mismatch, naming the layer. */
export function importWeights(mlp: Mlp, weights: LayerWeights[], flat: Float64Array = mlp.params): void {
  if (weights.length !== mlp.layers.length) {
    throw new Error(
      `weights: expected ${mlp.layers.length} layers for this architecture, got ${weights.length}`,
    );
  }
  mlp.layers.forEach((L, l) => {
    const { W, b } = weights[l];
    if (!Array.isArray(W) || W.length !== L.outputs) {
      throw new Error(
        `weights[${l}].W: expected ${L.outputs} rows (layer ${l + 1} fan-out), got ${W?.length}`,
      );
    }
    const w = weightView(mlp, flat, l);
    W.forEach((rowValues, o) => {
      if (!Array.isArray(rowValues) || rowValues.length !== L.inputs) {
        throw new Error(
          `weights[${l}].W[${o}]: expected ${L.inputs} numbers (fan-in), got ${rowValues?.length}`,
        );
      }
      rowValues.forEach((v, i) => {
        if (!Number.isFinite(v))
          throw new Error(`weights[${l}].W[${o}][${i}] is ${v}; weights must be finite`);
        w[o * L.inputs + i] = v;
      });
    });
    const bias = biasView(mlp, flat, l);
    if (bias) {
      if (b === undefined) bias.fill(0);
      else {
        if (b.length !== L.outputs)
          throw new Error(`weights[${l}].b: expected ${L.outputs} numbers, got ${b.length}`);
        b.forEach((v, o) => {
          if (!Number.isFinite(v)) throw new Error(`weights[${l}].b[${o}] is ${v}; biases must be finite`);
          bias[o] = v;
        });
      }
    } else if (b?.some((v) => v !== 0)) {
      throw new Error(
        `weights[${l}].b: the model has no bias (model.bias = false) but nonzero biases were given`,
      );
    }
  });
}
