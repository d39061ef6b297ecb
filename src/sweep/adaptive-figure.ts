import { type ReferenceLine, type ScatterPoint, scatterChart } from "../figures/scatterChart.js";
import { formatSignificant as fmt } from "../math/format.js";
import { type AdaptiveGridResult, boundaryCells } from "./adaptive.js";
import type { SweepFigure } from "./figures.js";

/** Options of {@link adaptiveFigure}. */
export interface AdaptiveFigureOptions {
  /** Figure title. */
  title: string;
  /** Axis titles (x, y), with units. */
  axes: readonly [string, string];
  /** Which two axes of the result to draw (default [0, 1]). */
  dims?: readonly [number, number];
  /** The theory's boundary as straight lines, e.g. the failure separatrix b = −a: slope −1, intercept 0. */
  theory?: readonly ReferenceLine[];
  /** File name (default "adaptive-phase"). */
  name?: string;
}

/**
 * The refined boundary of an adaptive phase diagram: every evaluated point coloured by its outcome (a point
 * whose seeds disagreed is "mixed"), the centres of the finest boundary cells on top, and the theory's
 * boundary dashed, so a reader sees at once whether the measured boundary sits on the predicted one.
 */
export function adaptiveFigure(result: AdaptiveGridResult, o: AdaptiveFigureOptions): SweepFigure {
  const [dx, dy] = o.dims ?? [0, 1];
  const points: ScatterPoint[] = result.points.map((p) => ({
    x: p.coords[dx] as number,
    y: p.coords[dy] as number,
    category: new Set(p.outcomes).size > 1 ? "mixed" : (p.outcomes[0] as string),
  }));
  const edge = boundaryCells(result);
  for (const c of edge) {
    const centre = (d: number) =>
      (result.origin[d] as number) + ((c.lo[d] as number) + c.size / 2) * (result.spacing[d] as number);
    points.push({ x: centre(dx), y: centre(dy), category: "boundary" });
  }
  const figure = scatterChart({
    title: o.title,
    subtitle: `${result.runs.toLocaleString("en")} runs against ${result.fullGridRuns.toLocaleString("en")} for the full ${result.fineCells.map((n) => n + 1).join(" × ")} grid; ${edge.length} boundary cells at the finest spacing`,
    xTitle: o.axes[0],
    yTitle: o.axes[1],
    points,
    categoryTitle: "outcome",
    references: o.theory,
    pointSize: 8,
  });
  return {
    name: o.name ?? "adaptive-phase",
    caption: `Adaptive phase diagram: boundary cells split until their side is at most the stated resolution (finest spacing ${result.spacing.map((s) => fmt(s)).join(" × ")}); theory dashed.`,
    figure,
  };
}

/**
 * How far the measured boundary is from the theory's: each finest boundary cell's signed distance from
 * the nearest theory line, against x, with ± half a cell's diagonal dashed (a cell whose centre is farther
 * than that does not touch the line). At the main figure's scale the boundary cells hide the line; here a
 * boundary that leaves the theory shows as points outside the band. Null without theory lines.
 */
export function adaptiveResidualFigure(
  result: AdaptiveGridResult,
  o: AdaptiveFigureOptions,
): SweepFigure | null {
  const lines = o.theory ?? [];
  if (lines.length === 0) return null;
  const [dx, dy] = o.dims ?? [0, 1];
  const sx = result.spacing[dx] as number;
  const sy = result.spacing[dy] as number;
  const points: ScatterPoint[] = boundaryCells(result).map((c) => {
    const x = (result.origin[dx] as number) + ((c.lo[dx] as number) + c.size / 2) * sx;
    const y = (result.origin[dy] as number) + ((c.lo[dy] as number) + c.size / 2) * sy;
    const distances = lines.map((l) => (y - (l.slope * x + (l.intercept ?? 0))) / Math.hypot(1, l.slope));
    const nearest = distances.reduce((a, d) => (Math.abs(d) < Math.abs(a) ? d : a));
    return { x, y: nearest, category: "boundary cell" };
  });
  const half = Math.hypot(sx, sy) / 2;
  const outside = points.filter((p) => Math.abs(p.y) > half * (1 + 1e-9)).length;
  const figure = scatterChart({
    title: `${o.title}: distance from the theory`,
    subtitle: `${points.length} finest boundary cells; ${outside} farther from the theory than half a cell's diagonal (${fmt(half)})`,
    xTitle: o.axes[0],
    yTitle: "signed distance of the cell centre from the theory line",
    points,
    references: [
      { slope: 0, intercept: half, label: "+½ a finest cell's diagonal" },
      { slope: 0, intercept: -half, label: "−½ a finest cell's diagonal" },
    ],
    yDomain: [-2 * half, 2 * half],
    pointSize: 12,
  });
  return {
    name: `${o.name ?? "adaptive-phase"}-residual`,
    caption: `Each finest boundary cell's signed distance from the theory's boundary (nearest line), against ${o.axes[0]}; dashed: ± half a cell's diagonal, the farthest a cell that touches the line can be.`,
    figure,
  };
}
