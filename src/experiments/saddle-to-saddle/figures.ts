import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { PALETTE } from "../../figures/theme.js";
import type { Saddle } from "../../theory/saddle-to-saddle.js";
import type { ExperimentFigure } from "../experiment.js";
import type { SaddleMeasurement } from "./measure.js";

const color = (i: number) => PALETTE[i % (PALETTE.length - 1)];

/** A piecewise-constant curve over the saddles: value(k) from jump k to jump k + 1, from t0 to t1. */
function staircase(saddles: Saddle[], value: (q: Saddle) => number, t0: number, t1: number) {
  const x: number[] = [t0];
  const y: number[] = [value(saddles[0])];
  for (let k = 1; k < saddles.length; k++) {
    x.push(saddles[k].time, saddles[k].time);
    y.push(value(saddles[k - 1]), value(saddles[k]));
  }
  x.push(t1);
  y.push(value(saddles[saddles.length - 1]));
  return { x, y };
}

/** The flow from half the first jump time on: before it nothing moves, and a log axis would give it most room. */
function fromFirstJump<T>(m: SaddleMeasurement, t: number[], v: T[]): { x: number[]; y: T[] } {
  const t0 = 0.5 * (m.saddles[1]?.time ?? 0);
  const keep = t.map((x, i) => (x >= t0 ? i : -1)).filter((i) => i >= 0);
  return { x: keep.map((i) => t[i]), y: keep.map((i) => v[i]) };
}

function lossFigure(m: SaddleMeasurement): ExperimentFigure {
  const t0 = 0.5 * (m.saddles[1]?.time ?? 0);
  const t1 = m.studies[0].flow.t[m.studies[0].flow.t.length - 1];
  const series: LineSeries[] = m.studies.map((q, i) => ({
    name: `α = ${q.alpha.toExponential(0)}`,
    group: `flow, α = ${q.alpha.toExponential(0)}`,
    color: color(i),
    ...fromFirstJump(m, q.flow.t, q.flow.loss),
  }));
  series.push({
    name: "Algorithm 1",
    group: "Algorithm 1 (α → 0)",
    color: PALETTE[PALETTE.length - 1],
    kind: "theory",
    ...staircase(m.saddles, (q) => q.loss, t0, t1),
  });
  return {
    name: "loss",
    caption:
      "Training loss of the diagonal linear network u ⊙ v against rescaled time t/ln(1/α) (log axis, from half the first jump time). The flow " +
      "(solid, simulated in u and v) sits on plateaus at saddles and jumps between them; dashed: Algorithm 1's " +
      "piecewise-constant limit. The smaller α, the sharper the jumps and the closer to the limit's times.",
    figure: lineChart({
      title: "Saddle-to-saddle: plateaus and jumps",
      xTitle: "t / ln(1/α)",
      yTitle: "½·mean (Xβ − y)²",
      xScale: "log",
      series,
    }),
  };
}

function coordinateFigure(m: SaddleMeasurement): ExperimentFigure {
  const q = m.studies[m.studies.length - 1];
  const coords = [...new Set(m.saddles.flatMap((s) => s.support))].sort((x, y) => x - y);
  const t0 = 0.5 * (m.saddles[1]?.time ?? 0);
  const t1 = q.flow.t[q.flow.t.length - 1];
  const series: LineSeries[] = coords.flatMap((c, i) => [
    {
      name: `β_${c}`,
      group: `β_${c}`,
      color: color(i),
      ...fromFirstJump(
        m,
        q.flow.t,
        q.flow.beta.map((b) => b[c]),
      ),
    },
    {
      name: `β_${c} limit`,
      group: `β_${c}`,
      color: color(i),
      kind: "theory" as const,
      ...staircase(m.saddles, (s) => s.beta[c], t0, t1),
    },
  ]);
  return {
    name: "coordinates",
    caption: `The coordinates that ever leave 0, at α = ${q.alpha.toExponential(0)} (solid) and at Algorithm 1's saddles (dashed): one coordinate activates per jump, the active ones re-fit at once.`,
    figure: lineChart({
      title: "The saddles visited",
      xTitle: "t / ln(1/α)",
      yTitle: "β_i",
      xScale: "log",
      series,
    }),
  };
}

function lazyFigures(m: SaddleMeasurement): ExperimentFigure[] {
  // Below 1e-16 of the initial loss the curve is rounding noise, not dynamics: it is cut there.
  const curves: LineSeries[] = m.scan.map((p, i) => {
    const keep = p.curve.loss.map((l, j) => (l > 1e-16 * p.curve.loss[0] ? j : -1)).filter((j) => j >= 0);
    return {
      name: `α = ${p.alpha}`,
      group: `α = ${p.alpha}`,
      color: color(i),
      x: keep.map((j) => p.curve.t[j]),
      y: keep.map((j) => p.curve.loss[j]),
    };
  });
  const alphas = m.scan.map((p) => p.alpha);
  return [
    {
      name: "init-scan",
      caption:
        "Loss against unscaled time t for init scales from rich to lazy: plateaus at small α, a single smooth, exponentially fast descent (the kernel regime) at large α. At small α the last approach is slow (about 1/t): the off-support coordinates settle at rates of their own size.",
      figure: lineChart({
        title: "From saddle-to-saddle to lazy",
        xTitle: "t",
        yTitle: "loss",
        xScale: "log",
        yScale: "log",
        series: curves,
      }),
    },
    {
      name: "interpolators",
      caption:
        "Where the flow ends: relative distance to the minimum-ℓ1 interpolator (Algorithm 1's last saddle) and to the minimum-ℓ2 one, against the init scale α.",
      figure: lineChart({
        title: "Rich (sparse) to lazy (ℓ2) end points",
        xTitle: "α",
        yTitle: "‖β − β_ref‖ / ‖β_ref‖",
        xScale: "log",
        yScale: "log",
        series: [
          { name: "to ℓ1", group: "to min-ℓ1", color: color(0), x: alphas, y: m.scan.map((p) => p.toSparse) },
          {
            name: "to ℓ2",
            group: "to min-ℓ2",
            color: color(1),
            x: alphas,
            y: m.scan.map((p) => p.toMinNorm),
          },
        ],
      }),
    },
  ];
}

/** The study's figures: loss staircase, coordinates, the init scan and its end points. */
export function saddleFigures(m: SaddleMeasurement): ExperimentFigure[] {
  return [lossFigure(m), coordinateFigure(m), ...lazyFigures(m)];
}
