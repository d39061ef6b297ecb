/**
 * C5 / P10 measurement: how long a network takes to learn one feature of norm r carried by a fraction p of
 * the points (THEORY.md §5), measured on the engine and compared with the mode theory.
 *
 * Network ("the theory's mode, as a network"). A feature's mode is a chain of D scalar weights on the
 * feature's coordinate, u = w_1·…·w_D, all started at a0 (balanced, u0 = a0^D = ε). Two realizations:
 *
 * - `"linear"`: hidden widths [1, …, 1], identity activation. One chain is pushed by every carrier, of
 *   both labels: a_l' = q r σ(−m) u/a_l with q = p (mean loss). This is literally THEORY.md §5's mode.
 * - `"relu-pair"`: hidden widths [2, …, 2], ReLU, W₁ = [a0; −a0], diagonal a0 in the middle layers,
 *   output [a0, −a0]. Each ReLU path only fires on the carriers of one label (x_k = y r), so each path is
 *   a mode pushed by half of the carriers: the same law with q = p/2 (times twice as long). f stays linear,
 *   f(x) = u·x, and both paths stay equal by symmetry.
 *
 * Why one feature per run: with a trainable dense first layer, features carried by the same points do NOT
 * stay separate modes (the unit of a frequent feature grows along the rare one: see c7's findings), and
 * a hidden layer shared by several features couples them through the output weights (THEORY.md §2). With
 * features on disjoint points the modes are exactly independent, so K features in one diagonal network
 * are the same computation as K runs with one feature each (the other points carry nothing, f = 0 there,
 * and they only dilute the mean loss: this is what frequency means). The data is the engine's "features"
 * generator with that single feature.
 *
 * "Learned": the carriers' margin r·u reaches 1 (u = f(u_k), the feature-responses probe): the time at
 * which THEORY.md's early growth u ≈ ε e^{p r t} gives r u = 1.
 */
import type { RunConfigInput } from "../../config/run-config.js";
import { crossingTime, featureStrength } from "../../kit/measure/feature-response.js";
import { runConfig } from "../../kit/measure/run.js";
import { featureLearningTimeApprox, featureLearningTimeExact } from "../../theory/feature-learning-time.js";

/** A network realizing one feature's mode (see the module comment). */
export type FeatureNetwork = "linear" | "relu-pair";

/** Options of {@link measureFeatureLearningTime}. */
export interface FeatureTimeOptions {
  /** Frequency p: fraction of the n training points that carry the feature (rounded to p·n points). */
  p: number;
  /** Norm r of the feature in a point that carries it. */
  r: number;
  /** Initial weight a0 of every layer (balanced chain); the initial mode strength is ε = a0^depth. */
  a0: number;
  /** Depth D (number of weight layers, ≥ 2). Default 2. */
  depth?: number;
  /** Network realizing the mode. Default "linear". */
  network?: FeatureNetwork;
  /** Training points. Default 200. */
  n?: number;
  /**
   * Learning rate as a fraction of the mode's early rate: lr = lrRate/(q·r). Default 0.005 (GD then follows
   * the flow to ~0.3% in time). Ignored when `lr` is given.
   */
  lrRate?: number;
  /** Learning rate, overriding lrRate. */
  lr?: number;
  /** Run until this multiple of the predicted (exact) time. Default 1.5. */
  horizon?: number;
  /** Seed of the data (which points carry the feature). Default 0. */
  seed?: number;
}

/** What {@link measureFeatureLearningTime} measured and predicted. */
export interface FeatureTimeResult {
  /** The realized frequency round(p n)/n. */
  p: number;
  r: number;
  depth: number;
  network: FeatureNetwork;
  /** Fraction of the points pushing one path of the mode: p (linear) or p/2 (relu-pair). */
  q: number;
  /** Initial mode strength a0^D. */
  eps: number;
  /** Measured time at which r·u first reaches 1 (t = lr·steps); Infinity if it never did. */
  measured: number;
  /** The mode ODE's exact time to r·u = 1 (quadrature of the separated ODE). */
  exact: number;
  /** THEORY.md's leading-order formula: ln(1/(r ε))/(q r) (D = 2) or 2 a0^{−(D−2)}/((D−2) q r). */
  approx: number;
  /** r·u over time, for learning-curve figures. */
  curve: { x: number; y: number }[];
  /** The config that was run. */
  config: RunConfigInput;
}

