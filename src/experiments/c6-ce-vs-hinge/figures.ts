import { formatNumber as fmt } from "../../figures/figure.js";
import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { type ScatterPoint, scatterChart } from "../../figures/scatterChart.js";
import { simAndTheory } from "../../figures/simAndTheory.js";
import { hingeMarginAtTime, marginAtTime } from "../../theory/balanced-ei.js";
import type { ExperimentFigure } from "../experiment.js";
import type { C6Measurement } from "./measure.js";
import type { BalancedPairResult, FlipRatioResult } from "./measurements.js";
import type { C6Settings } from "./settings.js";

function positive(t: readonly number[], y: readonly number[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < t.length; i++) if (t[i] > 0) out.push({ x: t[i], y: y[i] });
  return out;
}

/** Margins of chosen balanced modes under CE and hinge (log–log), theory dashed. */
export function marginsFigure(b: BalancedPairResult, show: readonly number[], a0: number): ExperimentFigure {
  const series: LineSeries[] = [];
  const tMax = b.ce.t[b.ce.t.length - 1];
  const grid = Array.from({ length: 300 }, (_, i) => 1e-2 * (tMax / 1e-2) ** (i / 299));
  let slot = 0;
  for (const r of show) {
    const k = b.modes.findIndex((m) => m.r === r);
    if (k < 0) continue;
    const m0 = b.modes[k].m0;
    for (const loss of ["cross-entropy", "hinge"] as const) {
      const run = loss === "hinge" ? b.hinge : b.ce;
      const group = `${loss}, ‖x‖ = ${fmt(r)}`;
      series.push(
        ...simAndTheory({
          group,
          color: slot++,
          sim: { name: `${group} sim`, points: positive(run.t, run.margin[k]) },
          theory: {
            name: `${group} theory`,
            points: grid.map((t) => ({
              x: t,
              y: loss === "hinge" ? hingeMarginAtTime(t, m0, r) : marginAtTime(t, m0, r),
            })),
          },
        }),
      );
    }
  }
  return {
    name: "margins-ce-vs-hinge",
    caption:
      `C6/P6: margin of a balanced mode (a0 = b0 = ${fmt(a0)}) under cross-entropy and hinge, from the same init. Solid: ` +
      "simulation; dashed: theory (CE: the Ei solution; hinge: m0 e^{2rt} until m = 1). Hinge grows twice as fast (its " +
      "gain is r, not rσ(−m) ≈ r/2), reaches the margin in finite time ln(1/m0)/(2r) and stops dead; CE never stops: " +
      "its margin keeps growing like ln(2rt) + ln ln(2rt). (The last GD step overshoots the margin by O(ηr): the hinge " +
      `margins stop between 1 and ${fmt(Math.max(...b.modes.map((m) => m.hingeFinalMargin)), 3)}.)`,
    figure: lineChart({
      title: "Hinge stops at the margin, cross-entropy keeps growing like ln t",
      subtitle: "solid: GD simulation; dashed: theory",
      xTitle: "time t = η·steps",
      yTitle: "margin m = y·f(x)",
      xScale: "log",
      yScale: "log",
      xDomain: [1e-2, tMax],
      series,
      rules: [{ axis: "y", value: 1, label: "hinge margin m = 1" }],
      legend: "right",
    }),
  };
}

/** Mean over modes of a² + b² (= ‖θ‖²/n) over time under both losses (log t), theory dashed. */
export function normFigure(b: BalancedPairResult): ExperimentFigure {
  const n = b.modes.length;
  const mean = (v: readonly number[]) => v.map((x) => x / n);
  return {
    name: "weight-norm",
    caption:
      `C6/P6: squared parameter norm per mode, ‖θ‖²/n = mean_k (a_k² + b_k²), over time for the ${n} balanced modes. ` +
      "For a balanced mode a = b and m = r a², so ‖θ‖² = Σ 2m_k/r_k (dashed). Cross-entropy: it keeps growing like ln t " +
      "(a straight line against log t; the norm itself grows like √ln t since the 2-layer logit is quadratic in the " +
      "weights). Hinge: exactly flat once every point has reached the margin (each step is one mode freezing).",
    figure: lineChart({
      title: "Weight norm: growing under cross-entropy, frozen under hinge",
      subtitle: "solid: GD simulation; dashed: mean_k 2m_k(t)/r_k from the closed forms",
      xTitle: "time t = η·steps",
      yTitle: "‖θ‖²/n = mean (a² + b²)",
      xScale: "log",
      series: [
        ...simAndTheory({
          group: "cross-entropy",
          color: 0,
          sim: { name: "ce sim", points: positive(b.ce.t, mean(b.ceNormSq)) },
          theory: { name: "ce theory", points: positive(b.ce.t, mean(b.ceNormSqTheory)) },
        }),
        ...simAndTheory({
          group: "hinge",
          color: 1,
          sim: { name: "hinge sim", points: positive(b.hinge.t, mean(b.hingeNormSq)) },
          theory: { name: "hinge theory", points: positive(b.hinge.t, mean(b.hingeNormSqTheory)) },
        }),
      ],
      legend: "top-left",
    }),
  };
}

/** Scatter of CE vs hinge flip times for many starts, with the ratio-2 line. */
export function flipRatioFigure(rows: { label: string; result: FlipRatioResult }[]): ExperimentFigure {
  const points: ScatterPoint[] = rows.flatMap(({ label, result }) =>
    result.hinge.map((h, k) => ({ x: h, y: result.ce[k], category: label })),
  );
  return {
    name: "flip-ce-vs-hinge",
    caption:
      "C6/P4: flip time of the same wrong-sign start under cross-entropy (vertical) and hinge (horizontal), for several " +
      "norms and ratios |b0|/a0. Dashed: t*_CE = 2 t*_H (theory, small init); dotted: t*_CE = t*_H. Small init sits on " +
      "the factor-2 line; at larger init σ(−m) > ½ before the flip speeds up CE only, and the points drop toward ratio 1.",
    figure: scatterChart({
      title: "Hinge flips twice as fast as cross-entropy (small init)",
      xTitle: "hinge flip time t*_H",
      yTitle: "cross-entropy flip time t*_CE",
      xScale: "log",
      yScale: "log",
      points,
      references: [
        { slope: 1, intercept: Math.log10(2), label: "t*_CE = 2 t*_H (theory)" },
        { slope: 1, intercept: 0, label: "t*_CE = t*_H" },
      ],
      legend: "bottom-right",
      pointSize: 60,
    }),
  };
}

/** The C6 figures: margins under both losses, the weight norm, the flip-time ratio. */
export function c6Figures({ pair, flip, epsRows }: C6Measurement, s: C6Settings): ExperimentFigure[] {
  return [
    marginsFigure(pair, s.showNorms, s.a0),
    normFigure(pair),
    flipRatioFigure([
      { label: `small init a0 = ${s.eps}`, result: flip },
      ...epsRows
        .filter((x) => x.eps >= 1)
        .map((x) => ({ label: `large init a0 = ${x.eps}`, result: x.result })),
    ]),
  ];
}
