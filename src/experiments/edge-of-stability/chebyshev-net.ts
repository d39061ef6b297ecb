/**
 * Cohen et al.'s (ICLR 2021, github.com/locuslab/edge-of-stability, src/synthetic.py) "chebyshev-k-n":
 * n points evenly spaced on [−1, 1] labelled by the Chebyshev polynomial T_k, fit by a fully connected
 * tanh net with biases (PyTorch's nn.Linear default init) under ½·mean (f − y)².
 */
import { createBackend } from "../../engine/backends.js";
import { createMlp } from "../../engine/mlp.js";
import { Rng } from "../../engine/rng.js";
import { type EosNet, meanSquaredObjective, netOnData } from "./net-on-data.js";

/** The Chebyshev workload. */
export interface ChebyshevWorkload {
  kind: "chebyshev";
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

/** The tanh net on chebyshev-k-n, init U(±1/√fan_in) for weights and biases (PyTorch's nn.Linear). */
export function chebyshevNet(w: ChebyshevWorkload, seed: number): EosNet {
  const n = w.points;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = n === 1 ? 0 : -1 + (2 * i) / (n - 1);
    y[i] = chebyshev(w.degree, x[i]);
  }
  const backend = createBackend();
  const mlp = createMlp(
    { inputDim: 1, hidden: w.hidden, activation: "tanh", bias: true, leakySlope: 0 },
    backend,
  );
  const rng = new Rng(seed).fork("eos-init");
  for (const L of mlp.layers) {
    const h = 1 / Math.sqrt(L.inputs);
    for (let i = 0; i < L.inputs * L.outputs; i++)
      mlp.params[L.weightOffset + i] = h * (2 * rng.uniform() - 1);
    for (let i = 0; i < L.outputs; i++) mlp.params[L.biasOffset + i] = h * (2 * rng.uniform() - 1);
  }
  return netOnData(mlp, x, n, meanSquaredObjective(y, 1), backend);
}
