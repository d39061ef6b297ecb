import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { PALETTE } from "../../figures/theme.js";
import type { ExperimentFigure } from "../experiment.js";
import type { ImplicitBiasMeasurement } from "./measure.js";

/** Keep the points with t > 0 and a finite y (log axes). */
function pos(t: number[], y: number[]): { x: number[]; y: number[] } {
  const keep = t.map((ti, i) => ti > 0 && Number.isFinite(y[i]) && y[i] > 0);
  return { x: t.filter((_, i) => keep[i]), y: y.filter((_, i) => keep[i]) };
}

export function implicitBiasFigures(m: ImplicitBiasMeasurement): ExperimentFigure[] {
  const L = m.logistic;
  const [c0, c1, c2] = PALETTE;
  const late = L.t.map((t) => (t > 1 ? 1 / Math.log(t) : Number.NaN));
  const gap: LineSeries[] = [
    { name: "logistic GD", group: "logistic", color: c0, ...pos(L.t, L.gap) },
    { name: "ŵ ln t + w̃ (theory)", group: "logistic", color: c0, kind: "theory", ...pos(L.t, m.theoryGap) },
    { name: "1/ln t", group: "1/ln t", color: c2, kind: "theory", ...pos(L.t, late) },
  ];
  const loss: LineSeries[] = [
    { name: "logistic GD", group: "logistic", color: c0, ...pos(L.t, L.loss) },
    { name: "‖ŵ‖²/t (theory)", group: "logistic", color: c0, kind: "theory", ...pos(L.t, m.theoryLoss) },
  ];
  const margin: LineSeries[] = [
    { name: "logistic", group: "logistic", color: c0, ...pos(L.t, L.margin) },
    { name: "hinge", group: "hinge", color: c1, showPoints: true, ...pos(m.hinge.t, m.hinge.margin) },
  ];
  const R = m.relu;
  const relu: LineSeries[] = [
    { name: "normalized min q/‖θ‖²", group: "normalized", color: c0, ...pos(R.t, R.normalized) },
    { name: "smoothed −ln(e^ℒ−1)/‖θ‖²", group: "smoothed", color: c1, ...pos(R.t, R.smoothed) },
  ];
  return [
    {
      name: "direction-gap",
      caption:
        "‖w/‖w‖ − ŵ/‖ŵ‖‖ on log–log axes (solid: logistic GD; dashed: the direction of ŵ ln t + w̃, Soudry et al.'s asymptotics with no fitted constant; green: 1/ln t for the rate). The gap closes only logarithmically.",
      figure: lineChart({
        title: "Logistic GD turns to the max-margin direction",
        xTitle: "t = η·step",
        yTitle: "direction gap",
        xScale: "log",
        yScale: "log",
        series: gap,
      }),
    },
    {
      name: "loss",
      caption:
        "Summed logistic loss against time (solid: GD; dashed: ‖ŵ‖²/t with ‖ŵ‖² from the QP). The loss falls like 1/t, with the SVM's norm as prefactor.",
      figure: lineChart({
        title: "Loss ∝ 1/t",
        xTitle: "t = η·step",
        yTitle: "ℒ",
        xScale: "log",
        yScale: "log",
        series: loss,
      }),
    },
    {
      name: "margins",
      caption:
        "Normalized margin min y wᵀx/‖w‖ of the linear model: logistic creeps up to the SVM's 1/‖ŵ‖ (dotted line) like 1/ln t; hinge GD stops after a few steps at a feasible w below it.",
      figure: lineChart({
        title: "Cross-entropy keeps going, hinge stops",
        xTitle: "t = η·step",
        yTitle: "normalized margin",
        xScale: "log",
        series: margin,
        rules: [{ axis: "y", value: m.svm.margin, label: "SVM 1/‖ŵ‖" }],
      }),
    },
    {
      name: "relu-margin",
      caption:
        "The paper's 2-layer bias-free ReLU net (degree-2 homogeneous): normalized margin min q/‖θ‖² and Lyu & Li's smoothed margin (a lower bound, defined once ℒ < ln 2). Late in training both rise monotonically.",
      figure: lineChart({
        title: "2-layer ReLU: the normalized margin grows late",
        xTitle: "t = η·step",
        yTitle: "margin / ‖θ‖²",
        xScale: "log",
        series: relu,
      }),
    },
  ];
}