/** THEORY.md §5's leading-order time (P10) for a mode pushed by a fraction q of the points (src/theory). */
export function approxLearningTime(q: number, r: number, a0: number, depth: number): number {
  return featureLearningTimeApprox({ p: q, r, a0, depth });
}

/** The mode ODE's exact time to margin r·u = 1 (src/theory/feature-learning-time.ts, P10). */
export function exactLearningTime(q: number, r: number, a0: number, depth: number): number {
  return featureLearningTimeExact({ p: q, r, a0, depth });
}

/** The explicit weights of a feature's mode network (see the module comment). */
export function modeNetworkWeights(network: FeatureNetwork, depth: number, a0: number): { W: number[][] }[] {
  const layers: { W: number[][] }[] = [];
  for (let l = 0; l < depth; l++) {
    const last = l === depth - 1;
    if (network === "linear") layers.push({ W: [[a0]] });
    else if (l === 0) layers.push({ W: [[a0], [-a0]] });
    else if (last) layers.push({ W: [[a0, -a0]] });
    else
      layers.push({
        W: [
          [a0, 0],
          [0, a0],
        ],
      });
  }
  return layers;
}

/**
 * Trains the mode network on "features" data with one feature (norm r, frequency p) under mean-reduced CE
 * and GD, and returns the time at which the carriers' margin r·u reaches 1, with the exact and leading-order
 * predictions of THEORY.md §5 (P10).
 */
export function measureFeatureLearningTime(o: FeatureTimeOptions): FeatureTimeResult {
  const depth = o.depth ?? 2;
  const network = o.network ?? "linear";
  const n = o.n ?? 200;
  if (!Number.isInteger(depth) || depth < 2)
    throw new Error(`measureFeatureLearningTime: depth must be an integer ≥ 2, got ${depth}`);
  const carriers = Math.round(o.p * n);
  if (carriers < 2)
    throw new Error(`measureFeatureLearningTime: p·n = ${o.p * n} rounds to < 2 carriers; raise n or p`);
  const p = carriers / n;
  const q = network === "linear" ? p : p / 2;
  const exact = exactLearningTime(q, o.r, o.a0, depth);
  const approx = approxLearningTime(q, o.r, o.a0, depth);
  const lr = o.lr ?? (o.lrRate ?? 0.005) / (q * o.r);
  const steps = Math.max(10, Math.ceil(((o.horizon ?? 1.5) * exact) / lr));
  const config: RunConfigInput = {
    name: `c5: feature p=${p}, r=${o.r}, depth ${depth}, ${network}, a0=${o.a0}`,
    seed: o.seed ?? 0,
    data: {
      kind: "features",
      n,
      features: [{ name: "F", norm: o.r, frequency: p, correlation: "correlated" }],
    },
    model: {
      hidden: new Array<number>(depth - 1).fill(network === "linear" ? 1 : 2),
      activation: network === "linear" ? "linear" : "relu",
      bias: false,
    },
    init: { scheme: "explicit", weights: modeNetworkWeights(network, depth, o.a0) },
    loss: { kind: "ce", reduction: "mean" },
    optimizer: { kind: "gd", lr },
    train: { steps },
    probes: {
      schedule: { kind: "every", every: Math.max(1, Math.floor(steps / 1500)) },
      include: ["feature-responses"],
    },
  };
  const run = runConfig(config);
  const curve = run.history.map((rec) => ({ x: rec.t, y: o.r * featureStrength(rec, 0) }));
  return {
    p,
    r: o.r,
    depth,
    network,
    q,
    eps: o.a0 ** depth,
    measured: crossingTime(curve, 1),
    exact,
    approx,
    curve,
    config,
  };
}
