import { formatNumber as fmt } from "../../figures/figure.js";
import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { simAndTheory } from "../../figures/simAndTheory.js";
import { paletteColor } from "../../figures/theme.js";
import { marginAtTime, marginLateAsymptote } from "../../theory/balanced-ei.js";
import type { ExperimentFigure } from "../experiment.js";
import type { C2Measurement } from "./measure.js";
import type { BalancedResult, DriftResult } from "./measurements.js";
import type { C2Settings } from "./settings.js";

/** Positive times for a log-time axis (drops t = 0). */
function positive(t: readonly number[], y: readonly number[]): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (let i = 0; i < t.length; i++) if (t[i] > 0) out.push({ x: t[i], y: y[i] });
  return out;
}

/** Per-mode margins m_k(t) (log–log), simulation solid, Ei solution dashed, late asymptote dotted grey. */
export function marginsFigure(b: BalancedResult, a0: number, lr: number): ExperimentFigure {
  const series: LineSeries[] = [];
  const theory: LineSeries[] = [];
  const tMax = b.t[b.t.length - 1];
  b.modes.forEach((m, k) => {
    const group = `‖x‖ = ${fmt(m.r)}`;
    const color = paletteColor(k);
    series.push({ name: `sim r=${m.r}`, group, color, points: positive(b.t, m.simulated) });
    const grid = Array.from({ length: 200 }, (_, i) => 1e-2 * (tMax / 1e-2) ** (i / 199));
    theory.push({
      name: `Ei r=${m.r}`,
      group: "Ei solution (theory)",
      color: "#000000",
      kind: "theory",
      points: grid.map((t) => ({ x: t, y: marginAtTime(t, m.m0, m.r) })),
    });
  });
  series.push(...theory);
  const rLate = b.modes[b.modes.length - 1].r;
  const late = Array.from(
    { length: 100 },
    (_, i) => 10 ** (Math.log10(20 / rLate) + (i / 99) * Math.log10(tMax / (20 / rLate))),
  );
  series.push({
    name: "late asymptote",
    group: `ln(2rt) + ln ln(2rt), r = ${fmt(rLate)}`,
    color: "#999999",
    kind: "theory",
    points: late.map((t) => ({ x: t, y: marginLateAsymptote(t, rLate) })),
  });
  return {
    name: "mode-margins",
    caption:
      `C2/P5: margin m_k(t) of each independent mode (orthogonal points of norm ‖x‖, balanced start a0 = b0 = ${fmt(a0)}, ` +
      `cross-entropy, GD η = ${fmt(lr)} then log-time stepping). Solid: simulation; dashed: the Ei solution ` +
      "t(m) = [ln(m/m0) + Ei(m) − Ei(m0)]/(2r). Each mode sits on a plateau m ≈ m0 e^{rt}, escapes at t ≈ ln(1/m0)/r, " +
      "then grows like ln t (grey: the late asymptote ln(2rt) + ln ln(2rt) for the largest norm).",
    figure: lineChart({
      title: "Independent modes: margin per point vs the Ei solution",
      subtitle: "coloured solid: GD simulation, one colour per input norm; black dashed: Ei solution",
      xTitle: "time t = η·steps",
      yTitle: "margin m = y·f(x)",
      xScale: "log",
      yScale: "log",
      xDomain: [1e-2, tMax],
      series,
      legend: "right",
    }),
  };
}

/** Drift of a² − b² vs learning rate (log–log), measured solid with points, first-order prediction dashed. */
export function driftFigure(drifts: { loss: string; result: DriftResult }[], tEnd: number): ExperimentFigure {
  const series: LineSeries[] = [];
  drifts.forEach(({ loss, result }, k) => {
    const group = `${loss} (slope ${fmt(result.slope, 3)})`;
    const color = paletteColor(k);
    series.push({
      name: `${loss} measured`,
      group,
      color,
      showPoints: true,
      points: result.points.map((p) => ({ x: p.lr, y: p.drift })),
    });
    series.push({
      name: `${loss} first order`,
      group,
      kind: "theory",
      points: result.points.map((p) => ({ x: p.lr, y: p.predicted })),
    });
  });
  return {
    name: "conserved-drift",
    caption:
      `C2/P2: largest drift of the conserved quantity a² − b² over the modes and over t ∈ [0, ${fmt(tEnd)}], against ` +
      "the learning rate. Gradient flow conserves it exactly; one GD step multiplies it by (1 − η²c²), so the drift " +
      "is −η(a0² − b0²)∫c² dt to first order (dashed; c = rσ(−m) for CE, r for hinge until the margin): slope 1.",
    figure: lineChart({
      title: "Conserved a² − b²: the GD drift is first order in η",
      subtitle: "points: measured max |Δ(a² − b²)|; dashed: η(a0² − b0²)∫c² dt along the flow",
      xTitle: "learning rate η",
      yTitle: "max drift of a² − b²",
      xScale: "log",
      yScale: "log",
      series,
      legend: "bottom-right",
    }),
  };
}

