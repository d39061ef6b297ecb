/**
 * C5 (P10): the frequency of a feature sets its convergence speed. A feature of norm r carried by a
 * fraction p of the points is learned at t ≈ ln(1/(r ε))/(p r) (2 layers) or 2 a0^{−(D−2)}/((D−2) p r)
 * (depth D ≥ 3): time ∝ 1/(p·r). See ./c5/feature-time.ts for the network and the definition of "learned".
 */

import { type LineSeries, lineChart } from "../figures/lineChart.js";
import { absoluteCheck, relativeCheck } from "../kit/checks.js";
import { fitLine } from "../math/fit.js";
import { formatSignificant as fmt } from "../math/format.js";
import { marginAtTime } from "../theory/balanced-ei.js";
import { measureDenseFeatureTimes } from "./c5/dense-limit.js";
import { exactLearningTime, type FeatureTimeResult, measureFeatureLearningTime } from "./c5/feature-time.js";
import type { Check, Experiment, ExperimentOptions, ExperimentResult, Limit } from "./experiment.js";

/** Slope of log t against log p over results with the same r (exactly −1 in the theory). */
function slopeVsP(results: readonly FeatureTimeResult[]): number {
  return fitLine(
    results.map((x) => ({ x: x.p, y: x.measured })),
    "log",
    "log",
  ).slope;
}

function maxRelError(results: readonly FeatureTimeResult[], key: "exact" | "approx"): number {
  return Math.max(...results.map((x) => Math.abs(x.measured - x[key]) / x[key]));
}

