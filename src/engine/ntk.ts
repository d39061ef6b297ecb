import { type Backend, resident } from "./backend.js";
import { derivative } from "./hvp.js";
import type { Mlp } from "./mlp.js";
import { forward } from "./propagate.js";
import { createWorkspace, layerViews, type Workspace } from "./workspace.js";

/** Options of `ntkGram`. */
export interface NtkOptions {
  /**
   * Points per row block (default 256): the Gram matrix is filled B rows at a time, so the temporaries are
   * two B × n blocks instead of n × n ones.
   */
  blockRows?: number;
}

/** The empirical NTK Gram matrix of a model at one point of parameter space. */
export interface NtkGram {
  /** Rows and columns: n · o, index i·o + c for point i and output c. */
  size: number;
  /** K = J Jᵀ (size × size, row-major, symmetric), J = ∂outputs/∂θ over the free parameters. */
  gram: Float64Array;
}

/**
 * The empirical neural tangent kernel K = J Jᵀ over n points (J: the Jacobian of the outputs with respect
 * to the free parameters, diagonal constraints respected), without forming J. For an MLP each point's
 * gradient of W_l is an outer product ∂f/∂z_l ⊗ a_{l−1}, so
 *
 *   K[i, j] = Σ_l (D_l[i] · D_l[j]) · (a_{l−1}[i] · a_{l−1}[j] + [bias])
 *
 * with D_l = ∂f/∂z_l per point (one backward sweep with ∂L/∂f = 1 per point and output) and a_{l−1} the
 * layer's input; a diagonal layer contributes Σ_k D_l[i,k] a[i,k] D_l[j,k] a[j,k] instead. Each block is
 * a few products through the backend (gemmABt), so all backends run it.
 *
 * Memory: the result, 8 · (n·o)² bytes (n = 3000, o = 1: 72 MB); D and the activations, 8 · n · o · Σ
 * widths bytes; two blocks of 8 · B · n bytes. Cost: o backward sweeps plus, per layer, (o² + 1) products
 * of n × n × width: for n = 3000 and width 100 about 2 GFLOP a layer.
 */
export function ntkGram(
  mlp: Mlp,
  params: Float64Array,
  X: Float64Array,
  n: number,
  backend: Backend,
  options: NtkOptions = {},
): NtkGram {
  return ntkOperator(mlp, X, n, backend, options).compute(params);
}

/** An NTK over fixed points whose buffers are allocated once (for probes that call it at every record). */
export interface NtkOperator {
  /** n · o. */
  readonly size: number;
  /** K at `params`; the returned `gram` is this operator's own buffer, overwritten by the next call. */
  compute(params: Float64Array): NtkGram;
}

/** Sets up `ntkGram` for repeated calls on the same points (see ntkGram for what it computes and costs). */
export function ntkOperator(
  mlp: Mlp,
  X: Float64Array,
  n: number,
  backend: Backend,
  options: NtkOptions = {},
): NtkOperator {
  const o = mlp.spec.outputDim ?? 1;
  const B = Math.max(1, Math.min(n, options.blockRows ?? 256));
  const x = resident(backend, X);
  const ws = createWorkspace(mlp, n, backend);
  const L = mlp.layers.length;
  const D = Array.from({ length: o }, () => mlp.layers.map((layer) => backend.alloc(n * layer.outputs)));
  const maxWeight = Math.max(...mlp.layers.map((layer) => layer.inputs * layer.outputs));
  const WT = backend.alloc(maxWeight);
  const inputs = mlp.layers.map((_, l) => (l === 0 ? x : ws.h[l - 1]));
  const diagonalProducts = mlp.layers.map((layer, l) =>
    mlp.diagonal[l] ? D.map(() => backend.alloc(n * Math.min(layer.outputs, layer.inputs))) : null,
  );
  const size = n * o;
  const gram = new Float64Array(size * size);
  const GA = backend.alloc(B * n);
  const GD = backend.alloc(B * n);

  function compute(params: Float64Array): NtkGram {
    forward(mlp, params, x, n, ws, backend);
    outputSensitivities(mlp, params, n, ws, backend, D, WT);
    mlp.layers.forEach((layer, l) => {
      const dp = diagonalProducts[l];
      if (dp)
        for (let c = 0; c < o; c++)
          diagonalProduct(D[c][l], inputs[l], n, layer.outputs, layer.inputs, dp[c]);
    });
    gram.fill(0);
    for (let a = 0; a < n; a += B) {
      const rows = Math.min(B, n - a);
      for (let l = 0; l < L; l++) accumulateLayer(l, a, rows);
    }
    return { size, gram };
  }

  function accumulateLayer(l: number, a: number, rows: number): void {
    const layer = mlp.layers[l];
    const dp = diagonalProducts[l];
    const hasBias = mlp.spec.bias;
    const w = layer.outputs;
    if (!dp) {
      const A = inputs[l];
      backend.gemmABt(A.subarray(a * layer.inputs), A, GA, rows, n, layer.inputs);
    }
    for (let c = 0; c < o; c++) {
      for (let c2 = 0; c2 < o; c2++) {
        if (dp) {
          const k = Math.min(layer.outputs, layer.inputs);
          backend.gemmABt(dp[c].subarray(a * k), dp[c2], GA, rows, n, k);
          accumulate(gram, GA, null, rows, n, a, o, c, c2, size);
        }
        if (!dp || hasBias) {
          backend.gemmABt(D[c][l].subarray(a * w), D[c2][l], GD, rows, n, w);
          accumulate(gram, GD, dp ? null : GA, rows, n, a, o, c, c2, size, hasBias && !dp);
        }
      }
    }
  }

  return { size, compute };
}

