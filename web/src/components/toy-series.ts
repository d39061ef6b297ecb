/**
 * The modes card of a two-point-toy run: the feature coordinates z_j = Λ_j·f(v_j) over time (the
 * feature-responses probe measures f along V's rows; times Λ_j gives the paper's z = Uᵀ(ŷ ⊙ y)), with the
 * exact minimiser z* of the run's objective dashed, and a note with both at the latest record.
 */
import type { ChartRule, ChartSeries, LegendItem } from "../plot/line-types.js";
import { formatValue } from "../plot/scale.js";
import { col, type RunView } from "./run-view.js";

/** What the modes card draws (the shape of modeSeries' result). */
export interface ModeView {
  series: ChartSeries[];
  legend: LegendItem[];
  rules: ChartRule[];
  title: string;
  sub: string;
  /** The y axis title. */
  yLabel: string;
  /** A sentence under the chart (the latest values against theory). */
  note?: string;
}

/** The strengths Λ₁, Λ₂ of a two-point-toy config (the schema's defaults filled in). */
function strengths(run: RunView): [number, number] {
  const data = run.config.data;
  return data.kind === "two-point-toy" ? [data.strength1, data.strength2] : [1, 1];
}

/** z_j(t) per feature, z* dashed when the run is the toy's setting. */
export function toySeries(run: RunView): ModeView {
  const lam = strengths(run);
  const t = run.extras.map((e) => e.t);
  const z = [0, 1].map((j) => run.extras.map((e) => lam[j] * (e.response?.[j] ?? Number.NaN)));
  const series: ChartSeries[] = [];
  const legend: LegendItem[] = [];
  for (const j of [0, 1]) {
    series.push({ name: `z_${j + 1}`, color: col(j), x: t, y: z[j] });
    legend.push({ name: `feature ${j + 1} (Λ${j ? "₂" : "₁"} = ${formatValue(lam[j], 3)})`, color: col(j) });
  }
  const toy = run.theory?.toy;
  const lr = run.config.optimizer.lr;
  const T = lr * run.config.train.steps;
  // From the first step's time, not 0: on a log time axis a line from t = 0 is not drawn at all.
  const span = [Math.min(lr, T), T];
  const last = z.map((zj) => zj[zj.length - 1]);
  let note: string | undefined;
  if (toy && "zStar" in toy) {
    for (const j of [0, 1])
      series.push({
        name: `z*_${j + 1}`,
        color: col(j),
        x: span,
        y: [toy.zStar[j], toy.zStar[j]],
        theory: true,
      });
    legend.push({ name: `exact minimiser z* (${toy.penalty})`, color: "#444", theory: true });
    note =
      last[0] === undefined
        ? `Theory: z* = (${toy.zStar.map((v) => formatValue(v, 4)).join(", ")}).`
        : `Now: z = (${last.map((v) => formatValue(v, 4)).join(", ")}); theory z* = (${toy.zStar.map((v) => formatValue(v, 4)).join(", ")}).`;
  } else if (toy) {
    note = `No fixed-point overlay: ${toy.gap}.`;
  }
  return {
    series,
    legend,
    rules: [],
    title: "Feature coordinates z_j",
    sub: "how much of each feature the model uses: z_j = Λ_j·f(v_j), f along feature j's input direction v_j",
    yLabel: "z_j",
    note,
  };
}
