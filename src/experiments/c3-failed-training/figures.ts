import type { XY } from "../../figures/figure.js";
import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { type PhaseTrajectory, phasePortrait } from "../../figures/phasePortrait.js";
import { smallMultiples } from "../../figures/smallMultiples.js";
import { OUTCOME_COLORS, PALETTE } from "../../figures/theme.js";
import type { ErrorCurveMeasurement } from "../../kit/measure/error-curves.js";
import { errorCurveEqualNorm } from "../../theory/error-curve.js";
import { type Box, failureRegions, flowLines, type Polygon } from "../../theory/failure-regions.js";
import type { ExperimentFigure } from "../experiment.js";
import type { DepthRecoveryMeasurement } from "./depth.js";
import type { C3Measurement } from "./measure.js";
import type { PhaseGridMeasurement, SeparatrixMeasurement } from "./phase-grid.js";
import { BOX, C3_EPS, GRID_TIME } from "./settings.js";

const xy = (p: Polygon): XY[] => p.a.map((a, i) => ({ x: a, y: p.b[i] }));

/** Trajectory starts shown in the portrait (the nearest grid starts are used). */
const SHOWN: XY[] = [
  { x: 0.45, y: 0.2 },
  { x: 1.2, y: -0.2 },
  { x: 0.9, y: -0.65 },
  { x: 1.35, y: -1.05 },
  { x: 0.3, y: -0.85 },
  { x: 0.75, y: -1.3 },
  { x: 0.15, y: 0.85 },
];

/** The phase portrait of one loss: regions, flow lines, the separatrix, starts coloured by outcome. */
export function phaseFigure(
  g: PhaseGridMeasurement,
  loss: "ce" | "hinge",
  box: Box,
  time: number,
): ExperimentFigure {
  const regions = failureRegions(box);
  const trajectories: PhaseTrajectory[] = SHOWN.map((s) => {
    let best = 0;
    g.a0.forEach((a, k) => {
      if ((a - s.x) ** 2 + (g.b0[k] - s.y) ** 2 < (g.a0[best] - s.x) ** 2 + (g.b0[best] - s.y) ** 2) best = k;
    });
    return {
      id: `start ${best}`,
      outcome: g.outcome[best],
      points: g.t.map((_, j) => ({ x: g.a[j][best], y: g.b[j][best] })),
    };
  });
  const name = loss === "ce" ? "cross-entropy" : "hinge";
  return {
    name: `phase-portrait-${loss}`,
    caption:
      `Phase plane of one ReLU mode under ${name} (y = +1, r = 1): a = first-layer weight on the point, b = output ` +
      `weight. Shaded: the theory's fates (P7) — dead (a ≤ 0), correct (b > 0), recovers (−a < b < 0), fails (b < −a); ` +
      `grey: flow lines a² − b² = const; dashed: the separatrix b = −a. Dots: ${g.a0.length} starts simulated together ` +
      `(one mode each) for t = ${time}, coloured by their simulated outcome; lines: some of their trajectories. ` +
      `${(100 * g.accuracy).toFixed(1)}% of the ${g.counted} starts outside |a + b| < 0.05 end as predicted.`,
    figure: phasePortrait({
      title: `C3: regions of failed training (${name})`,
      subtitle: "shaded: predicted fate; dots: starts coloured by simulated outcome",
      xDomain: [box.amin, box.amax],
      yDomain: [box.bmin, box.bmax],
      regions: [
        { name: "dead", polygon: xy(regions.dead), color: OUTCOME_COLORS.dead },
        { name: "correct", polygon: xy(regions.correct), color: OUTCOME_COLORS.learned },
        {
          name: "recovers",
          polygon: xy(regions.recovers),
          color: OUTCOME_COLORS.recovered,
          labelAt: { x: 1.2, y: -0.45 },
        },
        {
          name: "fails",
          polygon: xy(regions.fails),
          color: OUTCOME_COLORS.failed,
          labelAt: { x: 0.45, y: -1.2 },
        },
      ],
      flowLines: flowLines([-1.5, -0.8, -0.3, -0.05, 0.05, 0.3, 0.8, 1.5], box).map(xy),
      curves: [{ points: xy(regions.separatrix), label: "separatrix b = −a" }],
      trajectories,
      points: g.a0.map((a, k) => ({ x: a, y: g.b0[k], outcome: g.outcome[k] })),
      outcomeColors: { undecided: PALETTE[3] },
      outcomeTitle: "simulated outcome",
    }),
  };
}