function run({ scale, seed }: ExperimentOptions): ExperimentResult {
  const started = performance.now();
  const full = scale === "full";
  const ps = full ? [0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1] : [0.05, 0.1, 0.2, 0.4, 0.8];
  const rs = full ? [0.25, 0.5, 1, 2, 4] : [0.5, 1, 2];
  const n = full ? 400 : 200;
  const a0 = 0.03; // 2 layers: ε = a0² = 9e-4
  const deep: Record<number, number> = { 3: 0.1, 4: 0.2 };
  // One learning rate for every run (lr·p·r ≤ 0.04), so the 1/p scaling is not built into the step size.
  const lr = 0.02;
  const measure = (p: number, r: number, depth: number, network: "linear" | "relu-pair" = "linear") =>
    measureFeatureLearningTime({ p, r, a0: depth === 2 ? a0 : deep[depth], depth, network, n, seed, lr });

  // 2 layers: every (p, r).
  const two = new Map<number, FeatureTimeResult[]>();
  for (const r of rs)
    two.set(
      r,
      ps.map((p) => measure(p, r, 2)),
    );
  const all2 = [...two.values()].flat();
  // Depth 3 and 4 at r = 1.
  const depths = full ? [3, 4, 5] : [3, 4];
  if (full) deep[5] = 0.3;
  const deepRuns = new Map<number, FeatureTimeResult[]>();
  for (const D of depths)
    deepRuns.set(
      D,
      ps.map((p) => measure(p, 1, D)),
    );
  // ReLU realization: each path is pushed by half of the carriers (q = p/2), so times double.
  const reluPs = [0.1, 0.4];
  const relu = reluPs.map((p) => measure(p, 1, 2, "relu-pair"));
  const linearAtReluPs = reluPs.map(
    (p) => (two.get(1) as FeatureTimeResult[]).find((x) => x.p === p) ?? measure(p, 1, 2),
  );

  const r1 = two.get(1) as FeatureTimeResult[];
  const checks: Check[] = [];
  checks.push(
    absoluteCheck(
      "P10",
      "2 layers, r = 1: time to learn ∝ 1/p — log-log slope of t against p is −1",
      -1,
      slopeVsP(r1),
      0.02,
    ),
  );
  checks.push(
    relativeCheck(
      "P10",
      `2 layers: every measured time (${all2.length} features, p ∈ [${ps[0]}, ${ps[ps.length - 1]}], r ∈ [${rs[0]}, ${rs[rs.length - 1]}]) equals the mode ODE's exact time (1/(2pr))[ln(1/m0) + Ei(1) − Ei(m0)], m0 = r ε — worst case shown`,
      1,
      1 + maxRelError(all2, "exact"),
      0.02,
    ),
  );
  // THEORY's leading-order formula drops an O(1/(pr)) term: relative size ≈ 0.66/ln(1/(rε)) (≤ 0.11 here).
  const approxTol = Math.max(...all2.map((x) => 0.7 / Math.log(1 / (x.r * x.eps)))) + 0.02;
  checks.push({
    ...relativeCheck(
      "P10",
      "2 layers: t ≈ ln(1/(r ε))/(p r) (THEORY.md §5's leading order) — worst relative deviation shown",
      1,
      1 + maxRelError(all2, "approx"),
      approxTol,
    ),
    tolerance: `relative error ≤ ${fmt(approxTol, 2)} (the formula drops the Ei term ≈ 0.66/(pr), i.e. ≈ 0.66/ln(1/(rε)) relative)`,
  });
  const lo = r1[0];
  const hi = r1[r1.length - 1];
  checks.push(
    relativeCheck(
      "P10",
      `ratio of the times of two features at the same norm = inverse ratio of p·r: t(p=${lo.p})/t(p=${hi.p})`,
      hi.p / lo.p,
      lo.measured / hi.measured,
      0.02,
    ),
  );
  // Different norms: the ratio carries the log factor ln(1/(r ε)).
  const rMin = two.get(rs[0]) as FeatureTimeResult[];
  const rMax = two.get(rs[rs.length - 1]) as FeatureTimeResult[];
  const fA = rMax[0]; // rare, strong
  const fB = rMin[rMin.length - 1]; // frequent, weak
  const predictedRatio = fA.exact / fB.exact;
  checks.push(
    relativeCheck(
      "P10",
      `different norms: t(p=${fA.p}, r=${fA.r})/t(p=${fB.p}, r=${fB.r}) = inverse p·r ratio ${fmt((fB.p * fB.r) / (fA.p * fA.r))} times ln(1/(r_A ε))/ln(1/(r_B ε)) (exact ODE ratio shown as predicted)`,
      predictedRatio,
      fA.measured / fB.measured,
      0.02,
    ),
  );
  for (const D of depths) {
    const runs = deepRuns.get(D) as FeatureTimeResult[];
    checks.push(
      absoluteCheck("P10", `depth ${D}: time to learn ∝ 1/p — log-log slope −1`, -1, slopeVsP(runs), 0.02),
    );
    checks.push(
      relativeCheck(
        "P10",
        `depth ${D}: measured times equal the mode ODE's exact time (worst case shown)`,
        1,
        1 + maxRelError(runs, "exact"),
        0.02,
      ),
    );
    const tol = D === 3 ? 0.12 : 0.08;
    checks.push({
      ...relativeCheck(
        "P10",
        `depth ${D}: t ≈ 2 a0^{−(D−2)}/((D−2) p r) with a0 = ${deep[D]} (finite-time escape; worst case shown)`,
        1,
        1 + maxRelError(runs, "approx"),
        tol,
      ),
      tolerance: `relative error ≤ ${tol} (the formula assumes σ(−m) = ½ up to the blow-up; σ falls before r u = 1)`,
    });
  }
  const reluRatio = relu.map((x, i) => x.measured / linearAtReluPs[i].measured);
  checks.push(
    relativeCheck(
      "P10",
      "ReLU realization (a ± pair of units per feature): each unit sees the carriers of one label, so q = p/2 and times double — t_ReLU/t_linear",
      2,
      reluRatio.reduce((w, v) => (Math.abs(v - 2) > Math.abs(w - 2) ? v : w), 2),
      0.02,
    ),
  );

  // Limits.
  const limits: Limit[] = [];
  const denseFeatures = [0.1, 0.2, 0.4, 0.8].map((p) => ({ p, r: 1 }));
  const dense = measureDenseFeatureTimes({ features: denseFeatures, n, seed, steps: full ? 6000 : 2500 });
  const dt = dense.times;
  limits.push({
    setting:
      "dense ReLU net, width 64, Gaussian init (std 0.01, balanced), all four features (p = 0.1, 0.2, 0.4, 0.8; r = 1) at once on overlapping random carriers",
    deviation: `log-log slope of t against p·r = ${fmt(dense.slope)} (theory −1); t(p=0.1)/t(p=0.8) = ${fmt(dt[0].t / dt[3].t)} (theory 8). Times ${dt.map((x) => fmt(x.t)).join(", ")}: the rare feature is partly learned through the units of the frequent ones (they share carriers), so the spread shrinks.`,
  });
  const bigA0 = 0.5;
  const big = measureFeatureLearningTime({ p: 0.2, r: 1, a0: bigA0, n, seed });
  limits.push({
    setting: `larger init: a0 = ${bigA0} (ε = ${bigA0 ** 2}), p = 0.2, r = 1`,
    deviation: `measured ${fmt(big.measured)}, exact mode ODE ${fmt(big.exact)} (still exact: ${fmt((big.measured / big.exact - 1) * 100, 2)}%), but ln(1/(rε))/(pr) = ${fmt(big.approx)}: ${fmt((big.approx / big.measured - 1) * 100, 2)}% off (the leading-order formula needs ln(1/(rε)) ≫ 1).`,
  });
  const fast = measureFeatureLearningTime({ p: 0.2, r: 1, a0, n, seed, lrRate: 0.5 });
  const veryFast = measureFeatureLearningTime({ p: 0.2, r: 1, a0, n, seed, lrRate: 1.5 });
  limits.push({
    setting: "larger learning rate: lr·p·r = 0.5 and 1.5 (default 0.005), p = 0.2, r = 1",
    deviation: `time to learn ${fmt(fast.measured)} and ${fmt(veryFast.measured)} vs exact ${fmt(fast.exact)}: ${fmt((fast.measured / fast.exact - 1) * 100, 2)}% and ${fmt((veryFast.measured / veryFast.exact - 1) * 100, 2)}% (GD's discrete growth (1 + lr·pr/2)² per step differs from e^{lr·pr}).`,
  });

  // Figures.
  const groups: { name: string; runs: FeatureTimeResult[]; r: number; depth: number; a0: number }[] = [
    ...rs.map((r) => ({
      name: `2 layers, r = ${r}`,
      runs: two.get(r) as FeatureTimeResult[],
      r,
      depth: 2,
      a0,
    })),
    ...depths.map((D) => ({
      name: `depth ${D}, r = 1`,
      runs: deepRuns.get(D) as FeatureTimeResult[],
      r: 1,
      depth: D,
      a0: deep[D],
    })),
  ];
  const series: LineSeries[] = [];
  for (const g of groups) {
    series.push({
      name: `${g.name} (simulation)`,
      group: g.name,
      kind: "simulation",
      points: g.runs.map((x) => ({ x: x.p * x.r, y: x.measured })),
      showPoints: true,
    });
    // Theory over a wider range than simulated, so the dashes show beside the points they run through.
    const grid = Array.from({ length: 30 }, (_, i) => (ps[0] / 2) * (1 / (ps[0] / 2)) ** (i / 29));
    series.push({
      name: `${g.name} (theory)`,
      group: g.name,
      kind: "theory",
      points: grid.map((p) => ({ x: p * g.r, y: exactLearningTime(p, g.r, g.a0, g.depth) })),
    });
  }
  const timeFigure = lineChart({
    title: "Time to learn a feature vs frequency × norm",
    subtitle: `mode networks, mean CE, GD; 2 layers ε = ${a0 ** 2}; depth 3 a0 = ${deep[3]}, depth 4 a0 = ${deep[4]}`,
    xTitle: "p · r (frequency × norm)",
    yTitle: "time to learn t (r·u = 1)",
    xScale: "log",
    yScale: "log",
    series,
    legendTitle: "network",
  });
  const curveSeries: LineSeries[] = [];
  for (const x of r1) {
    const name = `p = ${x.p}`;
    curveSeries.push({
      name: `${name} (simulation)`,
      group: name,
      kind: "simulation",
      points: x.curve.filter((c) => c.x > 0),
    });
    const tMax = x.curve[x.curve.length - 1].x;
    const ts = Array.from({ length: 120 }, (_, i) => x.curve[1].x * ((4 * tMax) / x.curve[1].x) ** (i / 119));
    curveSeries.push({
      name: `${name} (theory)`,
      group: name,
      kind: "theory",
      points: ts.map((t) => ({ x: t, y: marginAtTime(t, x.r * x.eps, x.q * x.r) })),
    });
  }
  const curveFigure = lineChart({
    title: "Learning curves of features with different frequencies",
    subtitle: `2 layers, r = 1, ε = ${a0 ** 2}: carriers' margin r·u over time`,
    xTitle: "time t = lr × steps",
    yTitle: "margin r·u of a carrier",
    xScale: "log",
    yScale: "log",
    series: curveSeries,
    rules: [{ axis: "y", value: 1, label: "learned: r·u = 1" }],
    legendTitle: "frequency",
  });

  return {
    id: "c5",
    claim: "C5",
    title: "Feature frequency sets the speed of learning",
    summary: [
      `Setting: the "features" data (n = ${n}), a feature of norm r carried by a fraction p of the points (the other points carry nothing), labels ±1, the feature's sign = the label; CE loss averaged over the points (reduction "mean", THEORY.md §5); full-batch GD with one lr = 0.02 for every run (lr·p·r ≤ 0.04, so GD follows the flow to < 1%). The network is the feature's mode itself: a chain of D scalar weights on the feature's coordinate, identity activation, all started at a0 (balanced; ε = a0^D), so the response along the feature is u = w₁…w_D. A ReLU realization (a ± pair of units per layer) is run too: each ReLU path fires only on the carriers of one label, so it is pushed by p/2 of the points and learns twice as slowly. One feature per run: with disjoint carriers a diagonal network over K features is exactly K such runs, while a dense first layer on shared carriers is not made of the features' modes (measured in the limits).`,
      `Theory: the mode's margin m = r u obeys m' = 2 p r σ(−m) m (2 layers), so the time to "learn" (r·u = 1, the carriers' margin reaches 1) is THEORY.md §3's Ei formula with r → p r, ≈ ln(1/(r ε))/(p r); for depth D, a' = p r σ(−r a^D) a^{D−1}, time ≈ 2 a0^{−(D−2)}/((D−2) p r). Both ∝ 1/(p r) at fixed r; across norms the 2-layer time carries the extra factor ln(1/(r ε)). Measured: ${all2.length} features with 2 layers, ${ps.length} per depth ${depths.join(" and ")}, ${relu.length} ReLU runs.`,
    ],
    checks,
    limits,
    figures: [
      {
        name: "time-vs-frequency",
        caption:
          "Time for a feature's carriers to reach margin 1 against p·r, log-log. Points and solid lines: simulations; dashed: the mode ODE's exact time (drawn over a wider range of p; where both exist they coincide). Each family has slope −1; the 2-layer families for different norms are offset by the factor ln(1/(rε)), the deeper ones (finite-time escape) sit higher and are steeper in a0.",
        figure: timeFigure,
      },
      {
        name: "learning-curves",
        caption:
          "Margin r·u of a carrier over log time for five frequencies (r = 1, 2 layers). Solid: simulation; dashed: the Ei solution with time scaled by p. The dashes run on past the end of each simulation (they coincide with it before). Each curve is the same shape shifted in log time by ln(1/p): halving p doubles the time.",
        figure: curveFigure,
      },
    ],
    configs: {
      "two-layer-p0.1": r1[1].config,
      "depth3-p0.2": (deepRuns.get(3) as FeatureTimeResult[])[2].config,
      "relu-pair-p0.4": relu[1].config,
      "dense-limit": dense.config,
    },
    scale,
    seed,
    seconds: (performance.now() - started) / 1000,
  };
}

export const c5Experiment: Experiment = {
  id: "c5",
  claim: "C5",
  title: "Feature frequency sets the speed of learning",
  predictions: ["P10"],
  run,
};
