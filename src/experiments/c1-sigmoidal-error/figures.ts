import type { XY } from "../../figures/figure.js";
import { type LineSeries, lineChart } from "../../figures/lineChart.js";
import { PALETTE } from "../../figures/theme.js";
import type { CollapseMeasurement, ErrorCurveMeasurement } from "../../kit/measure/error-curves.js";
import { errorCurve } from "../../theory/error-curve.js";
import type { ExperimentFigure } from "../experiment.js";

/** Points (t·scale, y) with t > 0 (log time axes). */
function curve(t: readonly number[], y: readonly number[], scale = 1): XY[] {
  const out: XY[] = [];
  for (let j = 0; j < t.length; j++) if (t[j] > 0) out.push({ x: t[j] * scale, y: y[j] });
  return out;
}

/** A theory curve on a dense log grid from `lo` to `hi`. */
function theoryCurve(lo: number, hi: number, f: (t: number) => number, n = 200): XY[] {
  return Array.from({ length: n }, (_, i) => {
    const x = lo * (hi / lo) ** (i / (n - 1));
    return { x, y: f(x) };
  });
}

const E_INF = { axis: "y" as const, value: 0.25 };
const Y_DOMAIN: [number, number] = [0.2, 0.52];

/** The C1 figures: error vs t per norm, the collapse against r·t, spread norms, and the limits. */
export function c1Figures(o: {
  collapse: CollapseMeasurement;
  spread: ErrorCurveMeasurement;
  norms: readonly number[];
  limits: {
    ref: ErrorCurveMeasurement;
    runs: { label: string; m: ErrorCurveMeasurement }[];
    dense: ErrorCurveMeasurement;
  };
}): ExperimentFigure[] {
  const figures: ExperimentFigure[] = [];
  const perNorm: LineSeries[] = [];
  o.collapse.curves.forEach((m, i) => {
    const r = o.norms[i];
    const group = `r = ${r}`;
    const pts = curve(m.t, m.simulated);
    perNorm.push({ name: `simulation r=${r}`, group, points: pts, color: PALETTE[i] });
    perNorm.push({
      name: `theory r=${r}`,
      group,
      kind: "theory",
      points: theoryCurve(pts[0].x, pts[pts.length - 1].x, (t) => errorCurve(t, [r])),
    });
  });
  figures.push({
    name: "error-vs-time",
    caption:
      `Training error over time (log axis) for inputs of norm r = ${o.norms.join(", ")}, ${o.collapse.curves[0].count} ` +
      `points each: simulation solid, theory E(t) = ½[1 − gd(r t)/π] dashed. Each curve is a sigmoid in log t that falls ` +
      `from ½ to ¼; doubling the norm moves it left by a factor 2.`,
    figure: lineChart({
      title: "C1: error curves are sigmoids in log time",
      subtitle: "exact setting, ε = 10⁻³, cross-entropy; dashed: E(t) = ½[1 − gd(r t)/π]; dotted: E(∞) = 1/4",
      xTitle: "training time t = lr × steps",
      yTitle: "training error",
      xScale: "log",
      yDomain: Y_DOMAIN,
      series: perNorm,
      rules: [E_INF],
      legendTitle: "input norm",
    }),
  });

  const collapsed: LineSeries[] = o.collapse.curves.map((m, i) => ({
    name: `simulation r=${o.norms[i]}`,
    group: `r = ${o.norms[i]}`,
    points: curve(m.t, m.simulated, o.norms[i]),
    color: PALETTE[i],
  }));
  const first = collapsed[0].points as XY[];
  collapsed.push({
    name: "theory",
    group: "theory ½[1 − gd(rt)/π]",
    kind: "theory",
    color: "#000000",
    points: theoryCurve(first[0].x, first[first.length - 1].x, (s) => errorCurve(s, [1])),
  });
  figures.push({
    name: "collapse",
    caption:
      `The same runs plotted against r·t: the three curves fall on one another and on ½[1 − gd(r t)/π] (dashed). ` +
      `Largest gap between two simulated curves: ${o.collapse.maxPairwise.toFixed(3)} (99% sampling band ` +
      `${o.collapse.tolerance.toFixed(3)}).`,
    figure: lineChart({
      title: "C1: curves for different norms collapse against ‖x‖·t",
      subtitle: "each norm simulated at lr = 0.04/r, so records fall at equal r·t; dotted: E(∞) = 1/4",
      xTitle: "r·t (input norm × time)",
      yTitle: "training error",
      xScale: "log",
      yDomain: Y_DOMAIN,
      series: collapsed,
      rules: [E_INF],
      legendTitle: "input norm",
    }),
  });

  const s = o.spread;
  const sp = curve(s.t, s.simulated);
  figures.push({
    name: "spread-norms",
    caption:
      `${s.count} points with norms log-uniform in [0.25, 4]: the error is the fraction of points whose flip time ` +
      `t*_i = ln((a+|b|)/(a−|b|))/r_i is still ahead, E(t) = mean_i ½[1 − gd(r_i t)/π] (dashed): a sigmoid in log t, ` +
      `wider than the single-norm curve of r = 1 (grey dashed).`,
    figure: lineChart({
      title: "C1: spread norms give a wider sigmoid in log time",
      subtitle:
        "norms log-uniform in [0.25, 4]; dashed: E(t) = mean_i ½[1 − gd(r_i t)/π]; dotted: E(∞) = 1/4",
      xTitle: "training time t = lr × steps",
      yTitle: "training error",
      xScale: "log",
      yDomain: Y_DOMAIN,
      series: [
        { name: "simulation", group: "spread norms", points: sp, color: PALETTE[0] },
        {
          name: "theory",
          group: "spread norms",
          kind: "theory",
          points: theoryCurve(sp[0].x, sp[sp.length - 1].x, (t) => errorCurve(t, s.norms)),
        },
        {
          name: "single norm r = 1",
          group: "one norm, r = 1 (theory)",
          kind: "theory",
          color: "#999999",
          points: theoryCurve(sp[0].x, sp[sp.length - 1].x, (t) => errorCurve(t, [1])),
        },
      ],
      rules: [E_INF],
    }),
  });

  const L = o.limits;
  const pick = (label: string) => L.runs.find((r) => r.label.startsWith(label))?.m;
  const limitSeries: LineSeries[] = [];
  const add = (name: string, m: ErrorCurveMeasurement | undefined, color: string, showPoints = false) => {
    if (m) limitSeries.push({ name, group: name, points: curve(m.t, m.simulated), color, showPoints });
  };
  add("reference ε = 10⁻³, η = 0.04", L.ref, PALETTE[0]);
  add("ε = 1", pick("init scale ε = 1"), PALETTE[1]);
  add("η = 2", pick("learning rate η = 2"), PALETTE[4], true);
  add("η = 4", pick("learning rate η = 4"), PALETTE[3], true);
  add("dense first layer", L.dense, PALETTE[2]);
  const rp = limitSeries[0].points as XY[];
  limitSeries.push({
    name: "theory",
    group: "theory ½[1 − gd(t)/π]",
    kind: "theory",
    color: "#000000",
    points: theoryCurve(rp[0].x, rp[rp.length - 1].x, (t) => errorCurve(t, [1])),
  });
  figures.push({
    name: "limits",
    caption:
      "Where P8 stops holding (r = 1, same draws as the reference): a large init scale ε = 1 changes the speed of the " +
      "flip (σ(−m) is no longer ½), learning rates of 2 and 4 (dots: the only records) takes steps too coarse to resolve the flip, and a dense Gaussian " +
      "first layer couples the modes so that almost every point is eventually learned (error → 0, not ¼).",
    figure: lineChart({
      title: "C1: where the error-curve formula stops holding",
      subtitle: "r = 1; solid: simulations; dashed: E(t) = ½[1 − gd(t)/π]; dotted: E(∞) = 1/4",
      xTitle: "training time t = lr × steps",
      yTitle: "training error",
      xScale: "log",
      yDomain: [0, 0.55],
      series: limitSeries,
      rules: [E_INF],
      legend: "right",
    }),
  });
  return figures;
}
