/**
 * C3: some regions of parameter space lead to failed training. P7: in the (a, b) plane of one ReLU mode
 * (y = +1) the fates are dead {a ≤ 0}, correct {b > 0}, recovers {−a < b < 0}, fails {b < −a}; final error
 * 1/4 (half-normal a) or 5/8 (Gaussian a). P9: a wrong depth-D chain recovers iff |a_D| < min_{l<D} a_l,
 * probability 1/D under i.i.d. init.
 */
import { formatNumber as fmt } from "../figures/figure.js";
import { finalErrorPrediction } from "../theory/failure-regions.js";
import { type ErrorCurveMeasurement, measureErrorCurve, Z_99 } from "./c1/error-curves.js";
import { type DepthRecoveryMeasurement, measureDepthRecovery } from "./c3/depth.js";
import { depthFigure, finalErrorFigure, phaseFigure, separatrixFigure } from "./c3/figures.js";
import { measurePhaseGrid, measureSeparatrixTimes } from "./c3/phase-grid.js";
import type { Check, Experiment, ExperimentOptions, ExperimentResult, Limit } from "./experiment.js";

/** Sizes of a C3 run. */
export interface C3Sizes {
  /** Grid starts per axis of the phase portrait. */
  grid: number;
  /** Random starts per init distribution for the final errors. */
  count: number;
  /** Wrong chains per depth. */
  chains: number;
  /** Depths simulated. */
  depths: number[];
}

/** Default and full sizes. */
export const C3_SIZES: Record<ExperimentOptions["scale"], C3Sizes> = {
  default: { grid: 15, count: 2000, chains: 400, depths: [2, 3, 4, 5] },
  full: { grid: 25, count: 10_000, chains: 2000, depths: [2, 3, 4, 5, 6] },
};

/** Init scale of the random starts. */
export const C3_EPS = 1e-2;
/** Half-width of the band around the separatrix left out of the region check. */
export const C3_BAND = 0.05;
const BOX = { amin: -0.6, amax: 1.5, bmin: -1.5, bmax: 1.5 };
const GRID_TIME = 20;

function finalCheck(m: ErrorCurveMeasurement, label: string, predicted: number): Check {
  const tol = Z_99 * Math.sqrt((predicted * (1 - predicted)) / m.count) + 0.002;
  return {
    prediction: "P7",
    statement: `final error with ${label}`,
    predicted,
    measured: m.final,
    tolerance: `|Δ| ≤ ${fmt(tol)} (99% binomial, N = ${m.count}, + 0.002 still undecided at t = 8)`,
    pass: Math.abs(m.final - predicted) <= tol,
  };
}

function depthCheck(d: DepthRecoveryMeasurement): Check {
  const tol = d.halfWidth + d.undecided;
  return {
    prediction: "P9",
    statement: `depth D = ${d.depth}: a wrong chain recovers with probability 1/D (rule |a_D| < min a_l agrees on ${fmt(100 * d.ruleAgreement)}% of chains)`,
    predicted: d.predicted,
    measured: d.recovered,
    tolerance: `|Δ| ≤ ${fmt(tol)} (99% binomial, N = ${d.count}${d.undecided > 0 ? `, + ${fmt(d.undecided)} undecided at the end` : ""})`,
    pass: Math.abs(d.recovered - d.predicted) <= tol,
  };
}

