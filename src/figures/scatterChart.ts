/**
 * Scatter chart: points coloured by category (e.g. outcome), an optional least-squares line with its
 * slope in the legend and subtitle (the exponent, on log–log scaling plots), and dashed reference lines
 * (a predicted slope, y = x).
 */
import type { TopLevelSpec } from "vega-lite";
import { fitLine, type LineFit } from "../math/fit.js";
import { scaleAndAxis } from "./axes.js";
import {
  droppedNotes,
  type Figure,
  type FigureRow,
  formatNumber,
  type ScaleKind,
  titleBlock,
  type XY,
} from "./figure.js";
import { type LegendPosition, legendProps } from "./legend.js";
import { categoryColors, HEIGHT, NEUTRAL, PALETTE, themeConfig, WIDTH } from "./theme.js";

/** One point. */
export interface ScatterPoint extends XY {
  /** Category setting the colour (e.g. "learned", "failed"); omit for a single-colour chart. */
  category?: string;
}

/** A straight reference line in axis coordinates (log10 on log axes), drawn dashed. */
export interface ReferenceLine {
  /** Slope in axis coordinates (the power-law exponent on log–log axes). */
  slope: number;
  /** Intercept in axis coordinates; omitted: the line passes through the centroid of the points. */
  intercept?: number;
  /** Legend text, e.g. "theory: slope −1" or "y = x". */
  label: string;
}

/** Options of {@link scatterChart}. */
export interface ScatterChartOptions {
  /** Figure title. */
  title: string;
  /** Line under the title (the fitted slope and dropped-point notes are appended). */
  subtitle?: string;
  /** x axis title, with units. */
  xTitle: string;
  /** y axis title, with units. */
  yTitle: string;
  /** The points. */
  points: readonly ScatterPoint[];
  /** x scale (default "linear"); log axes drop non-positive values and say so. */
  xScale?: ScaleKind;
  /** y scale (default "linear"). */
  yScale?: ScaleKind;
  /** Fixed x domain. */
  xDomain?: readonly [number, number];
  /** Fixed y domain. */
  yDomain?: readonly [number, number];
  /** Colours by category (default: outcome colours by name, then the palette). */
  colors?: Record<string, string>;
  /** Title of the category legend (default none). */
  categoryTitle?: string;
  /** Fit a least-squares line in axis coordinates (log–log: a power law) and report its slope. */
  fit?: boolean;
  /** Dashed reference lines. */
  references?: readonly ReferenceLine[];
  /** Legend position (default "right"). */
  legend?: LegendPosition;
  /** Point area in square pixels (default 40). */
  pointSize?: number;
  /** Point opacity (default 0.8). */
  opacity?: number;
  /** Plot width in pixels (default {@link WIDTH}). */
  width?: number;
  /** Plot height in pixels (default {@link HEIGHT}). */
  height?: number;
}

/** A scatter chart, with the fit when one was asked for. */
export interface ScatterFigure extends Figure {
  /** The least-squares fit, when `fit` was set. */
  fit?: LineFit;
}

