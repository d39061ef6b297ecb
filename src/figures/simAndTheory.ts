/**
 * The pair most claim figures draw: a simulated curve and the theory's curve for it, sharing one legend
 * group (so one legend entry and one colour), the theory dashed.
 */

import type { XY } from "./figure.js";
import type { LineSeries } from "./lineChart.js";
import { paletteColor } from "./theme.js";

/** Options of {@link simAndTheory}. */
export interface SimAndTheoryOptions {
  /** Legend entry both curves share, e.g. "‖x‖ = 2". */
  group: string;
  /** Palette index of the group's colour. */
  color: number;
  /** The simulated curve: its data-row name and points; `showPoints` draws a dot at each point. */
  sim: { name: string; points: readonly XY[]; showPoints?: boolean };
  /** The theory's curve (dashed): its data-row name and points. */
  theory: { name: string; points: readonly XY[] };
}

/** The simulated series and its dashed theory series, in that order (the theory is drawn on top). */
export function simAndTheory(o: SimAndTheoryOptions): [LineSeries, LineSeries] {
  const sim: LineSeries = {
    name: o.sim.name,
    group: o.group,
    color: paletteColor(o.color),
    points: o.sim.points,
  };
  if (o.sim.showPoints) sim.showPoints = true;
  return [sim, { name: o.theory.name, group: o.group, kind: "theory", points: o.theory.points }];
}
