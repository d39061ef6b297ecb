import type { Backend } from "./backend.js";
import { biasView, type Mlp, weightView } from "./mlp.js";

/**
 * Every buffer a forward/backward pass over a batch of up to `capacity` points needs, allocated once
 * so that a training step allocates nothing.
 */
export interface Workspace {
  /** The largest batch this workspace holds. */
  capacity: number;
  /** Pre-activations per layer (capacity × outputs_l); the last layer's is the logits. */
  z: Float64Array[];
  /** Activations per hidden layer (capacity × outputs_l); aliases z for linear activation. */
  h: Float64Array[];
  /** Outputs f(x) (capacity × outputDim; one logit per point by default), a view of the last z. */
  logits: Float64Array;
  /** ∂L/∂f per point (capacity × outputDim), filled by the loss or by the caller. */
  dLogits: Float64Array;
  /** Two ping-pong buffers for ∂L/∂z (capacity × max width). */
  dz: [Float64Array, Float64Array];
  /** Transposes of activations or inputs (max width × capacity). */
  scratchT: Float64Array;
  /** Transpose of ∂L/∂z (max width × capacity). */
  dzT: Float64Array;
  /** Transpose of one weight matrix (max fan-in × max fan-out). */
  weightT: Float64Array;
  /**
   * Per-layer views of the last parameter and gradient vectors used with this workspace, so a step
   * creates no subarrays (rebuilt when a different vector comes in).
   */
  views: { params: LayerViews; grad: LayerViews };
}

/** Views of each layer's W and b inside one flat vector (`flat`), cached by vector identity. */
export interface LayerViews {
  /** The vector these views look into, or null before first use. */
  flat: Float64Array | null;
  /** W_l (outputs × inputs) per layer. */
  W: Float64Array[];
  /** b_l per layer, or null without bias. */
  b: (Float64Array | null)[];
}

/** The per-layer views into `flat`, from `cache` when it already looks into this very vector. */
export function layerViews(mlp: Mlp, flat: Float64Array, cache: LayerViews): LayerViews {
  if (cache.flat !== flat) {
    cache.W = mlp.layers.map((_, l) => weightView(mlp, flat, l));
    cache.b = mlp.layers.map((_, l) => biasView(mlp, flat, l));
    cache.flat = flat;
  }
  return cache;
}

/** Allocates a workspace for batches of up to `capacity` points. */
export function createWorkspace(mlp: Mlp, capacity: number, backend: Backend): Workspace {
  const linear = mlp.spec.activation === "linear";
  const z: Float64Array[] = [];
  const h: Float64Array[] = [];
  let maxWidth = mlp.spec.inputDim;
  let maxWeight = 1;
  mlp.layers.forEach((L, l) => {
    maxWidth = Math.max(maxWidth, L.outputs);
    maxWeight = Math.max(maxWeight, L.inputs * L.outputs);
    const zl = backend.alloc(capacity * L.outputs);
    z.push(zl);
    const isHidden = l + 1 < mlp.layers.length;
    if (isHidden) h.push(linear ? zl : backend.alloc(capacity * L.outputs));
  });
  return {
    capacity,
    z,
    h,
    logits: z[z.length - 1],
    dLogits: backend.alloc(capacity * (mlp.spec.outputDim ?? 1)),
    dz: [backend.alloc(capacity * maxWidth), backend.alloc(capacity * maxWidth)],
    scratchT: backend.alloc(capacity * maxWidth),
    dzT: backend.alloc(capacity * maxWidth),
    weightT: backend.alloc(maxWeight),
    views: { params: { flat: null, W: [], b: [] }, grad: { flat: null, W: [], b: [] } },
  };
}
