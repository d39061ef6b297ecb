import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import type { ExperimentFigure } from "../experiment.js";
import { predictedReliance } from "./frequency-checks.js";
import { interval } from "./interval.js";
import type { SbMeasurement } from "./measure.js";

/** Accuracy per test set: per-seed dots, the mean with its interval, chance as the theory line for S-randomised. */
export function sbFigures(m: SbMeasurement): ExperimentFigure[] {
  return [lmsFigure(m), frequencyFigure(m)];
}

function lmsFigure(m: SbMeasurement): ExperimentFigure {
  const keys = ["test", "sRandomized", "scRandomized"] as const;
  const xs = [1, 2, 3];
  const series: LineSeries[] = [
    {
      name: "seeds",
      group: "each seed",
      x: m.seeds.flatMap(() => xs),
      y: m.seeds.flatMap((s) => keys.map((k) => s[k])),
      showPoints: true,
      line: false,
    },
    {
      name: "prediction",
      group: "prediction (1, chance, unchanged)",
      kind: "theory",
      x: xs,
      y: [1, 0.5, interval(m.seeds, "test").mean],
      showPoints: true,
    },
  ];
  const iv = keys.map((k) => interval(m.seeds, k));
  series.push({
    name: "mean",
    group: "mean ± 95% interval",
    x: xs,
    y: iv.map((v) => v.mean),
    band: { lower: iv.map((v) => v.mean - (v.half || 0)), upper: iv.map((v) => v.mean + (v.half || 0)) },
    showPoints: true,
    line: false,
  });
  return {
    name: "randomized-accuracy",
    caption:
      "Test accuracy of the 2-layer ReLU net at x = 1 (plain test set), 2 (S-randomised: the linear coordinate shuffled) and 3 (Sᶜ-randomised: every slab shuffled). Dashed: the simplicity-bias prediction (fits; chance; unchanged). The net uses the linear coordinate only.",
    figure: lineChart({
      title: "Simplicity bias on LMS data",
      xTitle: "1 test · 2 S-randomised · 3 Sᶜ-randomised",
      yTitle: "accuracy",
      series,
    }),
  };
}

/**
 * The frequency half against ρ = p·r_B/r_A: the accuracy with A shuffled and with B shuffled (mean ±
 * interval over seeds), and C5's prediction dashed: the feature learned first is relied on, so its
 * shuffle gives chance, switching at ρ = 1.
 */
function frequencyFigure(m: SbMeasurement): ExperimentFigure {
  const f = [...m.frequency].sort((a, b) => a.rho - b.rho);
  const rhos = f.map((g) => g.rho);
  const lo = Math.min(...rhos, 1) / 1.5;
  const hi = Math.max(...rhos, 1) * 1.5;
  const test = f.length ? interval(f[0].seeds, "test").mean : 1;
  // The step at ρ = 1: the dashed line jumps between just below and just above it.
  const xs = [lo, 1 / 1.0001, 1.0001, hi];
  const predicted = (j: "A" | "B") => xs.map((x) => (predictedReliance(x) === j ? 0.5 : test));
  const measured = (key: "aRandomized" | "bRandomized") => {
    const iv = f.map((g) => interval(g.seeds, key));
    return {
      y: iv.map((v) => v.mean),
      band: { lower: iv.map((v) => v.mean - (v.half || 0)), upper: iv.map((v) => v.mean + (v.half || 0)) },
    };
  };
  const series: LineSeries[] = [
    {
      name: "A shuffled",
      group: "A shuffled (frequent)",
      x: rhos,
      ...measured("aRandomized"),
      showPoints: true,
    },
    { name: "B shuffled", group: "B shuffled (rare)", x: rhos, ...measured("bRandomized"), showPoints: true },
    { name: "A shuffled, C5", group: "A shuffled (frequent)", kind: "theory", x: xs, y: predicted("A") },
    { name: "B shuffled, C5", group: "B shuffled (rare)", kind: "theory", x: xs, y: predicted("B") },
  ];
  return {
    name: "frequency-randomized-accuracy",
    caption:
      "The frequency half: A in every training point, B in a fraction p (norm r_B), the LMS half's net and optimizer. Test accuracy on points carrying both features with A shuffled and with B shuffled (mean ± 95% interval over seeds) against ρ = p·r_B/r_A. Dashed: C5's prediction — the faster mode (rate r_A vs p·r_B) is learned first and relied on, so shuffling it gives chance and shuffling the starved one changes nothing, switching at ρ = 1.",
    figure: lineChart({
      title: "Which feature the net relies on: frequency × norm",
      xTitle: "ρ = p·r_B / r_A (log)",
      yTitle: "accuracy",
      xScale: "log",
      yDomain: [0.4, 1.02],
      rules: [{ axis: "x", value: 1, label: "ρ = 1" }],
      series,
    }),
  };
}
