/**
 * C5's limit: a dense ReLU network (Gaussian init, width ≫ number of features) trained on several features
 * at once, carried by overlapping random sets of points. Here the features are not the network's modes
 * (every unit sees every feature; carriers shared by two features couple them through σ(−m)), so P10's
 * times are only a guide. Measures the time each feature's margin r·(f(u) − f(−u))/2 reaches 1.
 */
import type { RunConfigInput } from "../../config/run-config.js";
import { crossingTime, featureStrength } from "../../kit/measure/feature-response.js";
import { runConfig } from "../../kit/measure/run.js";
import { fitLine } from "../../math/fit.js";

/** Options of {@link measureDenseFeatureTimes}. */
export interface DenseFeatureOptions {
  /** The features: frequency p and norm r each (carriers drawn independently per feature). */
  features: { p: number; r: number }[];
  /** Hidden width. Default 64. */
  width?: number;
  /** Std of the Gaussian init of every layer (output rescaled to balance). Default 0.01. */
  scale?: number;
  /** Training points. Default 200. */
  n?: number;
  /** Learning rate. Default 0.1. */
  lr?: number;
  /** Steps. Default 6000. */
  steps?: number;
  /** Seed (data and init). Default 0. */
  seed?: number;
}

/** Per feature: the measured time to r·u = 1 (Infinity if not reached), and the fitted slope vs p·r. */
export interface DenseFeatureResult {
  times: { p: number; r: number; t: number }[];
  /** Slope of log t against log(p·r) over the features that were learned (theory: −1). */
  slope: number;
  config: RunConfigInput;
}

/** Trains the dense net on every feature at once and measures each feature's learning time. */
export function measureDenseFeatureTimes(o: DenseFeatureOptions): DenseFeatureResult {
  const n = o.n ?? 200;
  const steps = o.steps ?? 6000;
  const config: RunConfigInput = {
    name: "c5 limit: dense ReLU net, all features at once",
    seed: o.seed ?? 0,
    data: {
      kind: "features",
      n,
      features: o.features.map((f, j) => ({ name: `F${j + 1}`, norm: f.r, frequency: f.p })),
    },
    model: { hidden: [o.width ?? 64], activation: "relu", bias: false },
    init: { scheme: "gaussian", scale: o.scale ?? 0.01, balanced: true },
    loss: { kind: "ce", reduction: "mean" },
    optimizer: { kind: "gd", lr: o.lr ?? 0.1 },
    train: { steps },
    probes: {
      schedule: { kind: "every", every: Math.max(1, Math.floor(steps / 1500)) },
      include: ["feature-responses"],
    },
  };
  const run = runConfig(config);
  const times = o.features.map((f, j) => {
    const curve = run.history.map((rec) => ({ x: rec.t, y: f.r * featureStrength(rec, j) }));
    return { p: Math.round(f.p * n) / n, r: f.r, t: crossingTime(curve, 1) };
  });
  const learned = times.filter((x) => Number.isFinite(x.t));
  const slope =
    learned.length >= 2
      ? fitLine(
          learned.map((x) => ({ x: x.p * x.r, y: x.t })),
          "log",
          "log",
        ).slope
      : Number.NaN;
  return { times, slope, config };
}
