/**
 * The paper's own network under its own loss (THEORY.md §1): a bias-free two-layer ReLU net
 * f(x) = v·relu(W x), cross-entropy summed over the points L = Σ log(1 + e^{−y f}), labels ±1. The data
 * are n Gaussian points in R^d with labels drawn independently of x: with n > 2d they are not linearly
 * separable, so the net has to memorize, its weights grow and it sharpens progressively (on an easy set
 * such as two moons CE's loss falls so fast that λ_max only decreases from init: tried, no edge).
 * Init Gaussian, standard deviation `initScale`/√d (first layer) and `outputScale`/√h (output).
 */
import { createBackend } from "../../engine/backends.js";
import { createMlp } from "../../engine/mlp.js";
import { lossObjective } from "../../engine/output-curvature.js";
import { Rng } from "../../engine/rng.js";
import { type EosNet, netOnData } from "./net-on-data.js";

/** The ReLU cross-entropy workload. */
export interface ReluCeWorkload {
  kind: "relu-ce";
  /** Input dimension d. */
  dim: number;
  /** Points n. */
  points: number;
  /** Hidden width h. */
  hidden: number;
  /** Init of the first layer: weights N(0, (initScale/√d)²). */
  initScale: number;
  /** Init of the output layer: weights N(0, (outputScale/√h)²) (small: f ≈ 0 at init, loss ≈ n·ln 2). */
  outputScale: number;
}

/** n points x ~ N(0, I/d) in R^d with labels ±1 drawn independently of x. */
function randomLabels(n: number, d: number, rng: Rng) {
  const x = Float64Array.from({ length: n * d }, () => rng.normal() / Math.sqrt(d));
  const y = Float64Array.from({ length: n }, () => (rng.uniform() < 0.5 ? -1 : 1));
  return { x, y };
}

/** The ReLU net on its random-label data under summed cross-entropy, with its seed's data and init. */
export function reluCeNet(w: ReluCeWorkload, seed: number): EosNet {
  const rng = new Rng(seed).fork("eos-relu-ce");
  const { x, y } = randomLabels(w.points, w.dim, rng.fork("data"));
  const backend = createBackend();
  const mlp = createMlp(
    { inputDim: w.dim, hidden: [w.hidden], activation: "relu", bias: false, leakySlope: 0 },
    backend,
  );
  const init = rng.fork("init");
  for (const [l, L] of mlp.layers.entries()) {
    const std = (l === 0 ? w.initScale : w.outputScale) / Math.sqrt(L.inputs);
    for (let i = 0; i < L.inputs * L.outputs; i++) mlp.params[L.weightOffset + i] = std * init.normal();
  }
  const objective = lossObjective({ kind: "ce", reduction: "sum", margin: 1 }, y);
  return netOnData(mlp, x, w.points, objective, backend);
}
