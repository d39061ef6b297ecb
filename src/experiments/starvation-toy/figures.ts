import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { PALETTE } from "../../figures/theme.js";
import { penaltyName } from "../../theory/starvation-toy.js";
import type { ExperimentFigure } from "../experiment.js";
import type { ToyMeasurement } from "./measure.js";
import type { ToySettings } from "./settings.js";

/** One panel per penalty: GD's |z₁| vs |z₂| path per strength, with the fixed point (theory) as a dot. */
function pathPanel(m: ToyMeasurement, s: ToySettings, k: number): ExperimentFigure {
  const p = s.penalties[k];
  const series: LineSeries[] = [];
  m.runs
    .filter((r) => r.penalty === p)
    .forEach((r, i) => {
      const group = `Λ₁ = ${r.strength}`;
      const color = PALETTE[i % (PALETTE.length - 1)];
      series.push({
        name: `${group} GD`,
        group,
        color,
        x: r.trajectory.z1.map(Math.abs),
        y: r.trajectory.z2.map(Math.abs),
      });
      series.push({
        name: `${group} z*`,
        group,
        color,
        kind: "theory",
        x: [Math.abs(r.fixedPoint[0])],
        y: [Math.abs(r.fixedPoint[1])],
        showPoints: true,
        line: false,
      });
    });
  return {
    name: `paths-${p.kind}`,
    caption: `${penaltyName(p)}: GD's path in feature coordinates (|z₁|, |z₂|) from θ = 0, one colour per strength of feature 1; the dot is the exact minimiser z*. ${p.kind === "l2" ? "Stronger feature 1 ends with a different z₂ (starvation when s > 0: lower)." : "Every path ends at the same z* (decoupled): the end point does not move with Λ₁."}`,
    figure: lineChart({ title: `Two-point toy: ${penaltyName(p)}`, xTitle: "|z₁|", yTitle: "|z₂|", series }),
  };
}

/** z₂ at the end against Λ₁: the fixed-point curve (theory) under the GD end points, per penalty. */
function z2Panel(m: ToyMeasurement, s: ToySettings): ExperimentFigure {
  const series: LineSeries[] = [];
  s.penalties.forEach((p, k) => {
    const group = penaltyName(p);
    const color = PALETTE[k % (PALETTE.length - 1)];
    series.push({
      name: `${group} z₂*`,
      group,
      color,
      kind: "theory",
      x: m.curve.strength,
      y: m.curve.z2[k],
    });
    const arm = m.runs.filter((r) => r.penalty === p);
    series.push({
      name: `${group} GD`,
      group,
      color,
      x: arm.map((r) => r.strength),
      y: arm.map((r) => r.last[1]),
      showPoints: true,
      line: false,
    });
  });
  return {
    name: "z2-vs-strength",
    caption:
      "z₂ at the end of training against the strength Λ₁ of feature 1: dashed, the exact fixed point; dots, GD. Under L2 z₂ moves with Λ₁ (gradient starvation); under either SD form it is flat.",
    figure: lineChart({ title: "Starvation of feature 2 by feature 1", xTitle: "Λ₁", yTitle: "z₂", series }),
  };
}

export function toyFigures(m: ToyMeasurement, s: ToySettings): ExperimentFigure[] {
  return [...s.penalties.map((_, k) => pathPanel(m, s, k)), z2Panel(m, s)];
}
