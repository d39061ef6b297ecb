/**
 * The edge-of-stability workloads of Cohen et al. (ICLR 2021, github.com/locuslab/edge-of-stability,
 * src/synthetic.py): n points evenly spaced on [−1, 1] labelled by the Chebyshev polynomial T_k
 * ("chebyshev-5-20": k = 5, n = 20), fit by a fully connected tanh net under the mean squared loss
 * ½·mean (f − y)², as their `SquaredLoss` summed and divided by n. Real-valued targets, so the trainer
 * (whose data are labelled ±1) is not used: the engine's forward/backward, Hessian-vector products and
 * Lanczos are driven directly, on the JS backend (same bits as wasm).
 */
import { jsBackend } from "../../engine/backend-js.js";
import { type HessianOperator, hessianOperator } from "../../engine/hvp.js";
import { lanczosTop } from "../../engine/lanczos.js";
import { createMlp, type Mlp } from "../../engine/mlp.js";
import type { OutputObjective } from "../../engine/output-curvature.js";
import { backward, forward } from "../../engine/propagate.js";
import { Rng } from "../../engine/rng.js";
import { createWorkspace, type Workspace } from "../../engine/workspace.js";

/** A workload: the net and its data. */
export interface EosWorkload {
  /** Hidden widths, e.g. [100]. */
  hidden: number[];
  /** Degree k of the Chebyshev target T_k. */
  degree: number;
  /** Number of points n. */
  points: number;
}

/** T_k(x) by the recurrence T_{j+1} = 2x T_j − T_{j−1}. */
export function chebyshev(k: number, x: number): number {
  let a = 1;
  let b = x;
  if (k === 0) return 1;
  for (let j = 1; j < k; j++) [a, b] = [b, 2 * x * b - a];
  return b;
}

/** ½·mean (f − y)² over n points: gradient (f − y)/n, curvature 1/n. */
function meanSquared(targets: Float64Array): OutputObjective {
  return {
    outputs: 1,
    gradient(f, n, dOut) {
      let loss = 0;
      for (let i = 0; i < n; i++) {
        const e = f[i] - targets[i];
        dOut[i] = e / n;
        loss += (0.5 * e * e) / n;
      }
      return loss;
    },
    curvature(r, n, out) {
      for (let i = 0; i < n; i++) out[i] = r[i] / n;
    },
  };
}

/** One net on its data: loss and gradient at any parameters, λ_max there, and its initial parameters. */
export interface EosNet {
  mlp: Mlp;
  /** Parameters at init (PyTorch's nn.Linear default: U(±1/√fan_in) for weights and biases). */
  initial: Float64Array;
  /** Loss at θ; writes ∇L(θ) into `grad`. */
  lossAndGradient(theta: Float64Array, grad: Float64Array): number;
  /** λ_max of the Hessian at θ (Lanczos, warm-started from the last call's eigenvector). */
  sharpness(theta: Float64Array): number;
}

/** Builds the workload's net with its seed's init. */
export function eosNet(w: EosWorkload, seed: number): EosNet {
  const n = w.points;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = n === 1 ? 0 : -1 + (2 * i) / (n - 1);
    y[i] = chebyshev(w.degree, x[i]);
  }
  const mlp = createMlp(
    { inputDim: 1, hidden: w.hidden, activation: "tanh", bias: true, leakySlope: 0 },
    jsBackend,
  );
  const rng = new Rng(seed).fork("eos-init");
  for (const L of mlp.layers) {
    const h = 1 / Math.sqrt(L.inputs);
    for (let i = 0; i < L.inputs * L.outputs; i++)
      mlp.params[L.weightOffset + i] = h * (2 * rng.uniform() - 1);
    for (let i = 0; i < L.outputs; i++) mlp.params[L.biasOffset + i] = h * (2 * rng.uniform() - 1);
  }
  const objective = meanSquared(y);
  const ws: Workspace = createWorkspace(mlp, n, jsBackend);
  const H: HessianOperator = hessianOperator(mlp, x, n, objective, jsBackend);
  let start: Float64Array | undefined;
  return {
    mlp,
    initial: Float64Array.from(mlp.params),
    lossAndGradient(theta, grad) {
      forward(mlp, theta, x, n, ws, jsBackend);
      const loss = objective.gradient(ws.logits, n, ws.dLogits);
      backward(mlp, theta, x, n, ws, jsBackend, grad);
      return loss;
    },
    sharpness(theta) {
      H.setPoint(theta);
      const r = lanczosTop((v, out) => H.apply(v, out), H.size, {
        k: 1,
        basis: Math.min(20, H.size),
        maxRestarts: 30,
        tolerance: 1e-6,
        start,
      });
      if (r.vectors) start = r.vectors[0];
      return r.values[0];
    },
  };
}
