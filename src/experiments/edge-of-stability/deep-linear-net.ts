/**
 * Cohen et al.'s deep linear workload (github.com/locuslab/edge-of-stability: src/archs.py
 * `make_deeplinear(20, 50)`, src/synthetic.py `make_linear_dataset(50, 50)`): a bias-free linear net of
 * `depth` square width × width layers, Xavier-normal init (std 1/√width), on n points X = √n·Q (Q with
 * orthonormal columns, so XᵀX = n·I) with targets Y = X Aᵀ for a Gaussian A, under ½·Σ‖f − y‖²/n.
 */

import { randomOrthonormal } from "../../data/orthonormal.js";
import { createBackend } from "../../engine/backends.js";
import { createMlp } from "../../engine/mlp.js";
import { Rng } from "../../engine/rng.js";
import { type EosNet, meanSquaredObjective, netOnData } from "./net-on-data.js";

/** The deep linear workload. */
export interface DeepLinearWorkload {
  kind: "deep-linear";
  /** Number of weight layers (20 in the reference code). */
  depth: number;
  /** Input, hidden and output width d (50). */
  width: number;
  /** Number of points n ≥ d (50). */
  points: number;
}

/** X (n × d) with XᵀX = n·I and Y = X Aᵀ, A with N(0, 1) entries. */
function linearData(n: number, d: number, rng: Rng): { x: Float64Array; y: Float64Array } {
  const q = randomOrthonormal(d, n, rng.fork("x"));
  const x = new Float64Array(n * d);
  for (let i = 0; i < n; i++) for (let c = 0; c < d; c++) x[i * d + c] = Math.sqrt(n) * q[c * n + i];
  const a = rng.fork("a");
  const A = Float64Array.from({ length: d * d }, () => a.normal());
  const y = new Float64Array(n * d);
  for (let i = 0; i < n; i++)
    for (let r = 0; r < d; r++) {
      let s = 0;
      for (let c = 0; c < d; c++) s += x[i * d + c] * A[r * d + c];
      y[i * d + r] = s;
    }
  return { x, y };
}

/** The deep linear net on its data with its seed's init. */
export function deepLinearNet(w: DeepLinearWorkload, seed: number): EosNet {
  const { depth, width: d, points: n } = w;
  if (!(depth >= 1 && d >= 1 && n >= d))
    throw new Error(
      `deep-linear workload: need depth ≥ 1, width ≥ 1, points ≥ width; got ${depth}, ${d}, ${n}`,
    );
  const rng = new Rng(seed).fork("eos-deep-linear");
  const { x, y } = linearData(n, d, rng.fork("data"));
  const backend = createBackend();
  const mlp = createMlp(
    {
      inputDim: d,
      hidden: Array(depth - 1).fill(d),
      activation: "linear",
      bias: false,
      leakySlope: 0,
      outputDim: d,
    },
    backend,
  );
  const init = rng.fork("init");
  for (let i = 0; i < mlp.params.length; i++) mlp.params[i] = init.normal() / Math.sqrt(d);
  return netOnData(mlp, x, n, meanSquaredObjective(y, d), backend);
}