/**
 * gram[(a+r)·o + c, j·o + c2] += G1[r, j] · (G2[r, j] + plusOne) (G2 null: just G1, counted once even with
 * plusOne; for a diagonal layer's bias term this is called with G2 null and plusOne false).
 */
function accumulate(
  gram: Float64Array,
  G1: Float64Array,
  G2: Float64Array | null,
  rows: number,
  n: number,
  a: number,
  o: number,
  c: number,
  c2: number,
  size: number,
  plusOne = false,
): void {
  const add = plusOne ? 1 : 0;
  for (let r = 0; r < rows; r++) {
    const row = ((a + r) * o + c) * size;
    for (let j = 0; j < n; j++) {
      const g = G1[r * n + j];
      gram[row + j * o + c2] += G2 ? g * (G2[r * n + j] + add) : g;
    }
  }
}

/**
 * D[c][l] (n × outputs_l) ← ∂f_c/∂z_l for every point, by one backward sweep per output c from
 * ∂f/∂f = e_c (each point's output depends only on its own activations, so one sweep gives every row).
 */
function outputSensitivities(
  mlp: Mlp,
  params: Float64Array,
  n: number,
  ws: Workspace,
  backend: Backend,
  D: Float64Array[][],
  WT: Float64Array,
): void {
  const o = mlp.spec.outputDim ?? 1;
  const { activation, leakySlope } = mlp.spec;
  const L = mlp.layers.length;
  const P = layerViews(mlp, params, ws.views.params);
  D.forEach((Dc, c) => {
    Dc[L - 1].fill(0);
    for (let i = 0; i < n; i++) Dc[L - 1][i * o + c] = 1;
    for (let l = L - 1; l > 0; l--) {
      const layer = mlp.layers[l];
      const next = Dc[l - 1];
      const single = layer.outputs === 1 || layer.inputs === 1;
      if (!single) backend.transpose(P.W[l], layer.outputs, layer.inputs, WT);
      backend.gemmABt(Dc[l], single ? P.W[l] : WT, next, n, layer.inputs, layer.outputs);
      const z = ws.z[l - 1];
      const h = ws.h[l - 1];
      for (let j = 0; j < n * layer.inputs; j++) next[j] *= derivative(activation, z[j], h[j], leakySlope);
    }
  });
}

/** out (n × min(out, in)) ← D[i,k]·a[i,k], the per-point gradient of a diagonal layer's free entries. */
function diagonalProduct(
  D: Float64Array,
  A: Float64Array,
  n: number,
  outputs: number,
  inputs: number,
  out: Float64Array,
): void {
  const k = Math.min(outputs, inputs);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) out[i * k + j] = D[i * outputs + j] * A[i * inputs + j];
}