/** Runs C3 at a size (exported for tests at reduced sizes). */
export function runC3(
  sizes: C3Sizes,
  seed: number,
  scale: ExperimentOptions["scale"] = "default",
): ExperimentResult {
  const started = performance.now();
  const grid = {
    aRange: [BOX.amin, BOX.amax] as [number, number],
    bRange: [BOX.bmin, BOX.bmax] as [number, number],
  };
  const ce = measurePhaseGrid({ ...grid, size: sizes.grid, loss: "ce", time: GRID_TIME, band: C3_BAND });
  const hinge = measurePhaseGrid({
    ...grid,
    size: sizes.grid,
    loss: "hinge",
    time: GRID_TIME,
    band: C3_BAND,
  });
  const half = measureErrorCurve({
    norms: 1,
    count: sizes.count,
    eps: C3_EPS,
    firstLayer: "half-normal",
    seed: seed + 3,
  });
  const gauss = measureErrorCurve({
    norms: 1,
    count: sizes.count,
    eps: C3_EPS,
    firstLayer: "gaussian",
    seed: seed + 5,
  });
  const depths = sizes.depths.map((depth) =>
    measureDepthRecovery({ depth, count: sizes.chains, seed: seed + depth, time: 30 }),
  );
  const separatrix = measureSeparatrixTimes();

  const gridCheck = (g: typeof ce, loss: string): Check => ({
    prediction: "P7",
    statement: `${loss}: the simulated fate of each grid start (a, b) is its predicted region (dead / correct / recovers / fails)`,
    predicted: 1,
    measured: g.accuracy,
    tolerance: `all ${g.counted} starts (the ${g.excluded} with |a + b| < ${C3_BAND}, a > 0 > b, left out)`,
    pass: g.accuracy === 1,
  });
  const checks: Check[] = [
    gridCheck(ce, "cross-entropy"),
    gridCheck(hinge, "hinge"),
    finalCheck(half, "a ~ |N(0, ε²)| (every unit alive)", finalErrorPrediction("halfNormal")),
    finalCheck(gauss, "a ~ N(0, ε²) (dead units count as errors)", finalErrorPrediction("gaussian")),
    ...depths.map(depthCheck),
  ];

  const bigLr = 2.5;
  const ceBig = measurePhaseGrid({
    ...grid,
    size: sizes.grid,
    loss: "ce",
    time: GRID_TIME,
    lr: bigLr,
    band: C3_BAND,
  });
  const hingeBig = measurePhaseGrid({
    ...grid,
    size: sizes.grid,
    loss: "hinge",
    time: GRID_TIME,
    lr: bigLr,
    band: C3_BAND,
  });
  const dense = measureErrorCurve({
    norms: 1,
    count: Math.min(sizes.count, 1000),
    eps: C3_EPS,
    firstLayer: "dense",
    seed: seed + 9,
  });
  const last = separatrix.deltas.length - 1;
  const limits: Limit[] = [
    {
      setting: `near the separatrix: starts at distance δ = ${separatrix.deltas[0]} … ${separatrix.deltas[last]} from b = −a`,
      deviation:
        `the regions still hold but the time to decide diverges like ln(1/δ): recover side ${fmt(separatrix.recover[0].simulated)} → ` +
        `${fmt(separatrix.recover[last].simulated)}, fail side ${fmt(separatrix.fail[0].simulated)} → ${fmt(separatrix.fail[last].simulated)} ` +
        `(gradient flow ${fmt(separatrix.recover[last].predicted)}; GD within ${fmt(100 * separatrix.maxRelativeError)}% of the flow)`,
    },
    {
      setting: `learning rate ${bigLr} (r = 1; GD multiplies a² − b² by 1 − η²c² per step, which changes sign once ηc > 1)`,
      deviation:
        `grid starts ending as predicted: cross-entropy ${fmt(100 * ceBig.accuracy)}%, hinge ${fmt(100 * hingeBig.accuracy)}% ` +
        `(${ceBig.mismatches.length + hingeBig.mismatches.length} mismatches, e.g. ${ceBig.mismatches
          .slice(0, 2)
          .map((m) => `(${fmt(m.a)}, ${fmt(m.b)}) predicted ${m.predicted}, ended ${m.simulated}`)
          .join("; ")})`,
    },
    {
      setting:
        "dense Gaussian first layer N(0, ε²) (20 units on 20 orthogonal points: every unit sees every point)",
      deviation: `final error ${fmt(dense.final)} instead of 1/4 or 5/8: a point fails only if every unit active on it fails`,
    },
  ];
  const deep = depths[depths.length - 1];
  if (deep.undecided > 0) {
    limits.push({
      setting: `depth ${deep.depth}, t = 30`,
      deviation: `${fmt(100 * deep.undecided)}% of the chains are still undecided (near ties |a_D| ≈ min a_l decide slowly)`,
    });
  }

  const summary = [
    `Setting: one ReLU mode per orthogonal point (W₁ = diag(a), w₂ = b, r = 1, label +1). A ${sizes.grid}×${sizes.grid} grid ` +
      `of starts (a, b) ∈ [${BOX.amin}, ${BOX.amax}] × [${BOX.bmin}, ${BOX.bmax}] is simulated for t = ${GRID_TIME} (GD, lr = 0.02) ` +
      `under cross-entropy and hinge; each start is its own mode, so the whole grid runs together.`,
    `Theory (THEORY.md §4, P7): both losses move a mode along the hyperbolas a² − b² = const (the loss only sets the speed), ` +
      `so the fate is decided by the start: dead, correct, recovers (a > |b|) or fails (|b| > a: a reaches 0 first and the unit ` +
      `dies with the wrong sign). With random starts (ε = ${C3_EPS}, ${sizes.count} points each) a quarter of the points fail ` +
      `(half-normal a) or 5/8 (Gaussian a, dead units counted wrong). P9: for a wrong depth-D chain the conserved a_l² − a_k² ` +
      `make the smallest weight reach 0 first, so it recovers iff the output weight is the smallest: probability 1/D ` +
      `(${sizes.chains} random chains per depth, weights |N(0,1)|).`,
  ];
  return {
    id: "c3",
    claim: "C3",
    title: "Regions of failed training",
    summary,
    checks,
    limits,
    figures: [
      phaseFigure(ce, "ce", BOX, GRID_TIME),
      phaseFigure(hinge, "hinge", BOX, GRID_TIME),
      finalErrorFigure(half, gauss, C3_EPS),
      depthFigure(depths),
      separatrixFigure(separatrix),
    ],
    configs: {
      "phase grid, cross-entropy (first 20 starts)": ce.config,
      "random starts, Gaussian a (20 points per run)": gauss.config,
      [`depth ${deep.depth} chains (20 per run)`]: deep.config,
    },
    scale,
    seed,
    seconds: (performance.now() - started) / 1000,
  };
}

export const c3Experiment: Experiment = {
  id: "c3",
  claim: "C3",
  title: "Regions of failed training",
  predictions: ["P7", "P9"],
  run: ({ scale, seed }) => runC3(C3_SIZES[scale], seed, scale),
};
