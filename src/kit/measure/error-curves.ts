import type { RunConfigInput } from "../../config/run-config.js";
import { errorCurve } from "../../theory/error-curve.js";
import { pooledError, runChunked } from "./chunked-runs.js";

/** The Kolmogorov 99% quantile: P(√N·sup|F_N − F| > 1.628) = 0.01 for N i.i.d. draws. */
export const KS_99 = 1.628;
/** Two-sided 99% normal quantile (binomial confidence intervals). */
export const Z_99 = 2.576;

/**
 * Allowance for gradient descent instead of gradient flow at step size η₀ = lr·r ≤ 0.05 (C1): a point's flip
 * is seen up to one step late (ΔE ≤ max|dE/d(rt)|·η₀ = η₀/2π ≈ 0.008) and the discrete flip time is
 * longer by ≈ η₀/4 relative (ΔE ≈ 0.002). Finite ε shifts σ(−m) from ½ by O(rε²), negligible at ε ≤ 1e-2.
 */
export const GD_ALLOWANCE = 0.01;

/** How the first layer starts. */
export type FirstLayer = "half-normal" | "gaussian" | "dense";

/** Options of {@link measureErrorCurve}: the exact setting of THEORY.md §3, many points pooled. */
export interface ErrorCurveOptions {
  /** One norm for all points, or one norm per point (a spread of norms). */
  norms: number | readonly number[];
  /** Number of points when `norms` is a single number (default 400). */
  count?: number;
  /** Init scale ε: a ~ |N(0, ε²)| (or N(0, ε²)), b ~ N(0, ε²) (default 1e-3). */
  eps?: number;
  /** Step size η₀ = lr · (largest norm): lr = η₀ / r_max (default 0.04). */
  stepSize?: number;
  /** Run until (smallest norm)·t reaches this (default 8, where E − E(∞) ≈ e^{−8}/π ≈ 1e-4). */
  horizon?: number;
  /**
   * First layer: "half-normal" diagonal (the theory's setting, every unit alive), "gaussian" diagonal
   * (half the units dead on their point), or "dense" Gaussian N(0, ε²) (modes couple: a limit).
   */
  firstLayer?: FirstLayer;
  /** Master seed. */
  seed?: number;
  /** Points per engine run (default 20). */
  chunk?: number;
  /** Records per decade of steps (default 30). */
  perDecade?: number;
}

/** Simulated and predicted error curves. */
export interface ErrorCurveMeasurement {
  /** Record times t = lr·step. */
  t: number[];
  /** Pooled training error (fraction of points with margin ≤ 0) at each record. */
  simulated: number[];
  /** THEORY.md §3: E(t) = mean over points of ½[1 − gd(r_i t)/π] (Gaussian a: ½ + ½ of that). */
  predicted: number[];
  /** sup over records of |simulated − predicted|. */
  supDeviation: number;
  /** Time of the largest deviation. */
  supAt: number;
  /**
   * Largest difference over the records between the trainer's own error (countErrors) and the error
   * counted from the margins: 0 when both count y·f ≤ 0, a dead unit's f = 0 included, as errors.
   */
  trainerMismatch: number;
  /** Simulated error at the last record. */
  final: number;
  /** Predicted error at the last record (E(∞) plus the e^{−rt}/π not yet decided). */
  predictedFinal: number;
  /** KS 99% band plus the GD allowance: the tolerance for supDeviation. */
  tolerance: number;
  /** Time at which the simulated error first falls halfway from ½ to its predicted final value. */
  halfTime: number;
  /** The same time on the predicted curve. */
  predictedHalfTime: number;
  /** Number of points pooled. */
  count: number;
  /** Norms of the points. */
  norms: number[];
  /** Learning rate used. */
  lr: number;
  /** Engine runs that diverged. */
  diverged: number;
  /** Config of the first engine run (representative: rerun it with `learndyn train --config`). */
  config: RunConfigInput;
}

/**
 * Runs the exact setting (orthogonal points x_k = r_k e_k, W₁ diagonal, w₂ Gaussian, both scale ε,
 * alternating labels, summed cross-entropy, full-batch GD) and compares the pooled error with P8.
 */
