import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { PALETTE } from "../../figures/theme.js";
import type { ExperimentFigure } from "../experiment.js";
import type { EosMeasurement } from "./measure.js";

/** Sharpness and loss against flow time per η, with 2/η and the flow shadow. */
export function eosFigures(m: EosMeasurement): ExperimentFigure[] {
  const sharp: LineSeries[] = [];
  const loss: LineSeries[] = [];
  m.runs.forEach((r, i) => {
    const group = `η = ${r.eta.toPrecision(3)}`;
    const color = PALETTE[i % (PALETTE.length - 1)];
    sharp.push({ name: `${group} GD`, group, color, x: r.t, y: r.sharpness });
    if (r.flow.t.length)
      sharp.push({ name: `${group} flow`, group, color, kind: "theory", x: r.flow.t, y: r.flow.sharpness });
    sharp.push({
      name: `${group} 2/η`,
      group,
      color,
      kind: "theory",
      x: [0, r.t[r.t.length - 1]],
      y: [2 / r.eta, 2 / r.eta],
    });
    loss.push({ name: group, group, color, x: r.t, y: r.loss });
  });
  return [
    {
      name: "sharpness",
      caption:
        "λ_max of the Hessian against flow time t = η·step (solid: GD; dashed flat: 2/η; dashed rising: the gradient flow from GD's state shortly before it reached 2/η). GD's sharpness rises with the flow, then stops at 2/η while the flow's keeps rising.",
      figure: lineChart({
        title: "Progressive sharpening, then the edge of stability",
        xTitle: "t = η·step",
        yTitle: "λ_max",
        series: sharp,
      }),
    },
    {
      name: "loss",
      caption:
        "Training loss against flow time: monotone while λ_max < 2/η, non-monotone (spikes) once at the edge, still falling on average.",
      figure: lineChart({
        title: "Loss at the edge of stability",
        xTitle: "t = η·step",
        yTitle: "½·mean (f − y)²",
        yScale: "log",
        series: loss,
      }),
    },
  ];
}
