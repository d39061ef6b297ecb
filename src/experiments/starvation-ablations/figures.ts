/** The ablation figures: the seed-averaged decision function per ablation (small multiples) and the curvature per ablation. */
import { dotPlot } from "../../figures/dotPlot.js";
import { formatNumber as fmt } from "../../figures/figure.js";
import { heatmap } from "../../figures/heatmap.js";
import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { smallMultiples } from "../../figures/smallMultiples.js";
import type { ExperimentFigure } from "../experiment.js";
import { finalRatio, LINE_RMS, PUBLISHED_SD_RMS } from "./checks.js";
import type { AblationMeasurement, AblationResult } from "./measure.js";
import { FEATURES, FIG2_WEIGHT_DECAY } from "./ntk-features.js";
import type { AblationSettings } from "./settings.js";

/** Most cells a panel draws per axis: 8 panels of 81² cells made a 19 MB SVG. */
const PANEL_CELLS = 51;

/** The grid thinned to every k-th point, k the smallest divisor of (g − 1) that leaves ≤ PANEL_CELLS, so both ends stay. */
export function thinGrid(
  values: Float64Array,
  coords: readonly number[],
): { coords: number[]; values: Float64Array } {
  const g = coords.length;
  let k = 1;
  while ((g - 1) / k + 1 > PANEL_CELLS || (g - 1) % k !== 0) k++;
  const kept = coords.filter((_, i) => i % k === 0);
  const out = new Float64Array(kept.length * kept.length);
  for (let j = 0; j < kept.length; j++)
    for (let i = 0; i < kept.length; i++) out[j * kept.length + i] = values[j * k * g + i * k];
  return { coords: kept, values: out };
}

/** One panel: f / max|f| averaged over seeds, its zero contour, the first seed's training points. */
function boundaryPanel(r: AblationResult, fullCoords: number[]) {
  const { coords, values } = thinGrid(r.mean, fullCoords);
  const scale = Math.max(...values.map(Math.abs)) || 1;
  const first = r.runs[0];
  const points = Array.from({ length: first.y.length }, (_, i) => ({
    x: first.x[2 * i],
    y: first.x[2 * i + 1],
    category: first.y[i] > 0 ? "y = +1" : "y = −1",
  }));
  return {
    title: `${r.ablation.label}: RMS ${fmt(r.deviation.rms, 2)}`,
    figure: heatmap({
      title: r.ablation.label,
      xTitle: "x₁",
      yTitle: "x₂",
      colorTitle: "f / max|f|",
      grid: { x: coords, y: coords, values: values.map((v) => v / scale) },
      domain: [-1, 1],
      colorLegend: false,
      contour: { level: 0, label: "f = 0" },
      points,
      pointColors: { "y = +1": "#b35806", "y = −1": "#2166ac" },
      legend: "none",
      equalAspect: true,
      height: 200,
    }),
  };
}

/** The decision boundaries of every ablation side by side, as their Fig. 3. */
function boundariesFigure(m: AblationMeasurement, s: AblationSettings, seed: number): ExperimentFigure {
  const panels = m.results.map((r) => boundaryPanel(r, m.coords));
  return {
    name: "boundaries",
    caption: `Decision function f(x) averaged over ${s.seeds} seeds per ablation (each seed its own draw of the moons and init; the ablations of a seed share both), drawn on a grid of ≤ ${PANEL_CELLS}² cells (the curvature is measured on the full ${s.grid}² grid), scaled by its largest |f| there so every panel spans −1 (blue) to +1 (orange); black: the zero contour. Points: seed ${seed * 1000}'s training set (orange y = +1, blue y = −1; the 45° panel shows its rotated data). Panel titles give the RMS distance of the boundary from its best-fit line inside the data's box (the rotated panel's boundary is turned back first). Their Fig. 3 shows every panel but spectral decoupling as a near-straight line through the margin.`,
    figure: smallMultiples({
      title: "Two-moons ablations: the seed-averaged decision boundary",
      subtitle: `2-layer ReLU (${s.width} units; 5 layers: ${s.deepWidth}), ${s.epochs} epochs (10× longer: ${10 * s.epochs}); colour f / max|f| from −1 (blue) to +1 (orange), black f = 0`,
      panels,
      columns: 4,
      panelWidth: 200,
      panelHeight: 200,
    }),
  };
}

