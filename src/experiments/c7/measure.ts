/**
 * C7 measurements (P11–P13): the two-feature problem of THEORY.md §7 on the engine's "features" data,
 * learned by the diagonal network of ./diagonal-net.ts, compared with src/theory/starvation.ts.
 */
import type { RunConfigInput } from "../../config/run-config.js";
import { parseRunConfig } from "../../config/validate.js";
import { Rng } from "../../engine/rng.js";
import { simulateStarvation, starvationRho } from "../../theory/starvation.js";
import { buildData } from "../../train/build-data.js";
import { trainDiagonalNet } from "./diagonal-net.js";

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
  /** Training points. Default 100. */
  n?: number;
  /** Learning rate. Default 0.02. */
  lr?: number;
  /** Horizon t (steps = tEnd/lr). Default 1e4. */
  tEnd?: number;
  /** Records per decade of steps. Default 20. */
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
  uA: number[];
  uB: number[];
  /** The ODE (src/theory/starvation.ts) at the same times (CE without SD, or hinge). */
  theoryUA: number[];
  theoryUB: number[];
  /** Hinge: time at which u_B freezes in the theory. */
  tFreezeB?: number;
  /**
   * Accuracy on B-only test points with N(0, s²) noise on every feature coordinate: a B-only point whose
   * A-coordinate is not exactly 0. Measured on 4000 draws, and predicted from u: Φ(u_B r_B /(s √(u_A²+u_B²))).
   */
  noisyBAccuracy: number;
  noisyBAccuracyPredicted: number;
  /** Accuracy on the generator's noise-free B-only test set (1 whenever u_B > 0). */
  cleanBAccuracy: number;
  /** The data/loss/optimizer part as a run config (the network is the diagonal net, not an engine MLP). */
  config: RunConfigInput;
}

function normalCdf(z: number): number {
  // Abramowitz–Stegun 7.1.26 via erf; |error| < 1.5e-7, enough for accuracies.
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/** Φ(u_B r_B/(s √(u_A² + u_B²))): accuracy of f = u_A x_A + u_B x_B on y r_B e_B + N(0, s² I). */
export function predictedNoisyBAccuracy(uA: number, uB: number, rB: number, s: number): number {
  return normalCdf((uB * rB) / (s * Math.hypot(uA, uB)));
}

/** Trains the diagonal net on two-feature data and integrates the theory's ODE at the same times. */
export function measureStarvation(o: StarvationMeasureOptions): StarvationMeasureResult {
  const rA = o.rA ?? 1;
  const rB = o.rB ?? 1;
  const n = o.n ?? 100;
  const lr = o.lr ?? 0.02;
  const tEnd = o.tEnd ?? 1e4;
  const loss = o.loss ?? "ce";
  const steps = Math.ceil(tEnd / lr);
  const sd = o.spectralDecoupling ?? 0;
  const config: RunConfigInput = {
    name: `c7: p=${o.p}, rA=${rA}, rB=${rB}, eps=${o.eps}, ${loss}${sd > 0 ? `, SD ${sd}` : ""}`,
    seed: o.seed ?? 0,
    data: {
      kind: "features",
      n,
      features: [
        { name: "A", norm: rA, frequency: 1, correlation: "correlated" },
        { name: "B", norm: rB, frequency: o.p, correlation: "correlated" },
      ],
    },
    loss: { kind: loss, reduction: "mean", margin: 1 },
    optimizer: { kind: "gd", lr },
    regularization: { spectralDecoupling: sd },
    train: { steps },
    probes: {
      schedule: { kind: "log", perDecade: o.perDecade ?? 20 },
      include: ["feature-responses", "test-accuracy"],
    },
  };
  const data = buildData(parseRunConfig(config, "c7 config"));
  const p = Math.round(o.p * n) / n;
  const recordAt: number[] = [];
  const perDecade = o.perDecade ?? 20;
  for (let i = 0; i <= Math.ceil(Math.log10(steps) * perDecade); i++) {
    const s = Math.round(10 ** (i / perDecade));
    if (s <= steps && s !== recordAt[recordAt.length - 1]) recordAt.push(s);
  }
  const sim = trainDiagonalNet({
    data,
    a0: Math.sqrt(o.eps),
    loss,
    lr,
    steps,
    spectralDecoupling: sd,
    recordAt,
  });
  const theory = simulateStarvation({ p, rA, rB, eps: o.eps, loss }, sim.t);
  const uA = sim.u.map((x) => x[0]);
  const uB = sim.u.map((x) => x[1]);
  const fa = uA[uA.length - 1];
  const fb = uB[uB.length - 1];
  const s = o.testNoise ?? 0.5;
  const rng = new Rng((o.seed ?? 0) + 7919);
  let correct = 0;
  const draws = 4000;
  for (let i = 0; i < draws; i++) {
    const y = i % 2 === 0 ? 1 : -1;
    const f = fa * s * rng.normal() + fb * (y * rB + s * rng.normal());
    if (y * f > 0) correct++;
  }
  const bOnly = data.tests["B-only"];
  let clean = 0;
  for (let i = 0; i < bOnly.n; i++) {
    const f = fa * bOnly.x[i * bOnly.d] + fb * bOnly.x[i * bOnly.d + 1];
    if (bOnly.y[i] * f > 0) clean++;
  }
  return {
    rho: starvationRho(p, rA, rB),
    p,
    t: sim.t,
    uA,
    uB,
    theoryUA: theory.uA,
    theoryUB: theory.uB,
    tFreezeB: theory.tFreezeB,
    noisyBAccuracy: correct / draws,
    noisyBAccuracyPredicted: predictedNoisyBAccuracy(fa, fb, rB, s),
    cleanBAccuracy: clean / bOnly.n,
    config,
  };
}
