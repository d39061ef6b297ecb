import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { PALETTE } from "../../figures/theme.js";
import type { ExperimentFigure } from "../experiment.js";
import type { EosCaseResult } from "./measure.js";
import type { EosSettings } from "./settings.js";

const groupOf = (eta: number) => `η = ${eta.toPrecision(3)}`;
const colorOf = (i: number) => PALETTE[i % (PALETTE.length - 1)];

/** λ_max against flow time per η: GD, the flow shadow from the same init, and 2/η. */
function sharpnessFigure(cr: EosCaseResult, kind: string): ExperimentFigure {
  const series: LineSeries[] = [];
  cr.runs.forEach((r, i) => {
    const group = groupOf(r.eta);
    const color = colorOf(i);
    series.push({ name: `${group} GD`, group, color, x: r.t, y: r.sharpness });
    if (r.flow.sharpness.length)
      series.push({
        name: `${group} flow`,
        group,
        color,
        kind: "theory",
        x: r.flow.sharpnessT,
        y: r.flow.sharpness,
      });
    const end = r.t[r.t.length - 1];
    series.push({
      name: `${group} 2/η`,
      group,
      color,
      kind: "theory",
      x: [0, end],
      y: [2 / r.eta, 2 / r.eta],
    });
  });
  return {
    name: `sharpness-${kind}`,
    caption: `${cr.name}: λ_max of the Hessian against flow time t = η·step (solid: GD; dashed flat: 2/η; dashed rising: the gradient flow from the same init, to shortly after GD reached 2/η). GD's sharpness rises with the flow, then stops at 2/η while the flow's keeps rising.`,
    figure: lineChart({
      title: `Progressive sharpening, then the edge: ${cr.name}`,
      xTitle: "t = η·step",
      yTitle: "λ_max",
      series,
    }),
  };
}

/** The training loss against flow time per η. */
function lossFigure(cr: EosCaseResult, kind: string, yTitle: string): ExperimentFigure {
  const series: LineSeries[] = cr.runs.map((r, i) => ({
    name: groupOf(r.eta),
    group: groupOf(r.eta),
    color: colorOf(i),
    x: r.t,
    y: r.loss,
  }));
  return {
    name: `loss-${kind}`,
    caption: `${cr.name}: training loss against flow time: monotone while λ_max < 2/η, non-monotone (spikes) once at the edge, still falling on average.`,
    figure: lineChart({
      title: `Loss at the edge of stability: ${cr.name}`,
      xTitle: "t = η·step",
      yTitle,
      yScale: "log",
      series,
    }),
  };
}

/** GD's distance from the flow, relative to the flow's travel, per η, with the departure threshold. */
function departureFigure(cr: EosCaseResult, kind: string, threshold: number): ExperimentFigure {
  const series: LineSeries[] = cr.runs.map((r, i) => ({
    name: groupOf(r.eta),
    group: groupOf(r.eta),
    color: colorOf(i),
    x: r.flow.t.slice(1),
    y: r.flow.distance.slice(1),
  }));
  const crossings = cr.runs.filter((r) => r.crossing >= 0);
  return {
    name: `departure-${kind}`,
    caption: `${cr.name}: ‖θ_GD − θ_GF‖ / ‖θ_GF − θ_0‖, GD's distance from the gradient flow from the same init, against flow time (horizontal rule: the departure threshold ${threshold}; vertical rules: where each run's λ_max first reached 2/η, at t = ${crossings.map((r) => r.t[r.crossing].toPrecision(3)).join(", ")}).`,
    figure: lineChart({
      title: `Where GD leaves the flow: ${cr.name}`,
      xTitle: "t = η·step",
      yTitle: "‖θ_GD − θ_GF‖ / ‖θ_GF − θ₀‖",
      yScale: "log",
      series,
      rules: [
        { axis: "y", value: threshold, label: `threshold ${threshold}` },
        ...crossings.map((r) => ({
          axis: "x" as const,
          value: r.t[r.crossing],
          label: `2/η, ${groupOf(r.eta)}`,
        })),
      ],
    }),
  };
}

/** Per workload: sharpness, loss and departure figures. */
export function eosFigures(cases: EosCaseResult[], s: EosSettings): ExperimentFigure[] {
  return cases.flatMap((cr, i) => {
    const c = s.cases[i];
    const yTitle = c.workload.kind === "relu-ce" ? "Σ log(1 + e^(−y·f))" : "½·Σ‖f − y‖² / n";
    return [
      sharpnessFigure(cr, c.workload.kind),
      lossFigure(cr, c.workload.kind, yTitle),
      departureFigure(cr, c.workload.kind, c.departure),
    ];
  });
}
