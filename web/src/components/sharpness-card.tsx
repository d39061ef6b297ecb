/**
 * The sharpness card: η·λ_max from the `sharpness` probe's records (lrSharpness) against flow time, with
 * the stability limit 2 of plain gradient descent dashed. Below 2 GD follows the gradient flow the theory
 * solves; at the edge of stability (Cohen et al. 2021) η·λ_max rises to 2 and hovers there.
 */
import type { TopLevelSpec } from "vega-lite";
import { lineChart, PALETTE } from "../../../src/index.js";
import { Legend, LineChart } from "../plot/line-chart.js";
import { Card, type ViewOptions } from "./card.js";
import { column, type RunView } from "./run-view.js";

/** Shown when the run config includes the sharpness probe (cardsFor in run-view.ts). */
export function SharpnessCard(props: { run: RunView; o: ViewOptions; xDomain?: [number, number] }) {
  const { run, o } = props;
  const rec = column(run.history, "lrSharpness");
  const T = props.xDomain?.[1] ?? rec.t[rec.t.length - 1] ?? 1;
  const t0 = props.xDomain?.[0] ?? 0;
  const last = rec.y[rec.y.length - 1];
  return (
    <Card
      id="sharpness"
      title="Sharpness"
      subtitle={`η·λ_max of the Hessian (the sharpness probe)${last === undefined ? "" : `, now ${last.toFixed(3)}`}; GD is stable on a quadratic only below 2 (dashed)`}
      o={o}
      logToggle
    >
      <Legend
        items={[
          { name: "η·λ_max", color: PALETTE[0] },
          { name: "2 (stability limit)", color: PALETTE[3], theory: true },
        ]}
      />
      <LineChart
        label="η times the top Hessian eigenvalue over time, with the stability limit 2"
        testId="chart-sharpness"
        series={[
          { name: "η·λ_max", color: PALETTE[0], x: rec.t, y: rec.y, width: 2.5 },
          { name: "2", color: PALETTE[3], x: [t0, T], y: [2, 2], theory: true },
        ]}
        xLabel="t = η · step"
        yLabel="η·λ_max"
        logX={o.logX}
        logY={o.logY.sharpness}
        xDomain={props.xDomain}
        yDomain={o.logY.sharpness ? undefined : [0, Math.max(2.5, ...rec.y.filter(Number.isFinite))]}
      />
    </Card>
  );
}

/** The card as a figure download (the same Vega-Lite builder as the CLI report): η·λ_max and the limit 2. */
export function sharpnessFigureSpec(run: RunView, logX: boolean, logY: boolean): TopLevelSpec {
  const rec = column(run.history, "lrSharpness");
  const end = rec.t[rec.t.length - 1] ?? 1;
  return lineChart({
    title: "Sharpness η·λ_max",
    subtitle: run.config.name ?? run.info.name,
    xTitle: "t = η · step",
    yTitle: "η·λ_max",
    series: [
      { name: "η·λ_max", x: rec.t, y: rec.y },
      { name: "2 (stability limit)", x: [rec.t[0] ?? 0, end], y: [2, 2], kind: "theory" },
    ],
    xScale: logX ? "log" : "linear",
    yScale: logY ? "log" : "linear",
  }).spec;
}
