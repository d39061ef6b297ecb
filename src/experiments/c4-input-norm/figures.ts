import { formatNumber as fmt } from "../../figures/figure.js";
import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { simAndTheory } from "../../figures/simAndTheory.js";
import { paletteColor } from "../../figures/theme.js";
import { logSpaced } from "../../math/spacing.js";
import { flipTimeCE, flipTimeExact } from "../../theory/flip-time.js";
import type { ExperimentFigure } from "../experiment.js";
import type { FlipTimesByNorm } from "./flip-times.js";
import type { C4Measurement } from "./measure.js";
import type { C4Settings } from "./settings.js";

/** t* vs ‖x‖ on log–log axes, one colour per ratio |b0|/a0: measured points, closed form dashed. */
export function flipVsNormFigure(
  rows: { ratio: number; result: FlipTimesByNorm }[],
  a0: number,
): ExperimentFigure {
  const series: LineSeries[] = [];
  const theory: LineSeries[] = [];
  rows.forEach(({ ratio, result }, k) => {
    const group = `|b0|/a0 = ${fmt(ratio)} (fitted slope ${result.slope.toFixed(3).replace("-", "−")})`;
    series.push({
      name: `measured ${ratio}`,
      group,
      color: paletteColor(k),
      showPoints: true,
      points: result.norms.map((r, i) => ({ x: r, y: result.measured[i] })),
    });
    const grid = logSpaced(result.norms[0], result.norms[result.norms.length - 1], 50);
    theory.push({
      name: `closed form ${ratio}`,
      group: "closed form (theory)",
      color: "#000000",
      kind: "theory",
      points: grid.map((r) => ({ x: r, y: flipTimeCE(a0, -ratio * a0, r) })),
    });
  });
  series.push(...theory);
  return {
    name: "flip-time-vs-norm",
    caption:
      `C4/P3: flip time t* of a wrongly signed point (y = +1, b0 = −ratio·a0 < 0 < a0 = ${fmt(a0)}, cross-entropy) against ` +
      "its input norm, log–log. Points: simulation (time at which the margin crosses 0); dashed: t* = ln((a0+|b0|)/(a0−|b0|))/‖x‖. " +
      "Slope −1 for every ratio: the input norm alone sets the speed, the ratio sets the prefactor.",
    figure: lineChart({
      title: "Flip time ∝ 1/‖x‖ (slope −1 on log–log axes)",
      subtitle: "coloured points: GD simulation; black dashed: closed form ln((a0+|b0|)/(a0−|b0|))/‖x‖",
      xTitle: "input norm ‖x‖",
      yTitle: "flip time t*",
      xScale: "log",
      yScale: "log",
      series,
      legend: "right",
    }),
  };
}

/**
 * r·t* vs init scale ε at a fixed ratio (a0 = ε, b0 = −ratio·ε): flat at the closed form for small ε; the
 * exact-by-ODE flip time (dashed) follows the simulation where the closed form stops holding.
 */
export function flipVsScaleFigure(
  rows: { eps: number; result: FlipTimesByNorm }[],
  ratio: number,
): ExperimentFigure {
  const norms = rows[0].result.norms;
  const series: LineSeries[] = [];
  const epsGrid = logSpaced(rows[0].eps, rows[rows.length - 1].eps, 60);
  norms.forEach((r, k) => {
    series.push(
      ...simAndTheory({
        group: `‖x‖ = ${fmt(r)}`,
        color: k,
        sim: {
          name: `measured r=${r}`,
          showPoints: true,
          points: rows.map(({ eps, result }) => ({ x: eps, y: r * result.measured[k] })),
        },
        theory: {
          name: `exact r=${r}`,
          points: epsGrid.map((eps) => ({ x: eps, y: r * flipTimeExact(eps, -ratio * eps, { r }) })),
        },
      }),
    );
  });
  const closed = flipTimeCE(1, -ratio, 1);
  return {
    name: "flip-time-vs-scale",
    caption:
      `C4/P3: flip time (times ‖x‖) at a fixed ratio |b0|/a0 = ${fmt(ratio)} against the init scale ε = a0. Points: simulation; ` +
      `dotted line: the small-init closed form ln((a0+|b0|)/(a0−|b0|)) = ${fmt(closed, 4)}, independent of ε; dashed: the exact ` +
      "gradient-flow flip time (1/r)∫(1 + e^{m(τ)})dτ. For ε ≲ 0.1 the flip time does not depend on the scale; beyond, " +
      "σ(−m) > ½ before the flip (m < 0) and the point flips faster, larger norms first (|m0| = r·ε²·ratio).",
    figure: lineChart({
      title: "Flip time does not depend on the init scale (until σ(−m) ≠ ½)",
      subtitle:
        "points: GD simulation; dashed: exact flip time by quadrature; dotted: small-init closed form",
      xTitle: "init scale ε = a0 (b0 = −ratio·ε)",
      yTitle: "‖x‖ · t*",
      xScale: "log",
      series,
      rules: [{ axis: "y", value: closed, label: "closed form" }],
      legend: "bottom-left",
    }),
  };
}

/** The C4 figures: flip time vs norm per ratio, and vs init scale. */
export function c4Figures({ byRatio, byScale, midRatio }: C4Measurement, s: C4Settings): ExperimentFigure[] {
  return [
    flipVsNormFigure(byRatio, s.a0),
    flipVsScaleFigure(
      byScale.map((x) => ({ eps: x.eps, result: x.result as FlipTimesByNorm })),
      midRatio,
    ),
  ];
}
