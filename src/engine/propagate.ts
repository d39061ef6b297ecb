import { activate, multiplyByDerivative } from "./activation.js";
import type { Backend } from "./backend.js";
import { addRowVector, sumRows } from "./kernels-js.js";
import { type Mlp, zeroOffDiagonal } from "./mlp.js";
import { layerViews, type Workspace } from "./workspace.js";

/**
 * Forward pass over `n` points of X (n × d, row-major) with parameters `params` (laid out like mlp).
 * Fills ws.z, ws.h and ws.logits (first n entries).
 */
export function forward(
  mlp: Mlp,
  params: Float64Array,
  X: Float64Array,
  n: number,
  ws: Workspace,
  backend: Backend,
): Float64Array {
  if (n > ws.capacity)
    throw new Error(`forward: batch of ${n} points exceeds workspace capacity ${ws.capacity}`);
  const { activation, leakySlope } = mlp.spec;
  const P = layerViews(mlp, params, ws.views.params);
  let input = X;
  for (let l = 0; l < mlp.layers.length; l++) {
    const L = mlp.layers[l];
    const z = ws.z[l];
    backend.gemmABt(input, P.W[l], z, n, L.outputs, L.inputs);
    const b = P.b[l];
    if (b) {
      if (backend.addRowVector) backend.addRowVector(z, b, n, L.outputs);
      else addRowVector(z, b, n, L.outputs);
    }
    if (l + 1 < mlp.layers.length) {
      if (backend.activate) backend.activate(activation, z, ws.h[l], n * L.outputs, leakySlope);
      else activate(activation, z, ws.h[l], n * L.outputs, leakySlope);
      input = ws.h[l];
    }
  }
  return ws.logits;
}

/**
 * Backward pass after `forward` on the same X, n and params, given ∂L/∂f in ws.dLogits.
 * Writes the parameter gradient into `grad` (overwritten, laid out like params). When `inputGrad`
 * (n × d) is given, also writes ∂L/∂x there (needed for generators and saliency; skipped otherwise
 * because it costs a full extra product). `inputT`, when given, must hold Xᵀ (d × n): callers whose X
 * does not change between steps (full-batch training) pass it to save transposing X on every step.
 */
export function backward(
  mlp: Mlp,
  params: Float64Array,
  X: Float64Array,
  n: number,
  ws: Workspace,
  backend: Backend,
  grad: Float64Array,
  inputGrad?: Float64Array,
  inputT?: Float64Array,
): void {
  const { activation, leakySlope } = mlp.spec;
  const P = layerViews(mlp, params, ws.views.params);
  const G = layerViews(mlp, grad, ws.views.grad);
  const last = mlp.layers.length - 1;
  let dz = ws.dLogits;
  let ping = 0;
  for (let l = last; l >= 0; l--) {
    const L = mlp.layers[l];
    const input = l === 0 ? X : ws.h[l - 1];
    // dW_l = dZ_lᵀ · H_{l-1}: directly when the backend has Aᵀ·B, else as A·Bᵀ with A = dZᵀ (out × n) and
    // B = Hᵀ (in × n), both contiguous in n.
    if (backend.gemmAtB) backend.gemmAtB(dz, input, G.W[l], L.outputs, L.inputs, n);
    else {
      const dzT = transposed(backend, dz, n, L.outputs, ws.dzT);
      const inT = l === 0 && inputT ? inputT : transposed(backend, input, n, L.inputs, ws.scratchT);
      backend.gemmABt(dzT, inT, G.W[l], L.outputs, L.inputs, n);
    }
    if (mlp.diagonal[l]) zeroOffDiagonal(G.W[l], L.outputs, L.inputs);
    const db = G.b[l];
    if (db) {
      if (backend.sumRows) backend.sumRows(dz, n, L.outputs, db);
      else sumRows(dz, n, L.outputs, db);
    }
    if (l === 0 && !inputGrad) break;
    // dH_{l-1} = dZ_l · W_l = dZ_l · (W_lᵀ)ᵀ.
    const WT = transposed(backend, P.W[l], L.outputs, L.inputs, ws.weightT);
    const target = l === 0 ? (inputGrad as Float64Array) : ws.dz[ping];
    backend.gemmABt(dz, WT, target, n, L.inputs, L.outputs);
    if (l === 0) break;
    const len = n * L.inputs;
    if (backend.multiplyByDerivative)
      backend.multiplyByDerivative(activation, ws.z[l - 1], ws.h[l - 1], target, len, leakySlope);
    else multiplyByDerivative(activation, ws.z[l - 1], ws.h[l - 1], target, len, leakySlope);
    dz = target;
    ping ^= 1;
  }
}

/** Aᵀ (cols × rows) in `out`, or A itself when it is a single row or column (same memory layout). */
function transposed(
  backend: Backend,
  A: Float64Array,
  rows: number,
  cols: number,
  out: Float64Array,
): Float64Array {
  if (rows === 1 || cols === 1) return A;
  backend.transpose(A, rows, cols, out);
  return out;
}
