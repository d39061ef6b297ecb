import type { ActivationKind } from "./activation.js";
import { type Backend, resident } from "./backend.js";
import { type Mlp, zeroOffDiagonal } from "./mlp.js";
import type { OutputObjective } from "./output-curvature.js";
import { forward } from "./propagate.js";
import { createWorkspace, type LayerViews, layerViews } from "./workspace.js";

/**
 * The Hessian of an objective of the MLP's outputs, as an operator v ↦ H v, exact in float64:
 * forward-over-reverse (Pearlmutter's R-operator) through the forward and backward passes, not finite
 * differences. With R{·} the derivative along v:
 *
 *   forward   R{z_l} = R{h_l} W_lᵀ + h_l V_lᵀ + Vb_l,   R{h_{l+1}} = φ'(z_l) ⊙ R{z_l}   (R{h_0} = 0)
 *   outputs   R{∂L/∂f} = (∂²L/∂f²) R{f}                                      (OutputObjective.curvature)
 *   backward  R{dW_l} = R{dz_l}ᵀ h_l + dz_lᵀ R{h_l},   R{db_l} = Σ_rows R{dz_l}
 *             R{dh_l} = R{dz_l} W_l + dz_l V_l
 *             R{dz_{l−1}} = R{dh_l} ⊙ φ'(z_{l−1}) + dh_l ⊙ φ''(z_{l−1}) ⊙ R{z_{l−1}}
 *
 * φ'' is −2φ(1−φ²) for tanh and 0 for relu, leaky-relu and linear (0 wherever it exists; at the kink the
 * subgradient convention of training, φ'(0) = 0 for relu, is kept). Diagonal-constrained layers have
 * their off-diagonal entries frozen at 0, so the Hessian is that of the free parameters: v is masked
 * before and H v after (frozen coordinates get exact zeros, i.e. zero eigenvalues).
 *
 * Every product goes through the Backend interface (gemmABt, gemmAtB, transpose), so js, wasm and native
 * all run it; js and wasm give the same bits. One product costs 3 forward-sized products and 4-5
 * backward-sized ones: about 3× a gradient (bench/hvp.bench.ts measures it).
 */
export interface HessianOperator {
  /** Number of parameters p (the operator is p × p). */
  readonly size: number;
  /**
   * Sets the point θ: runs the forward pass and the objective's gradient there and keeps what the
   * products need. Returns the objective's value. Call again whenever the parameters change.
   */
  setPoint(params: Float64Array): number;
  /** out = H v at the last point (v, out: p entries; may be any Float64Arrays, out ≠ v). */
  apply(v: Float64Array, out: Float64Array): void;
  /** The gradient ∂L/∂θ at the last point, computed in the same sweep by `apply` (valid after one call). */
  readonly gradient: Float64Array;
}

/**
 * The Hessian operator of `objective` over the n points of X (n × d, row-major) for this model.
 * Allocates once (through `backend`), about 6 × n × Σ widths + 4 × p float64 values; products allocate
 * nothing. X is copied into the backend's memory once when the backend keeps its own.
 */