export function measureErrorCurve(o: ErrorCurveOptions): ErrorCurveMeasurement {
  const norms = typeof o.norms === "number" ? new Array<number>(o.count ?? 400).fill(o.norms) : [...o.norms];
  const count = norms.length;
  const eps = o.eps ?? 1e-3;
  const rMax = Math.max(...norms);
  const rMin = Math.min(...norms);
  const lr = (o.stepSize ?? 0.04) / rMax;
  const steps = Math.ceil((o.horizon ?? 8) / rMin / lr);
  const firstLayer = o.firstLayer ?? "half-normal";
  const seed = o.seed ?? 0;
  const runs = runChunked({
    count,
    chunk: o.chunk ?? 20,
    keys: ["margin"],
    build: (offset, size, index) =>
      errorCurveConfig({
        norms: norms.slice(offset, offset + size),
        eps,
        lr,
        steps,
        firstLayer,
        perDecade: o.perDecade ?? 30,
        seed: (seed * 100_003 + index * 7_919 + 17) % 2 ** 32,
      }),
  });
  const simulated = pooledError(runs.values.margin);
  const aInit = firstLayer === "gaussian" ? "gaussian" : "halfNormal";
  const predicted = runs.t.map((t) => errorCurve(t, norms, { aInit }));
  let supDeviation = 0;
  let supAt = 0;
  simulated.forEach((e, j) => {
    const d = Math.abs(e - predicted[j]);
    if (d > supDeviation) {
      supDeviation = d;
      supAt = runs.t[j];
    }
  });
  const last = simulated.length - 1;
  const start = predicted[0];
  const level = (start + predicted[last]) / 2;
  return {
    t: runs.t,
    simulated,
    predicted,
    supDeviation,
    supAt,
    trainerMismatch: Math.max(...simulated.map((e, j) => Math.abs(e - runs.trainerError[j]))),
    final: simulated[last],
    predictedFinal: predicted[last],
    tolerance: KS_99 / Math.sqrt(count) + GD_ALLOWANCE,
    halfTime: crossingDown(runs.t, simulated, level),
    predictedHalfTime: crossingDown(runs.t, predicted, level),
    count,
    norms,
    lr,
    diverged: runs.diverged,
    config: runs.config,
  };
}

/** The run config of one chunk: explicit data, drawn diagonal (or dense) first layer, Gaussian output. */
export function errorCurveConfig(o: {
  norms: number[];
  eps: number;
  lr: number;
  steps: number;
  firstLayer: FirstLayer;
  perDecade: number;
  seed: number;
}): RunConfigInput {
  const n = o.norms.length;
  const first =
    o.firstLayer === "dense"
      ? { scheme: "gaussian" as const, scale: o.eps }
      : { scheme: "diagonal" as const, scale: o.eps, diagonal: o.firstLayer };
  return {
    name: `C1 error curve (${o.firstLayer} first layer, ε = ${o.eps})`,
    seed: o.seed,
    data: { kind: "orthogonal", norms: o.norms, labels: "alternating" },
    model: { hidden: [n], activation: "relu", bias: false },
    init: { layers: [first, { scheme: "gaussian", scale: o.eps }] },
    loss: { kind: "ce", reduction: "sum" },
    optimizer: { kind: "gd", lr: o.lr },
    train: { steps: o.steps },
    probes: { schedule: { kind: "log", perDecade: o.perDecade }, include: ["margins"] },
  };
}

/** First time (log-interpolated) at which `y` falls to `level` or below; Infinity if it never does. */
export function crossingDown(t: readonly number[], y: readonly number[], level: number): number {
  for (let j = 1; j < y.length; j++) {
    if (y[j - 1] > level && y[j] <= level) {
      const f = (y[j - 1] - level) / (y[j - 1] - y[j]);
      if (t[j - 1] <= 0) return t[j - 1] + f * (t[j] - t[j - 1]);
      return Math.exp(Math.log(t[j - 1]) + f * (Math.log(t[j]) - Math.log(t[j - 1])));
    }
  }
  return y.length > 0 && y[0] <= level ? t[0] : Number.POSITIVE_INFINITY;
}

/** Options of {@link measureCollapse}. */
export interface CollapseOptions extends Omit<ErrorCurveOptions, "norms"> {
  /** The norms compared (default 0.5, 1, 2); each gets `count` points. */
  norms?: readonly number[];
}

/** P8's collapse: the error curves of several norms, each at lr = η₀/r so records fall at equal r·t. */
export interface CollapseMeasurement {
  /** One curve per norm (its `t`; r·t is identical across norms record by record). */
  curves: ErrorCurveMeasurement[];
  /** Largest difference between any two curves at the same r·t. */
  maxPairwise: number;
  /** Two-sample KS 99% band 1.628·√(2/N) plus the GD allowance. */
  tolerance: number;
}

/** Simulates each norm separately and measures how far the curves are apart against r·t. */
export function measureCollapse(o: CollapseOptions): CollapseMeasurement {
  const norms = o.norms ?? [0.5, 1, 2];
  const curves = norms.map((r, i) => measureErrorCurve({ ...o, norms: r, seed: (o.seed ?? 0) * 31 + i + 1 }));
  let maxPairwise = 0;
  for (let i = 0; i < curves.length; i++) {
    for (let k = i + 1; k < curves.length; k++) {
      const m = Math.min(curves[i].simulated.length, curves[k].simulated.length);
      for (let j = 0; j < m; j++) {
        maxPairwise = Math.max(maxPairwise, Math.abs(curves[i].simulated[j] - curves[k].simulated[j]));
      }
    }
  }
  const n = Math.min(...curves.map((c) => c.count));
  return { curves, maxPairwise, tolerance: KS_99 * Math.sqrt(2 / n) + GD_ALLOWANCE };
}