/** The linear-hidden-layer contrast: off-diagonal weights over time for ReLU (exactly 0) and linear. */
export function offDiagonalFigure(
  relu: { t: number[]; off: number[] },
  linear: { t: number[]; off: number[] },
): ExperimentFigure {
  return {
    name: "off-diagonal",
    caption:
      "C2/P1: the largest off-diagonal first-layer weight |W₁[k][j≠k]| over time, from the same diagonal init. " +
      "ReLU: unit k is exactly 0 on every other point, gets no gradient from it, and the off-diagonal weights stay " +
      "exactly 0 (the line on the axis). Linear hidden layer: the gradient passes through every unit, the shared " +
      "output vector couples the points, and off-diagonal weights grow to the size of the diagonal ones.",
    figure: lineChart({
      title: "Off-diagonal weights: exactly 0 with ReLU, growing with a linear hidden layer",
      xTitle: "time t = η·steps",
      yTitle: "max |off-diagonal W₁|",
      xScale: "log",
      series: [
        {
          name: "relu",
          group: "ReLU hidden layer",
          points: positive(relu.t, relu.off),
          color: paletteColor(0),
        },
        {
          name: "linear",
          group: "linear hidden layer",
          points: positive(linear.t, linear.off),
          color: paletteColor(1),
        },
      ],
      legend: "top-left",
    }),
  };
}

/** Margins of the linear-hidden-layer net vs the independent-mode (ReLU) theory. */
export function linearMarginsFigure(b: BalancedResult): ExperimentFigure {
  const series: LineSeries[] = [];
  b.modes.forEach((m, k) => {
    const tMax = b.t[b.t.length - 1];
    const grid = Array.from({ length: 200 }, (_, i) => 1e-2 * (tMax / 1e-2) ** (i / 199));
    series.push(
      ...simAndTheory({
        group: `‖x‖ = ${fmt(m.r)}`,
        color: k,
        sim: { name: `linear r=${m.r}`, points: positive(b.t, m.simulated) },
        theory: { name: `Ei r=${m.r}`, points: grid.map((t) => ({ x: t, y: marginAtTime(t, m.m0, m.r) })) },
      }),
    );
  });
  const worst = Math.max(...b.modes.map((m) => m.maxRelError));
  return {
    name: "linear-contrast",
    caption:
      "C2 contrast: the same orthogonal points and diagonal balanced init, but a linear hidden layer. Solid: the " +
      "simulated margins; dashed: the independent-mode (ReLU) theory. The points share the output vector, so the " +
      `fast (large-norm) points drag the slow ones along: the small-norm margins leave the plateau far earlier (largest relative deviation ${fmt(worst, 2)}).`,
    figure: lineChart({
      title: "Linear hidden layer: the modes are coupled",
      subtitle: "solid: linear-hidden-layer simulation, dashed: independent-mode Ei theory",
      xTitle: "time t = η·steps",
      yTitle: "margin m = y·f(x)",
      xScale: "log",
      yScale: "log",
      xDomain: [1e-2, b.t[b.t.length - 1]],
      series,
      legend: "right",
    }),
  };
}

/** Max relative error of m(t) vs the Ei solution, against η (log–log), with the first-order bound. */
export function lrErrorFigure(rows: { lr: number; result: BalancedResult }[]): ExperimentFigure {
  const norms = rows[0].result.modes.map((m) => m.r);
  const series: LineSeries[] = [];
  norms.forEach((r, k) => {
    series.push(
      ...simAndTheory({
        group: `‖x‖ = ${fmt(r)}`,
        color: k,
        sim: {
          name: `measured r=${r}`,
          showPoints: true,
          points: rows.map(({ lr, result }) => ({ x: lr, y: result.modes[k].maxRelError })),
        },
        theory: {
          name: `bound r=${r}`,
          points: rows.map(({ lr, result }) => ({ x: lr, y: result.modes[k].errorBound })),
        },
      }),
    );
  });
  return {
    name: "lr-error",
    caption:
      "C2/P5 and its learning-rate limit: the largest relative error of the simulated margin against the Ei solution " +
      "(gradient flow), per mode, for each learning rate. Points: measured; dashed: the first-order GD lag η∫c² dt. " +
      "The error is O(η) (slope 1); it stays below the first-order estimate, which ignores the self-correcting σ(−m).",
    figure: lineChart({
      title: "GD vs gradient flow: the margin error is first order in η",
      subtitle: "points: measured; dashed: first-order GD lag η∫c² dt along the flow",
      xTitle: "learning rate η (first stage)",
      yTitle: "max_t |m_GD − m_Ei| / m_Ei",
      xScale: "log",
      yScale: "log",
      series,
      legend: "right",
    }),
  };
}

/** The C2 figures: margins, off-diagonal weights, linear-layer margins, drift, GD error vs η. */
export function c2Figures(m: C2Measurement, s: C2Settings): ExperimentFigure[] {
  const { ref, indCE, indLinear, linearBalanced, driftCE, driftHinge, lrRows } = m;
  return [
    marginsFigure(ref, s.a0, s.lr),
    offDiagonalFigure(
      { t: indCE.run.t, off: indCE.run.offDiagonal },
      { t: indLinear.run.t, off: indLinear.run.offDiagonal },
    ),
    linearMarginsFigure(linearBalanced),
    driftFigure(
      [
        { loss: "cross-entropy", result: driftCE },
        { loss: "hinge", result: driftHinge },
      ],
      s.driftT,
    ),
    lrErrorFigure(lrRows),
  ];
}