export function hessianOperator(
  mlp: Mlp,
  X: Float64Array,
  n: number,
  objective: OutputObjective,
  backend: Backend,
): HessianOperator {
  const outputs = mlp.spec.outputDim ?? 1;
  if (objective.outputs !== outputs) {
    throw new Error(
      `hessianOperator: the objective is for ${objective.outputs} outputs, the model has ${outputs}`,
    );
  }
  if (X.length < n * mlp.spec.inputDim) {
    throw new Error(`hessianOperator: X holds ${X.length} values, n × d = ${n * mlp.spec.inputDim} needed`);
  }
  const x = resident(backend, X);
  const ws = createWorkspace(mlp, n, backend);
  const L = mlp.layers.length;
  const widths = mlp.layers.map((layer) => layer.outputs);
  const maxWidth = Math.max(mlp.spec.inputDim, ...widths);
  const maxWeight = Math.max(...mlp.layers.map((layer) => layer.inputs * layer.outputs));
  const rz = widths.map((w) => backend.alloc(n * w));
  const rh = widths
    .slice(0, -1)
    .map((w, l) => (mlp.spec.activation === "linear" ? rz[l] : backend.alloc(n * w)));
  const buf = () => backend.alloc(n * maxWidth);
  const dz = [buf(), buf()];
  const rdz = [buf(), buf()];
  const dh = buf();
  const rdh = buf();
  const scratch = { a: buf(), b: buf() };
  const weightT = backend.alloc(maxWeight);
  const vWeightT = backend.alloc(maxWeight);
  const vm = backend.alloc(mlp.size);
  const hv = backend.alloc(mlp.size);
  const gradient = backend.alloc(mlp.size);
  const views = {
    v: { flat: null, W: [], b: [] } as LayerViews,
    hv: { flat: null, W: [], b: [] } as LayerViews,
    g: { flat: null, W: [], b: [] } as LayerViews,
  };
  let params: Float64Array | null = null;

  function setPoint(p: Float64Array): number {
    params = p;
    forward(mlp, p, x, n, ws, backend);
    return objective.gradient(ws.logits, n, ws.dLogits);
  }

  function apply(v: Float64Array, out: Float64Array): void {
    if (!params) throw new Error("HessianOperator.apply: call setPoint(params) first");
    if (v.length !== mlp.size || out.length !== mlp.size) {
      throw new Error(
        `HessianOperator.apply: vectors must have ${mlp.size} entries (got ${v.length}, ${out.length})`,
      );
    }
    vm.set(v);
    const V = layerViews(mlp, vm, views.v);
    mlp.layers.forEach((layer, l) => {
      if (mlp.diagonal[l]) zeroOffDiagonal(V.W[l], layer.outputs, layer.inputs);
    });
    const P = layerViews(mlp, params, ws.views.params);
    rForward(P, V);
    const last = L - 1;
    objective.curvature(rz[last], n, rdz[0]);
    dz[0].set(ws.dLogits.subarray(0, n * outputs));
    rBackward(P, V);
    out.set(hv);
  }

  function rForward(P: LayerViews, V: LayerViews): void {
    const { activation, leakySlope } = mlp.spec;
    for (let l = 0; l < L; l++) {
      const layer = mlp.layers[l];
      const input = l === 0 ? x : ws.h[l - 1];
      backend.gemmABt(input, V.W[l], rz[l], n, layer.outputs, layer.inputs);
      if (l > 0) backend.gemmABt(rh[l - 1], P.W[l], rz[l], n, layer.outputs, layer.inputs, true);
      const vb = V.b[l];
      if (vb) addRows(rz[l], vb, n, layer.outputs);
      if (l + 1 < L && activation !== "linear") {
        scaleByDerivative(activation, ws.z[l], ws.h[l], rz[l], rh[l], n * layer.outputs, leakySlope);
      }
    }
  }

  function rBackward(P: LayerViews, V: LayerViews): void {
    const { activation, leakySlope } = mlp.spec;
    const H = layerViews(mlp, hv, views.hv);
    const G = layerViews(mlp, gradient, views.g);
    let ping = 0;
    for (let l = L - 1; l >= 0; l--) {
      const layer = mlp.layers[l];
      const o = layer.outputs;
      const i = layer.inputs;
      const input = l === 0 ? x : ws.h[l - 1];
      const d = dz[ping];
      const rd = rdz[ping];
      atb(rd, input, H.W[l], o, i, false);
      if (l > 0) atb(d, rh[l - 1], H.W[l], o, i, true);
      atb(d, input, G.W[l], o, i, false);
      if (mlp.diagonal[l]) {
        zeroOffDiagonal(H.W[l], o, i);
        zeroOffDiagonal(G.W[l], o, i);
      }
      const hb = H.b[l];
      if (hb) columnSums(rd, n, o, hb);
      const gb = G.b[l];
      if (gb) columnSums(d, n, o, gb);
      if (l === 0) break;
      // dh = dz·W, R{dh} = R{dz}·W + dz·V, as A·Bᵀ with B = Wᵀ.
      const WT = transposed(P.W[l], o, i, weightT);
      const VT = transposed(V.W[l], o, i, vWeightT);
      backend.gemmABt(d, WT, dh, n, i, o);
      backend.gemmABt(rd, WT, rdh, n, i, o);
      backend.gemmABt(d, VT, rdh, n, i, o, true);
      const next = ping ^ 1;
      chainRule(activation, leakySlope, ws.z[l - 1], ws.h[l - 1], rz[l - 1], n * i, dz[next], rdz[next]);
      ping = next;
    }
  }

  /** dz ← dh ⊙ φ', R{dz} ← R{dh} ⊙ φ' + dh ⊙ φ'' ⊙ R{z}. */
  function chainRule(
    kind: ActivationKind,
    slope: number,
    z: Float64Array,
    h: Float64Array,
    rzPrev: Float64Array,
    len: number,
    dzOut: Float64Array,
    rdzOut: Float64Array,
  ): void {
    for (let j = 0; j < len; j++) {
      const p = derivative(kind, z[j], h[j], slope);
      dzOut[j] = dh[j] * p;
      rdzOut[j] = rdh[j] * p;
      if (kind === "tanh") rdzOut[j] += dh[j] * (-2 * h[j] * p) * rzPrev[j];
    }
  }

  /** C (m × k) = Aᵀ B for A (n × m), B (n × k), through gemmAtB or, without it, two transposes. */
  function atb(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, acc: boolean): void {
    if (backend.gemmAtB) {
      backend.gemmAtB(A, B, C, m, k, n, acc);
      return;
    }
    const At = transposed(A, n, m, scratch.a);
    const Bt = transposed(B, n, k, scratch.b);
    backend.gemmABt(At, Bt, C, m, k, n, acc);
  }

  function transposed(A: Float64Array, rows: number, cols: number, out: Float64Array): Float64Array {
    if (rows === 1 || cols === 1) return A;
    backend.transpose(A, rows, cols, out);
    return out;
  }

  return { size: mlp.size, setPoint, apply, gradient };
}

/** φ'(z) from z and h = φ(z), with the training's convention φ'(0) = 0 for relu (slope for leaky-relu). */
export function derivative(kind: ActivationKind, z: number, h: number, slope: number): number {
  switch (kind) {
    case "relu":
      return z > 0 ? 1 : 0;
    case "leaky-relu":
      return z > 0 ? 1 : slope;
    case "tanh":
      return 1 - h * h;
    case "linear":
      return 1;
  }
}

function scaleByDerivative(
  kind: ActivationKind,
  z: Float64Array,
  h: Float64Array,
  r: Float64Array,
  out: Float64Array,
  len: number,
  slope: number,
): void {
  for (let j = 0; j < len; j++) out[j] = derivative(kind, z[j], h[j], slope) * r[j];
}

function addRows(M: Float64Array, v: Float64Array, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) M[r * cols + c] += v[c];
}

function columnSums(M: Float64Array, rows: number, cols: number, out: Float64Array): void {
  out.fill(0);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c] += M[r * cols + c];
}
