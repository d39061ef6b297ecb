/**
 * C7 measurements (P11–P13): the two-feature problem of THEORY.md §7 trained by the engine as a diagonal
 * linear network, compared with src/theory/starvation.ts.
 *
 * The network is an ordinary run config: "features" data (A in every point, B in a fraction p, standard
 * basis, no noise), `model: { hidden: [2], activation: "linear", diagonalLayers: [0], bias: false }` and the
 * balanced explicit start W₁ = diag(√ε, √ε), w₂ = (√ε, √ε). Layer 0 stays diagonal (its off-diagonal
 * gradient is zeroed), so f(x) = W₁[0][0]·w₂[0]·x_A + W₁[1][1]·w₂[1]·x_B and the modes u_A = f(e_A),
 * u_B = f(e_B) are read by the feature-responses probe: THEORY.md §7's model exactly.
 *
 * Long horizons run as a chain of configs (../support/staged-run.ts): η = `lr` up to t = 100 (the exponential
 * phase and the learning of A, where the GD error is O(η)), then η ×10 per decade, each stage restarting
 * from the previous one's weights. Once A is learned the gains are σ(−m) ≲ 1e-3 and fall like 1/t, so
 * the later stages add a GD error of order η·∫c² dt ≪ 1e-4 (measured in the tests against constant η).
 */
import type { RunConfigInput } from "../../config/run-config.js";
import type { Dataset } from "../../data/dataset.js";
import type { LayerWeights } from "../../engine/mlp.js";
import { Rng } from "../../engine/rng.js";
import { runStaged, type Stage } from "../../kit/measure/staged-run.js";
import { normalCdf } from "../../math/normal.js";
import type { Probe } from "../../probes/probe.js";
import { simulateStarvation, starvationRho } from "../../theory/starvation.js";
import type { HistoryRecord } from "../../train/history.js";

/** Options of {@link measureStarvation}. */
export interface StarvationMeasureOptions {
  /** Fraction of the points carrying B (A is in every point). */
  p: number;
  /** Norm of A. Default 1. */
  rA?: number;
  /** Norm of B. Default 1. */
  rB?: number;
  /** Initial mode strength ε = u_A(0) = u_B(0) (weights a = b = √ε). */
  eps: number;
  /** Loss. Default "ce". */
  loss?: "ce" | "hinge";
  /** Spectral decoupling λ. Default 0. */
  spectralDecoupling?: number;
  /** Training points (p·n must be an integer for p to be exact). Default 10. */
  n?: number;
  /** Learning rate of the first stage (t ≤ tSwitch). Default 0.02. */
  lr?: number;
  /** Horizon t. Default 1e4. */
  tEnd?: number;
  /**
   * End of the constant-η stage; after it η grows ×10 per decade of t (see the module comment). Default
   * 100 for CE; Infinity (one constant-η run) for hinge or when `lr` stays constant.
   */
  tSwitch?: number;
  /** Largest learning rate of the later stages. Default Infinity. */
  maxLr?: number;
  /** Records per decade of steps (log schedule) in the first stage; later stages record 40 times. Default 20. */
  perDecade?: number;
  /** Seed of the data. Default 0. */
  seed?: number;
  /** Std s of the Gaussian noise added to every feature coordinate of the noisy B-only test. Default 0.5. */
  testNoise?: number;
}

