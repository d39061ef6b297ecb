/**
 * C5's runs: one feature per run for every (p, r) with 2 layers, every p at depths D ≥ 3, the ReLU-pair
 * realization, and the limit runs (a dense network on shared carriers, larger init, larger steps).
 */
import { type DenseFeatureResult, measureDenseFeatureTimes } from "./dense-limit.js";
import { type FeatureTimeResult, measureFeatureLearningTime } from "./feature-time.js";
import { type C5Settings, deepDepths } from "./settings.js";

/** Everything C5 measured. */
export interface C5Measurement {
  /** 2 layers: the features of each norm r, one per p (ascending). */
  two: Map<number, FeatureTimeResult[]>;
  /** Depth D ≥ 3 at r = 1: one feature per p. */
  deepRuns: Map<number, FeatureTimeResult[]>;
  /** ReLU-pair runs at r = 1, one per reluPs. */
  relu: FeatureTimeResult[];
  /** The linear 2-layer runs at the ReLU runs' p. */
  linearAtReluPs: FeatureTimeResult[];
  /** Limit: a dense ReLU net learning four features on shared carriers. */
  dense: DenseFeatureResult;
  /** Limit: larger init a0 = BIG_A0. */
  big: FeatureTimeResult;
  /** Limit: learning rates lr·p·r = 0.5 and 1.5. */
  fast: FeatureTimeResult;
  veryFast: FeatureTimeResult;
}

/** The init a0 of the larger-init limit run. */
export const BIG_A0 = 0.5;

/** Runs every C5 simulation with settings `s` from `seed`. */
export function measureC5(s: C5Settings, seed: number): C5Measurement {
  const { ps, rs, n, a0, deep, lr } = s;
  const measure = (p: number, r: number, depth: number, network: "linear" | "relu-pair" = "linear") =>
    measureFeatureLearningTime({ p, r, a0: depth === 2 ? a0 : deep[depth], depth, network, n, seed, lr });
  const two = new Map<number, FeatureTimeResult[]>();
  for (const r of rs)
    two.set(
      r,
      ps.map((p) => measure(p, r, 2)),
    );
  const deepRuns = new Map<number, FeatureTimeResult[]>();
  for (const D of deepDepths(s))
    deepRuns.set(
      D,
      ps.map((p) => measure(p, 1, D)),
    );
  // ReLU realization: each path is pushed by half of the carriers (q = p/2), so times double.
  const relu = s.reluPs.map((p) => measure(p, 1, 2, "relu-pair"));
  const linearAtReluPs = s.reluPs.map(
    (p) => (two.get(1) as FeatureTimeResult[]).find((x) => x.p === p) ?? measure(p, 1, 2),
  );
  const denseFeatures = [0.1, 0.2, 0.4, 0.8].map((p) => ({ p, r: 1 }));
  const dense = measureDenseFeatureTimes({ features: denseFeatures, n, seed, steps: s.denseSteps });
  const big = measureFeatureLearningTime({ p: 0.2, r: 1, a0: BIG_A0, n, seed });
  const fast = measureFeatureLearningTime({ p: 0.2, r: 1, a0, n, seed, lrRate: 0.5 });
  const veryFast = measureFeatureLearningTime({ p: 0.2, r: 1, a0, n, seed, lrRate: 1.5 });
  return { two, deepRuns, relu, linearAtReluPs, dense, big, fast, veryFast };
}
