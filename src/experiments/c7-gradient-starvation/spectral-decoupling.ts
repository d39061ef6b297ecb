/**
 * Spectral decoupling (SD, THEORY.md §7's follow-up, Pezeshki et al. 2021) in the setting the claim is made
 * for: a wide ReLU net with a Gaussian (He) start, every weight trainable, no diagonal constraint, trained
 * on "features" data with noise dimensions, with and without the penalty λ/2·mean f(x)² on the logits.
 *
 * Measured per run: accuracy on noisy B-only test points y r_B e_B + N(0, s² I_d) (every coordinate noisy,
 * A's included), accuracy on the generator's B-only set (noise only in the noise dimensions), and the
 * response along each feature u_j = (f(e_j) − f(−e_j))/2 (feature-responses probe).
 */
import type { RunConfigInput } from "../../config/run-config.js";
import { parseRunConfig } from "../../config/validate.js";
import { runTraining } from "../../train/run.js";
import { accuracyProbe, noisyBOnlyTest } from "./diagonal-runs.js";

/** Options of {@link measureWideSd}. */
export interface WideSdOptions {
  /** Fraction of the points carrying B (A is in every point). */
  pB: number;
  /** Norm of B (A has norm 1). Default 1. */
  rB?: number;
  /** SD coefficient λ (0: plain CE). */
  lambda: number;
  /** Hidden width. Default 200. */
  width?: number;
  /** Training points. Default 40. */
  n?: number;
  /** Noise dimensions and their std in the training data. Default 8 and 0.3. */
  noiseDims?: number;
  noiseStd?: number;
  /** Std s of the noise on every coordinate of the noisy B-only test. Default 0.5. */
  testNoise?: number;
  /** First-layer and output init: "he" (He-normal, the NTK-like start) or a small balanced Gaussian. */
  init?: "he" | { gaussian: number };
  /** Learning rate and steps of full-batch GD. Default 0.2 and 1500. */
  lr?: number;
  steps?: number;
  seed?: number;
}

/** One run's final measurements. */
export interface WideSdResult {
  lambda: number;
  seed: number;
  /** Accuracy on the noisy B-only test (2000 points). */
  noisyB: number;
  /** Accuracy on the generator's B-only test set. */
  cleanB: number;
  /** Training error at the end. */
  trainError: number;
  /** (f(e_j) − f(−e_j))/2 for A and B. */
  uA: number;
  uB: number;
  /** Record times and the noisy B-only accuracy at each. */
  t: number[];
  noisyBSeries: number[];
  config: RunConfigInput;
}

/** The run config of one wide-net run (the noisy B-only probe is added in code). */
export function wideSdConfig(o: WideSdOptions): RunConfigInput {
  const init: RunConfigInput["init"] =
    o.init === undefined || o.init === "he"
      ? { scheme: "he-normal" }
      : { scheme: "gaussian", scale: o.init.gaussian, balanced: true };
  return {
    name: `c7 SD: ReLU ${o.width ?? 200}, pB=${o.pB}, rB=${o.rB ?? 1}, lambda=${o.lambda}`,
    seed: o.seed ?? 0,
    data: {
      kind: "features",
      n: o.n ?? 40,
      noiseDims: o.noiseDims ?? 8,
      noiseStd: o.noiseStd ?? 0.3,
      features: [
        { name: "A", norm: 1, frequency: 1, correlation: "correlated" },
        { name: "B", norm: o.rB ?? 1, frequency: o.pB, correlation: "correlated" },
      ],
    },
    model: { hidden: [o.width ?? 200], activation: "relu", bias: false },
    init,
    loss: { kind: "ce", reduction: "mean" },
    optimizer: { kind: "gd", lr: o.lr ?? 0.2 },
    regularization: { spectralDecoupling: o.lambda },
    train: { steps: o.steps ?? 1500 },
    probes: { schedule: { kind: "log", perDecade: 10 }, include: ["feature-responses", "test-accuracy"] },
  };
}

/** Trains one wide ReLU net and measures how much it uses B. */
export function measureWideSd(o: WideSdOptions): WideSdResult {
  const config = wideSdConfig(o);
  const test = noisyBOnlyTest({
    d: 2 + (o.noiseDims ?? 8),
    rB: o.rB ?? 1,
    s: o.testNoise ?? 0.5,
    count: 2000,
    seed: (o.seed ?? 0) + 7919,
  });
  const run = runTraining(parseRunConfig(config, "c7 SD config"), {
    probes: [accuracyProbe("accuracy:noisy-B", test)],
  });
  if (run.status === "diverged") {
    throw new Error(`c7 SD: the run diverged (${config.name}, ${run.stopReason}); lower optimizer.lr`);
  }
  const last = run.history[run.history.length - 1];
  const pos = last.response as number[];
  const neg = last.responseNeg as number[];
  return {
    lambda: o.lambda,
    seed: o.seed ?? 0,
    noisyB: last["accuracy:noisy-B"] as number,
    cleanB: last["accuracy:B-only"] as number,
    trainError: last.error,
    uA: (pos[0] - neg[0]) / 2,
    uB: (pos[1] - neg[1]) / 2,
    t: run.history.map((r) => r.t),
    noisyBSeries: run.history.map((r) => r["accuracy:noisy-B"] as number),
    config,
  };
}

/** A λ sweep over seeds in one data setting. */
export interface WideSdSweep {
  /** "frequency" (THEORY.md §7's data: B in a fraction pB) or "norm" (B in every point, weaker). */
  setting: string;
  pB: number;
  rB: number;
  lambdas: number[];
  /** runs[k][s]: λ = lambdas[k], seed index s. */
  runs: WideSdResult[][];
}

/** Runs every λ × seed of one setting. */
export function sweepWideSd(
  setting: string,
  base: Omit<WideSdOptions, "lambda" | "seed">,
  lambdas: readonly number[],
  seeds: readonly number[],
): WideSdSweep {
  return {
    setting,
    pB: base.pB,
    rB: base.rB ?? 1,
    lambdas: [...lambdas],
    runs: lambdas.map((lambda) => seeds.map((seed) => measureWideSd({ ...base, lambda, seed }))),
  };
}
