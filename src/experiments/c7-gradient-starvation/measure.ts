/**
 * C7's runs: the diagonal network for every (p, ε), spectral decoupling in it and in wide ReLU nets, the
 * hinge run, and the limit runs (the engine's ReLU MLPs from diagonal and Gaussian starts, a large step).
 */
import { fitLine } from "../../math/fit.js";
import { formatSignificant as fmt } from "../../math/format.js";
import { meanStd } from "../../math/stats.js";
import { measureStarvation, type StarvationMeasureResult } from "./diagonal-runs.js";
import { type EngineStarvationResult, measureEngineStarvation } from "./engine-limits.js";
import { type C7Settings, HINGE_LR } from "./settings.js";
import { sweepWideSd, type WideSdSweep } from "./spectral-decoupling.js";

/** Last element. */
export const last = (xs: readonly number[]) => xs[xs.length - 1];

/** d ln u_B / d ln ln t between the first record with t ≥ t1 and the end. */
export function lnlnExponent(t: readonly number[], uB: readonly number[], t1: number): number {
  const i = t.findIndex((x) => x >= t1);
  const L = t.length - 1;
  return Math.log(uB[L] / uB[i]) / Math.log(Math.log(t[L]) / Math.log(t[i]));
}

/** Slope of log u_B(T) against log ε over the given runs. */
export function epsSlope(runs: readonly { eps: number; uB: number }[]): number {
  return fitLine(
    runs.map((r) => ({ x: r.eps, y: r.uB })),
    "log",
    "log",
  ).slope;
}

/** Everything C7 measured. */
export interface C7Measurement {
  /** Diagonal-network runs per p, one per ε. */
  byP: Map<number, { eps: number; res: StarvationMeasureResult }[]>;
  /** The reference run: ρ = 0.5 (or the first p), ε = 1e-4. */
  ref: StarvationMeasureResult;
  /** Spectral decoupling in the diagonal model, per λ. */
  sdRuns: { lambda: number; res: StarvationMeasureResult }[];
  /** Seeds of the wide runs. */
  wideSeeds: number[];
  /** Wide ReLU nets with spectral decoupling: §7's data, and B in every point at half A's norm. */
  wide: WideSdSweep[];
  /** The hinge run (P13). */
  hinge: StarvationMeasureResult;
  /** Engine ReLU MLP from a ±pair diagonal start at ε = 1e-2, 1e-4 (limit). */
  pd: EngineStarvationResult[];
  /** Wide ReLU net from Gaussian starts of std 0.1, 0.01 (limit). */
  gs: EngineStarvationResult[];
  /** Diagonal model with a constant η = 0.5 (limit). */
  fastLr: StarvationMeasureResult;
}

/** Mean ± std of the noisy B-only accuracy of each wide sweep, per λ. */
export function wideStats(wide: readonly WideSdSweep[]): { mean: number; std: number }[][] {
  return wide.map((sw) => sw.runs.map((rs) => meanStd(rs.map((r) => r.noisyB))));
}

/** The noisy B-only accuracy of wide sweep `k` per λ, in words ("λ = 0: 0.61 ± 0.02; …"). */
export function describeWide(wide: readonly WideSdSweep[], k: number): string {
  const stats = wideStats(wide);
  return wide[k].lambdas
    .map((l, i) => `λ = ${l}: ${fmt(stats[k][i].mean)} ± ${fmt(stats[k][i].std, 2)}`)
    .join("; ");
}

/** Runs every C7 simulation with settings `s` from `seed`. */
export function measureC7(s: C7Settings, seed: number): C7Measurement {
  const { n, tEnd } = s;
  const byP = new Map<number, { eps: number; res: StarvationMeasureResult }[]>();
  for (const p of s.ps)
    byP.set(
      p,
      s.epss.map((eps) => ({ eps, res: measureStarvation({ p, eps, n, tEnd, seed }) })),
    );
  const ref = (byP.get(0.5) ?? byP.get(s.ps[0]) ?? [])[s.epss.indexOf(1e-4)].res;
  // Spectral decoupling, (a) in the diagonal model (a limit: the claim is made for wide nets), (b) in the
  // setting of the claim: wide ReLU nets from a He start, every weight trainable, with noise dimensions.
  const sdRuns = s.sdLambdas.map((lambda) => ({
    lambda,
    res: measureStarvation({ p: ref.p, eps: 1e-4, n, tEnd, seed, spectralDecoupling: lambda }),
  }));
  const wideSeeds = Array.from({ length: s.wideSeedCount }, (_, k) => seed * 101 + k);
  const wideBase = { width: s.wideWidth, n: 40, steps: s.wideSteps, lr: 0.2 };
  const wide: WideSdSweep[] = [
    sweepWideSd("B in half the points (§7)", { ...wideBase, pB: 0.5 }, s.wideLambdas, wideSeeds),
    sweepWideSd("B in every point, r_B = ½", { ...wideBase, pB: 1, rB: 0.5 }, s.wideLambdas, wideSeeds),
  ];
  const hinge = measureStarvation({ p: ref.p, eps: 1e-4, n, tEnd: 200, seed, loss: "hinge", lr: HINGE_LR });
  const pd = [1e-2, 1e-4].map((eps) =>
    measureEngineStarvation({ p: ref.p, init: "pair-diagonal", scale: eps, n: 100, seed }),
  );
  const gs = [0.1, 0.01].map((sc) =>
    measureEngineStarvation({ p: ref.p, init: "gaussian", scale: sc, width: 64, n: 100, seed }),
  );
  const fastLr = measureStarvation({ p: ref.p, eps: 1e-4, n, tEnd, seed, lr: 0.5, tSwitch: Infinity });
  return { byP, ref, sdRuns, wideSeeds, wide, hinge, pd, gs, fastLr };
}