/** Build a scatter chart. */
export function scatterChart(o: ScatterChartOptions): ScatterFigure {
  const xScale = o.xScale ?? "linear";
  const yScale = o.yScale ?? "linear";
  const ok = (v: number, s: ScaleKind) => Number.isFinite(v) && (s === "linear" || v > 0);
  const kept = o.points.filter((p) => ok(p.x, xScale) && ok(p.y, yScale));
  const nonFinite = o.points.filter((p) => !Number.isFinite(p.x) || !Number.isFinite(p.y)).length;
  const nonPositive = o.points.length - kept.length - nonFinite;
  const hasCategories = kept.some((p) => p.category !== undefined);
  const pointRows: FigureRow[] = kept.map((p) => ({
    layer: "point",
    x: p.x,
    y: p.y,
    category: p.category ?? null,
  }));
  const cats = [...new Set(kept.map((p) => p.category ?? ""))];
  const tx = (v: number, s: ScaleKind) => (s === "log" ? Math.log10(v) : v);
  const inv = (v: number, s: ScaleKind) => (s === "log" ? 10 ** v : v);

  let xlo = Number.POSITIVE_INFINITY;
  let xhi = Number.NEGATIVE_INFINITY;
  let ylo = Number.POSITIVE_INFINITY;
  let yhi = Number.NEGATIVE_INFINITY;
  for (const p of kept) {
    xlo = Math.min(xlo, p.x);
    xhi = Math.max(xhi, p.x);
    ylo = Math.min(ylo, p.y);
    yhi = Math.max(yhi, p.y);
  }
  const X0 = tx(o.xDomain ? o.xDomain[0] : xlo, xScale);
  const X1 = tx(o.xDomain ? o.xDomain[1] : xhi, xScale);

  const lines: { label: string; slope: number; intercept: number; color: string; dash: number[] }[] = [];
  let fit: LineFit | undefined;
  const notes: string[] = [];
  if (o.fit) {
    fit = fitLine(kept, xScale, yScale);
    const space = xScale === "log" && yScale === "log" ? " (log–log)" : "";
    const label = `fit: slope ${formatNumber(fit.slope)}`;
    lines.push({ label, slope: fit.slope, intercept: fit.intercept, color: NEUTRAL.fit, dash: [1, 0] });
    notes.push(`least-squares slope ${formatNumber(fit.slope)}${space}, R² = ${formatNumber(fit.r2, 3)}`);
  }
  const refDashes = [
    [7, 4],
    [2, 3],
    [10, 3, 2, 3],
  ];
  (o.references ?? []).forEach((r, k) => {
    let intercept = r.intercept;
    if (intercept === undefined) {
      const mx = kept.reduce((a, p) => a + tx(p.x, xScale), 0) / kept.length;
      const my = kept.reduce((a, p) => a + tx(p.y, yScale), 0) / kept.length;
      intercept = my - r.slope * mx;
    }
    lines.push({
      label: r.label,
      slope: r.slope,
      intercept,
      color: NEUTRAL.reference,
      dash: refDashes[k % 3],
    });
  });
  const lineRows: FigureRow[] = [];
  for (const l of lines) {
    const n = 2;
    for (let i = 0; i < n; i++) {
      const X = X0 + ((X1 - X0) * i) / (n - 1);
      lineRows.push({
        layer: "line",
        line: l.label,
        x: inv(X, xScale),
        y: inv(l.slope * X + l.intercept, yScale),
      });
    }
  }

  const xs = scaleAndAxis({
    scale: xScale,
    title: o.xTitle,
    domain: o.xDomain,
    extent: kept.length ? [xlo, xhi] : undefined,
  });
  const ys = scaleAndAxis({
    scale: yScale,
    title: o.yTitle,
    domain: o.yDomain,
    extent: kept.length ? [ylo, yhi] : undefined,
  });
  const legendPos = o.legend ?? "right";
  const layers: Record<string, unknown>[] = [
    {
      data: { values: pointRows },
      mark: {
        type: "point",
        filled: true,
        size: o.pointSize ?? 40,
        opacity: o.opacity ?? 0.8,
        clip: true,
        ...(hasCategories ? {} : { color: PALETTE[0] }),
      },
      encoding: {
        x: { field: "x", type: "quantitative", ...xs },
        y: { field: "y", type: "quantitative", ...ys },
        ...(hasCategories
          ? {
              color: {
                field: "category",
                type: "nominal",
                scale: { domain: cats, range: categoryColors(cats, o.colors) },
                legend: legendProps(legendPos, o.categoryTitle ?? null),
              },
            }
          : {}),
      },
    },
  ];
  for (const l of lines) {
    layers.push({
      data: { values: lineRows.filter((r) => r.line === l.label) },
      mark: { type: "line", color: l.color, strokeWidth: 1.75, clip: true },
      encoding: {
        x: { field: "x", type: "quantitative" },
        y: { field: "y", type: "quantitative" },
        strokeDash: {
          datum: l.label,
          type: "nominal",
          scale: { domain: lines.map((m) => m.label), range: lines.map((m) => m.dash) },
          legend:
            legendPos === "none"
              ? null
              : {
                  ...legendProps(legendPos, null),
                  symbolStrokeColor: "#333333",
                  symbolSize: 500,
                  symbolType: "stroke",
                },
        },
      },
    });
  }
  const dropped = droppedNotes(nonPositive, nonFinite);
  if (dropped) notes.push(dropped);
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: titleBlock(o.title, [o.subtitle ?? "", notes.join("; ")]),
    width: o.width ?? WIDTH,
    height: o.height ?? HEIGHT,
    config: themeConfig(),
    layer: layers,
  } as unknown as TopLevelSpec;
  // The spec gets its own copy of the rows: Vega writes ids and computed fields into the objects it plots.
  return { spec: structuredClone(spec), data: [...pointRows, ...lineRows], fit };
}
