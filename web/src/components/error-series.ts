/**
 * The training-error chart's curves: the run, the theory's prediction for this very init, the population
 * curve E(t) (P8) and test errors. E(t) is the mean over random inits; on a small data set the run's own
 * draw can put a different share of units in the failure region, so the curve's level is labelled as not
 * applying to this run whenever the init's own prediction ends elsewhere (C4: 1 of 16 vs the mean ¼).
 */

import type { HistoryRecord } from "../../../src/index.js";
import { PALETTE } from "../../../src/index.js";
import type { ChartSeries, LegendItem } from "../plot/line-chart.js";
import { formatValue } from "../plot/scale.js";
import type { TheoryOverlay } from "../worker/theory-overlay.js";
import { col, column } from "./run-view.js";

/** Gap between the final levels of E(t) and this init's prediction above which E(t) "does not apply". */
export const LEVEL_GAP = 0.05;

/** Curves, legend and a note for the error chart. */
export function errorSeries(
  history: readonly HistoryRecord[],
  theory: TheoryOverlay | null,
  n: number,
): { series: ChartSeries[]; legend: LegendItem[]; note: string; accuracy: string } {
  const err = column(history, "error");
  const series: ChartSeries[] = [
    { name: "training error", color: PALETTE[0], x: err.t, y: err.y, width: 2.5 },
  ];
  const legend: LegendItem[] = [{ name: "training error", color: PALETTE[0] }];
  let note = "";
  if (theory?.error) {
    series.push({
      name: "theory (this init)",
      color: PALETTE[1],
      x: theory.t,
      y: theory.error,
      theory: true,
    });
    legend.push({ name: "theory, this init", color: PALETTE[1], theory: true });
  }
  if (theory?.errorPopulation) {
    const pop = theory.errorPopulation[theory.errorPopulation.length - 1];
    const own = theory.error ? theory.error[theory.error.length - 1] : Number.NaN;
    const off = Number.isFinite(own) && Math.abs(own - pop) > LEVEL_GAP;
    series.push({
      name: off ? "E(t) population (not this draw's level)" : "E(t) population",
      color: PALETTE[2],
      x: theory.t,
      y: theory.errorPopulation,
      theory: true,
      width: off ? 1.2 : undefined,
    });
    legend.push({
      name: off
        ? "E(t), mean over inits — does not apply to this draw's level"
        : "E(t) = ½[1 − gd(rt)/π], mean over inits",
      color: PALETTE[2],
      theory: true,
    });
    if (off) {
      const k = Math.round(own * n);
      note =
        `Does not apply: E(t) is the mean over random inits and levels at ${formatValue(pop, 3)}; ` +
        `this run's own draw has ${k} of ${n} units in the failure region, so it levels at ${formatValue(own, 3)}, ` +
        "as this init's prediction (orange) says.";
    }
  }
  const last = history[history.length - 1];
  const accKeys = last ? Object.keys(last).filter((k) => k.startsWith("accuracy:")) : [];
  accKeys.forEach((k, i) => {
    const c = column(history, k);
    const color = col(i + 3);
    series.push({ name: `test error ${k.slice(9)}`, color, x: c.t, y: c.y.map((v) => 1 - v), width: 1.5 });
    legend.push({ name: `test error: ${k.slice(9)}`, color });
  });
  // The latest value of each, in words (the test sets' names say what each one probes).
  const accuracy = accKeys.length
    ? `Now (t = ${formatValue(last.t, 3)}): test error ${accKeys.map((k) => `${k.slice(9)} ${formatValue(1 - (last[k] as number), 3)}`).join(", ")}.`
    : "";
  return { series, legend, note, accuracy };
}