/** The curvature of every ablation: per seed and of the seed-averaged boundary, with the line threshold and the authors' code's SD range. */
function curvatureFigure(m: AblationMeasurement, s: AblationSettings): ExperimentFigure {
  return {
    name: "curvature",
    caption: `RMS distance of the decision boundary from its best-fit line inside the data's box, per ablation: grey dots each seed's own boundary, blue diamonds the boundary of the seed-averaged decision function (what the checks use). Dotted: ${LINE_RMS}, half the data's margin, below which a boundary is called a line. Shaded: ${PUBLISHED_SD_RMS[0]}–${PUBLISHED_SD_RMS[1]}, the SD boundary measured on the authors' own scripts at 10,000 epochs (issue #15; not a number of the paper). This run: ${s.epochs} epochs.`,
    figure: dotPlot({
      title: "Which ablation bends the boundary?",
      subtitle: `${s.seeds} seeds, ${s.epochs} epochs; 0 = a straight line`,
      xTitle: "RMS distance of the boundary from a line (input units)",
      rows: m.results.map((r) => ({
        category: r.ablation.label,
        values: r.seedRms,
        summary: r.deviation.rms,
      })),
      valuesLabel: "one seed's boundary",
      summaryLabel: "seed-averaged boundary",
      references: [
        { from: LINE_RMS, label: "line" },
        { from: PUBLISHED_SD_RMS[0], to: PUBLISHED_SD_RMS[1], label: "SD, authors' code, 10k epochs" },
      ],
    }),
  };
}

/** Their Fig. 2: z_1 and z_6 over epochs, without and with SD (mean over seeds), on log–log axes. */
function featuresFigure(m: AblationMeasurement, s: AblationSettings): ExperimentFigure {
  // Light: no SD; dark: SD (all measured, so all solid: dashes mean theory in learndyn's figures).
  const colors = [
    ["#9ecae1", "#fdae6b"],
    ["#08519c", "#a63603"],
  ];
  const series: LineSeries[] = m.features.flatMap(({ arm, runs }, a) =>
    FEATURES.map((k, f) => {
      const steps = runs[0].steps;
      const z = steps.map((_, t) => runs.reduce((acc, r) => acc + r.responses[t][f], 0) / runs.length);
      const name = `z_${k}, ${arm.label}`;
      return {
        name,
        group: name,
        kind: "simulation" as const,
        color: colors[a][f],
        x: steps.slice(1),
        y: z.slice(1),
      };
    }),
  );
  const [none, sd] = m.features.map((f) => finalRatio(f.runs));
  return {
    name: "ntk-features",
    caption: `Their Fig. 2 protocol (Figure_2/moon_fig_2.py: SGD lr 0.01, momentum 0.9, weight decay ${FIG2_WEIGHT_DECAY}, ${s.ntkEpochs} epochs, margin +0.1): the training logits' coordinates z_k = |u_kᵀ f| along eigenvectors u_${FEATURES[0]} and u_${FEATURES[1]} (0-based, as their code) of the NTK Gram matrix at initialization (300 × 300, the engine's ntkGram), mean over ${s.ntkSeeds} seed${s.ntkSeeds === 1 ? "" : "s"}. Light: no SD; dark: SD ${m.features[1].arm.sdCoef}. z_${FEATURES[1]}/z_${FEATURES[0]} at the end: ${fmt(none)} without, ${fmt(sd)} with SD. Their Δ = −0.1 run is not repeated here.`,
    figure: lineChart({
      title: "Features along the initial NTK's eigenvectors (their Fig. 2 protocol)",
      subtitle: `weight decay ${FIG2_WEIGHT_DECAY}, ${s.ntkEpochs} epochs; light colours: no SD, dark: spectral decoupling`,
      xTitle: "epoch",
      yTitle: "z_k = |u_kᵀ f|",
      xScale: "log",
      yScale: "log",
      series,
      legendTitle: "feature, training",
    }),
  };
}

/** The ablation figures (the Fig. 2 one when its pair was run). */
export function ablationFigures(
  m: AblationMeasurement,
  s: AblationSettings,
  seed: number,
): ExperimentFigure[] {
  const withFeatures = m.features.length > 0 && m.features.every((f) => f.runs.length > 0);
  return [
    boundariesFigure(m, s, seed),
    curvatureFigure(m, s),
    ...(withFeatures ? [featuresFigure(m, s)] : []),
  ];
}
