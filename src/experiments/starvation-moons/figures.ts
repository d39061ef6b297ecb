/** The two-moons figures: the averaged decision function per arm, the NTK feature responses, the NTK spectrum. */
import { formatNumber as fmt } from "../../figures/figure.js";
import { heatmap } from "../../figures/heatmap.js";
import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import type { ExperimentFigure } from "../experiment.js";
import { type MoonsMeasurement, mean } from "./measure.js";
import { FEATURES, type MoonsSettings, SD_COEF } from "./settings.js";

/** The decision function averaged over seeds, with its zero contour and seed 0's points, per arm. */
function boundaryFigures(
  { arms, coords }: MoonsMeasurement,
  s: MoonsSettings,
  seed: number,
): ExperimentFigure[] {
  const erm = arms[0];
  const x0 = erm.runs[0];
  const points = Array.from({ length: x0.y.length }, (_, i) => ({
    x: x0.x[2 * i],
    y: x0.x[2 * i + 1],
    category: x0.y[i] > 0 ? "y = +1" : "y = −1",
  }));
  return arms.map((arm) => ({
    name: arm.sdCoef > 0 ? "boundary-sd" : "boundary-no-sd",
    caption: `Decision function f(x) averaged over ${s.seeds} seeds (each with its own draw of the moons and init), ${arm.label}; black: its zero contour. Points: seed ${seed * 1000}'s training set (margin Δ = 0.1 along x₁). RMS distance of the boundary from its best-fit line inside the data's box: ${fmt(arm.deviation.rms)}. Each panel has its own colour range (max |f| = ${fmt(Math.max(...arm.mean.map(Math.abs)))}): SD keeps the logits small.`,
    figure: heatmap({
      title: `Two moons, ${arm.label}: f(x) averaged over ${s.seeds} seeds`,
      subtitle: `2-layer ReLU, ${s.width} units, SGD lr 0.01 momentum 0.9, ${s.epochs} full-batch epochs; boundary RMS off a line ${fmt(arm.deviation.rms)}`,
      xTitle: "x₁ (margin axis)",
      yTitle: "x₂",
      colorTitle: "f(x)",
      grid: { x: coords, y: coords, values: arm.mean },
      contour: { level: 0, label: "f = 0" },
      points,
      pointsTitle: "class",
      // The class colours match the side of the colour scale they should fall on (f > 0: orange).
      pointColors: { "y = +1": "#b35806", "y = −1": "#2166ac" },
      equalAspect: true,
      height: 360,
    }),
  }));
}

/** Responses along the initial NTK's eigenvectors over training, per arm. */
function featuresFigure({ arms, ratioErm, ratioSd }: MoonsMeasurement, s: MoonsSettings): ExperimentFigure {
  const series: LineSeries[] = [];
  // Light: no SD; dark: SD (all measured, so all solid: dashes mean theory in learndyn's figures).
  const colors = [
    ["#9ecae1", "#fdae6b"],
    ["#08519c", "#a63603"],
  ];
  for (const [a, arm] of arms.entries()) {
    FEATURES.forEach((k, f) => {
      const steps = arm.runs[0].steps;
      const m = steps.map((_, t) => mean(arm.runs.map((r) => r.responses[t][f])));
      series.push({
        name: `z_${k}, ${arm.label}`,
        group: `z_${k}, ${arm.label}`,
        kind: "simulation",
        color: colors[a][f],
        x: steps.slice(1),
        y: m.slice(1),
      });
    });
  }
  return {
    name: "ntk-features",
    caption: `Responses z_k = |u_kᵀ f| of the training logits along eigenvectors u_${FEATURES[0]} and u_${FEATURES[1]} of the NTK Gram matrix at initialization (300 × 300, from per-example gradients), mean over ${s.seeds} seeds. Light: no SD; dark: SD ${SD_COEF}. Without SD the dominant feature keeps growing and the other stays small; SD caps the dominant one and lets the other grow (z_${FEATURES[1]}/z_${FEATURES[0]} at the end: ${fmt(ratioErm)} without, ${fmt(ratioSd)} with SD).`,
    figure: lineChart({
      title: "Features along the initial NTK's eigenvectors",
      subtitle: "light colours: no SD; dark: spectral decoupling; mean over seeds",
      xTitle: "epoch",
      yTitle: "z_k = |u_kᵀ f|",
      xScale: "log",
      yScale: "log",
      series,
      legendTitle: "feature, training",
    }),
  };
}

/** The initial NTK's spectrum (seed 0 of the no-SD arm). */
function spectrumFigure({ arms }: MoonsMeasurement, seed: number): ExperimentFigure {
  const x0 = arms[0].runs[0];
  const ev = x0.eigenvalues;
  return {
    name: "ntk-spectrum",
    caption: `Eigenvalues of the initial NTK Gram matrix (seed ${seed * 1000}): a few large directions carry most of the kernel; gradient descent learns along them first (GS §3). Dotted: the eigenvectors u_1 and u_6 (0-based, as in the paper's code) whose responses are plotted above.`,
    figure: lineChart({
      title: "Spectrum of the initial NTK",
      xTitle: "rank (1 = largest eigenvalue; u_k has rank k + 1)",
      xDomain: [1, ev.length],
      yTitle: "eigenvalue",
      xScale: "log",
      yScale: "log",
      series: [{ name: "eigenvalue", x: ev.map((_, i) => i + 1), y: ev, showPoints: false }],
      rules: FEATURES.map((k) => ({ axis: "x" as const, value: k + 1, label: `u_${k}` })),
      legend: "none",
    }),
  };
}

/** The two-moons figures. */
export function moonsFigures(m: MoonsMeasurement, s: MoonsSettings, seed: number): ExperimentFigure[] {
  return [...boundaryFigures(m, s, seed), featuresFigure(m, s), spectrumFigure(m, seed)];
}