/** Error over time for half-normal and Gaussian first-layer init, with 1/4 and 5/8. */
export function finalErrorFigure(
  half: ErrorCurveMeasurement,
  gauss: ErrorCurveMeasurement,
  eps: number,
): ExperimentFigure {
  const series: LineSeries[] = [];
  const add = (m: ErrorCurveMeasurement, label: string, aInit: "halfNormal" | "gaussian", color: string) => {
    const pts = m.t.map((t, j) => ({ x: t, y: m.simulated[j] })).filter((p) => p.x > 0);
    series.push({ name: `${label} simulation`, group: label, points: pts, color });
    const lo = pts[0].x;
    const hi = pts[pts.length - 1].x;
    series.push({
      name: `${label} theory`,
      group: label,
      kind: "theory",
      points: Array.from({ length: 200 }, (_, i) => {
        const t = lo * (hi / lo) ** (i / 199);
        return { x: t, y: errorCurveEqualNorm(t, 1, { aInit }) };
      }),
    });
  };
  add(half, "a ~ |N(0, ε²)|", "halfNormal", PALETTE[0]);
  add(gauss, "a ~ N(0, ε²)", "gaussian", PALETTE[1]);
  return {
    name: "final-error",
    caption:
      `Training error over time for ${half.count} independent modes (r = 1, ε = ${eps}, cross-entropy) with a half-normal ` +
      `first layer (every unit alive) and with a Gaussian one (half the units dead on their point: f = 0 counts as wrong). ` +
      `Dashed: theory; dotted: the predicted final errors 1/4 and 5/8 — a quarter (resp. ⅛ + ½) of the points never learn.`,
    figure: lineChart({
      title: "C3: final error 1/4 (half-normal a) and 5/8 (Gaussian a)",
      subtitle: "solid: simulation; dashed: E(t) from P8/P7; dotted: 1/4 and 5/8",
      xTitle: "training time t = lr × steps",
      yTitle: "training error",
      xScale: "log",
      yDomain: [0.2, 0.8],
      series,
      rules: [
        { axis: "y", value: 0.25, label: "1/4" },
        { axis: "y", value: 0.625, label: "5/8" },
      ],
      legend: "right",
    }),
  };
}

/** P(recover) of a wrong chain vs depth with its 99% interval, and 1/D. */
export function depthFigure(ds: DepthRecoveryMeasurement[]): ExperimentFigure {
  const sim = ds.map((d) => ({ x: d.depth, y: d.recovered }));
  const hw = ds.map((d) => Math.sqrt((d.recovered * (1 - d.recovered)) / d.count) * 2.576);
  const lo = ds[0].depth;
  const hi = ds[ds.length - 1].depth;
  return {
    name: "recovery-vs-depth",
    caption:
      `Fraction of wrong depth-D chains (hidden weights and |output| i.i.d. |N(0,1)|, ${ds[0].count} per depth) that ` +
      `recover, with 99% binomial intervals (band), against P9's 1/D (dashed): the output weight must be the smallest ` +
      `of the D weights.`,
    figure: lineChart({
      title: "C3: a wrong point recovers with probability 1/D",
      subtitle: "deep chains f = r·a₁⋯a_D on orthogonal points; band: 99% interval",
      xTitle: "depth D",
      xInteger: true,
      yTitle: "P(recover)",
      yDomain: [0, 0.6],
      series: [
        {
          name: "simulation",
          group: "simulation",
          points: sim,
          showPoints: true,
          color: PALETTE[0],
          band: { lower: sim.map((p, i) => p.y - hw[i]), upper: sim.map((p, i) => p.y + hw[i]) },
        },
        {
          name: "theory 1/D",
          group: "theory 1/D",
          kind: "theory",
          color: "#000000",
          points: Array.from({ length: 61 }, (_, i) => {
            const D = lo + ((hi - lo) * i) / 60;
            return { x: D, y: 1 / D }; // P9's chainRecoveryProbability, drawn between the integer depths
          }),
        },
      ],
      legend: "top-right",
    }),
  };
}

/** Decision time near the separatrix vs the distance δ, simulated and by gradient flow. */
export function separatrixFigure(s: SeparatrixMeasurement): ExperimentFigure {
  // The two sides' curves coincide (and each simulation lies on its flow): one panel per side, GD as
  // dots over the dashed flow, so neither hides the other.
  const panel = (side: "recover" | "fail", label: string, color: string) => ({
    title: label,
    figure: lineChart({
      title: label,
      xTitle: "distance δ from the separatrix b = −a",
      yTitle: "time to decide t",
      xScale: "log",
      legend: "none",
      series: [
        {
          name: `${label} flow`,
          group: label,
          kind: "theory",
          color: "#000000",
          points: s[side].map((p, i) => ({ x: s.deltas[i], y: p.predicted })),
        },
        {
          name: `${label} simulation`,
          group: label,
          color,
          showPoints: true,
          line: false,
          points: s[side].map((p, i) => ({ x: s.deltas[i], y: p.simulated })),
        },
      ],
    }),
  });
  return {
    name: "separatrix-time",
    caption:
      "Starts at distance δ on either side of the separatrix (b₀ = −0.5, cross-entropy, r = 1), one panel per side: the time to decide " +
      "(flip, or the unit dying) grows like ln(1/δ) on both sides — trajectories linger near the saddle (0, 0) — and the two sides take almost the same time. " +
      "Dots: gradient descent; black dashed: the exact gradient-flow times (flip-time quadrature; mode ODE until a = 0).",
    figure: smallMultiples({
      title: "C3: near the separatrix the time to decide diverges",
      subtitle: "dots: GD (lr = 0.01); dashed: gradient flow",
      panels: [
        panel("recover", "a₀ = |b₀| + δ: flips (recovers)", OUTCOME_COLORS.recovered),
        panel("fail", "a₀ = |b₀| − δ: unit dies (fails)", OUTCOME_COLORS.failed),
      ],
    }),
  };
}

/** The C3 figures: phase portraits per loss, final errors, recovery vs depth, the separatrix. */
export function c3Figures({ ce, hinge, half, gauss, depths, separatrix }: C3Measurement): ExperimentFigure[] {
  return [
    phaseFigure(ce, "ce", BOX, GRID_TIME),
    phaseFigure(hinge, "hinge", BOX, GRID_TIME),
    finalErrorFigure(half, gauss, C3_EPS),
    depthFigure(depths),
    separatrixFigure(separatrix),
  ];
}