/** Simulation and theory side by side. */
export interface StarvationMeasureResult {
  /** ρ = p r_B / r_A with the realized p. */
  rho: number;
  /** The realized frequency round(p n)/n. */
  p: number;
  t: number[];
  /** f(e_A) and f(e_B) from the feature-responses probe. */
  uA: number[];
  uB: number[];
  /** The ODE (src/theory/starvation.ts) at the same times (CE without SD, or hinge). */
  theoryUA: number[];
  theoryUB: number[];
  /** Hinge: time at which u_B freezes in the theory. */
  tFreezeB?: number;
  /**
   * Accuracy of the trained net (a probe, the engine's forward pass) on 4000 B-only points y r_B e_B + N(0, s² I): a B-only
   * point whose A-coordinate is not exactly 0. Predicted from u: Φ(u_B r_B /(s √(u_A²+u_B²))).
   */
  noisyBAccuracy: number;
  noisyBAccuracyPredicted: number;
  /** The same accuracy at every record (a probe in every stage). */
  noisyBAccuracySeries: number[];
  /** Accuracy on the generator's noise-free B-only test set (test-accuracy probe; 1 whenever u_B > 0). */
  cleanBAccuracy: number;
  /** Final weights (layer 0 diagonal). */
  weights: LayerWeights[];
  /** The configs run, one per stage (later stages start from the previous stage's weights). */
  configs: RunConfigInput[];
  /** Total optimizer steps. */
  steps: number;
}

/**
 * Options of {@link diagonalNetConfig}: one constant-η run, so measureStarvation's own fields (the same
 * meaning, the same defaults) without its stages, horizon and noisy test; `perDecade` is this run's.
 */
export interface DiagonalNetConfigOptions
  extends Pick<
    StarvationMeasureOptions,
    "p" | "rA" | "rB" | "eps" | "loss" | "spectralDecoupling" | "n" | "lr" | "perDecade" | "seed"
  > {
  /** Steps. */
  steps: number;
}

/** The run config of THEORY.md §7's diagonal network on two-feature data (see the module comment). */
export function diagonalNetConfig(o: DiagonalNetConfigOptions): RunConfigInput {
  const rA = o.rA ?? 1;
  const rB = o.rB ?? 1;
  const loss = o.loss ?? "ce";
  const sd = o.spectralDecoupling ?? 0;
  const a = Math.sqrt(o.eps);
  return {
    name: `c7: diagonal linear net, p=${o.p}, rA=${rA}, rB=${rB}, eps=${o.eps}, ${loss}${sd > 0 ? `, SD ${sd}` : ""}`,
    seed: o.seed ?? 0,
    data: {
      kind: "features",
      n: o.n ?? 10,
      nTest: 100,
      features: [
        { name: "A", norm: rA, frequency: 1, correlation: "correlated" },
        { name: "B", norm: rB, frequency: o.p, correlation: "correlated" },
      ],
    },
    model: { hidden: [2], activation: "linear", bias: false, diagonalLayers: [0] },
    init: {
      scheme: "explicit",
      weights: [
        {
          W: [
            [a, 0],
            [0, a],
          ],
        },
        { W: [[a, a]] },
      ],
    },
    loss: { kind: loss, reduction: "mean", margin: 1 },
    optimizer: { kind: "gd", lr: o.lr ?? 0.02 },
    regularization: { spectralDecoupling: sd },
    train: { steps: o.steps },
    probes: {
      schedule: { kind: "log", perDecade: o.perDecade ?? 20 },
      include: ["feature-responses", "test-accuracy", "weight-norms"],
    },
  };
}

/**
 * Stages: η = lr up to tSwitch, then 10·lr on [tSwitch, 10 tSwitch], ×10 per further decade (capped at
 * maxLr) up to tEnd; each later stage covers one decade of t and records 40 times.
 */
export function starvationStages(lr: number, tSwitch: number, tEnd: number, maxLr = Infinity): Stage[] {
  const first = Math.min(tSwitch, tEnd);
  const stages: Stage[] = [{ lr, steps: Math.round(first / lr) }];
  let t = first;
  while (t < tEnd * (1 - 1e-12)) {
    const tNext = Math.min(10 * t, tEnd);
    const eta = Math.min((10 * lr * t) / first, maxLr);
    const steps = Math.max(1, Math.round((tNext - t) / eta));
    stages.push({ lr: eta, steps, every: Math.max(1, Math.floor(steps / 40)) });
    t += eta * steps;
  }
  return stages;
}

/** Φ(u_B r_B/(s √(u_A² + u_B²))): accuracy of f = u_A x_A + u_B x_B on y r_B e_B + N(0, s² I). */
export function predictedNoisyBAccuracy(uA: number, uB: number, rB: number, s: number): number {
  return normalCdf((uB * rB) / (s * Math.hypot(uA, uB)));
}

/**
 * `count` B-only test points y r_B e_B + N(0, s² I_d) (labels alternate; feature j on coordinate j, as in
 * the "features" data with the standard basis): unlike the generator's B-only set, the coordinate of A
 * (and every noise dimension) is not exactly 0.
 */
export function noisyBOnlyTest(o: {
  d: number;
  rB: number;
  s: number;
  count: number;
  seed: number;
}): Dataset {
  const rng = new Rng(o.seed);
  const x = new Float64Array(o.count * o.d);
  const y = new Float64Array(o.count);
  for (let i = 0; i < o.count; i++) {
    y[i] = i % 2 === 0 ? 1 : -1;
    for (let c = 0; c < o.d; c++) x[i * o.d + c] = o.s * rng.normal();
    x[i * o.d + 1] += y[i] * o.rB;
  }
  return { name: "noisy B-only", n: o.count, d: o.d, x, y };
}

/** A probe: accuracy on a fixed test set, through the trainer's forward pass, as `key`. */
export function accuracyProbe(key: string, test: Dataset): Probe {
  return {
    name: key,
    description: `accuracy on ${test.name}`,
    measure({ evaluate }) {
      const f = evaluate(test);
      let correct = 0;
      for (let i = 0; i < test.n; i++) if (test.y[i] * f[i] > 0) correct++;
      return { [key]: correct / test.n };
    },
  };
}

/** Entry j of the feature-responses probe of every record. */
export function responseSeries(history: readonly HistoryRecord[], j: number): number[] {
  return history.map((r) => (r.response as number[])[j]);
}

/** Trains the diagonal net on the engine (staged in t) and integrates the theory's ODE at the same times. */
export function measureStarvation(o: StarvationMeasureOptions): StarvationMeasureResult {
  const rA = o.rA ?? 1;
  const rB = o.rB ?? 1;
  const n = o.n ?? 10;
  const lr = o.lr ?? 0.02;
  const tEnd = o.tEnd ?? 1e4;
  const loss = o.loss ?? "ce";
  const tSwitch = o.tSwitch ?? (loss === "ce" ? 100 : Infinity);
  const stages = starvationStages(lr, tSwitch, tEnd, o.maxLr);
  const base = diagonalNetConfig({ ...o, rA, rB, n, lr, loss, steps: stages[0].steps });
  const s = o.testNoise ?? 0.5;
  const test = noisyBOnlyTest({ d: 2, rB, s, count: 4000, seed: (o.seed ?? 0) + 7919 });
  const run = runStaged(base, stages, {
    optimizer: "keep",
    probes: [accuracyProbe("accuracy:noisy-B", test)],
  });
  if (run.status === "diverged") throw new Error(`c7: the diagonal net diverged (${base.name}); lower lr`);
  const history = run.history;
  const t = history.map((r) => r.t);
  const uA = responseSeries(history, 0);
  const uB = responseSeries(history, 1);
  const p = Math.round(o.p * n) / n;
  const theory = simulateStarvation({ p, rA, rB, eps: o.eps, loss }, t);
  const final = history[history.length - 1];
  return {
    rho: starvationRho(p, rA, rB),
    p,
    t,
    uA,
    uB,
    theoryUA: theory.uA,
    theoryUB: theory.uB,
    tFreezeB: theory.tFreezeB,
    noisyBAccuracy: final["accuracy:noisy-B"] as number,
    noisyBAccuracySeries: history.map((r) => r["accuracy:noisy-B"] as number),
    noisyBAccuracyPredicted: predictedNoisyBAccuracy(uA[uA.length - 1], uB[uB.length - 1], rB, s),
    cleanBAccuracy: final["accuracy:B-only"] as number,
    weights: run.weights,
    configs: run.configs,
    steps: stages.reduce((a, x) => a + x.steps, 0),
  };
}
