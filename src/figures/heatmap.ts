/**
 * Heatmap of values on a 2-D grid (phase diagrams over two hyperparameters, a decision function over the
 * input plane), with a diverging colour scale centred on a value, an optional contour line (marching
 * squares, see contour.ts) and optional overlaid points (the data set).
 */
import type { TopLevelSpec } from "vega-lite";
import { scaleAndAxis } from "./axes.js";
import { contourLines, type Grid } from "./contour.js";
import { type Figure, type FigureRow, formatNumber, type ScaleKind, titleBlock } from "./figure.js";
import { type LegendPosition, legendProps } from "./legend.js";
import { categoryColors, HEIGHT, themeConfig, WIDTH } from "./theme.js";

/** A point drawn over the heatmap. */
export interface HeatmapPoint {
  /** Horizontal position. */
  x: number;
  /** Vertical position. */
  y: number;
  /** Category (class label, outcome) setting colour and shape. */
  category: string;
}

/** Options of {@link heatmap}. */
export interface HeatmapOptions {
  /** Figure title. */
  title: string;
  /** Line under the title. */
  subtitle?: string;
  /** x axis title, with units. */
  xTitle: string;
  /** y axis title, with units. */
  yTitle: string;
  /** Title of the colour bar (what the values are). */
  colorTitle: string;
  /** Cell-centre coordinates and values (`values[j * nx + i]` at (x[i], y[j])); keep it under ~100 × 100. */
  grid: Grid;
  /** x scale (default "linear"); with "log", grid x must be positive and cells are spaced geometrically. */
  xScale?: ScaleKind;
  /** y scale (default "linear"). */
  yScale?: ScaleKind;
  /** "diverging" (blue–orange around `center`, the default) or "sequential" (viridis). */
  colorScheme?: "diverging" | "sequential";
  /** Value at the middle of a diverging scale (default 0). */
  center?: number;
  /** Colour domain; default: the value range (symmetric around `center` when diverging). */
  domain?: readonly [number, number];
  /**
   * The range the quantity can take, e.g. [0, 1] for an error or accuracy, [0, Infinity] for a loss: the
   * colour domain is clamped to it, so a legend never shows values the quantity cannot have (a constant
   * error of 0.1 would otherwise get the domain [−0.4, 0.6]).
   */
  valueRange?: readonly [number, number];
  /** Draw the iso-line at `level` (default 0) in black; `label` names it in the legend. */
  contour?: { level?: number; label?: string };
  /** Points drawn on top (e.g. the training set), coloured and shaped by category. */
  points?: readonly HeatmapPoint[];
  /** Colours of point categories (default: outcome colours, then the palette). */
  pointColors?: Record<string, string>;
  /** Title of the points legend (default "class"). */
  pointsTitle?: string;
  /** Where the points and contour legends go (default "right"); the colour bar is always on the right. */
  legend?: LegendPosition;
  /** Draw the colour bar (default true; small multiples with one shared domain say it in the subtitle). */
  colorLegend?: boolean;
  /** Make one unit of x as long as one unit of y (for the input plane). Default false. */
  equalAspect?: boolean;
  /** Plot width in pixels (default {@link WIDTH}; ignored with equalAspect). */
  width?: number;
  /** Plot height in pixels (default {@link HEIGHT}). */
  height?: number;
}

function cellEdges(c: ArrayLike<number>, log: boolean): number[] {
  const n = c.length;
  const t = (v: number) => (log ? Math.log10(v) : v);
  const inv = (v: number) => (log ? 10 ** v : v);
  if (n === 1) return [inv(t(c[0]) - 0.5), inv(t(c[0]) + 0.5)];
  const e: number[] = [inv(t(c[0]) - (t(c[1]) - t(c[0])) / 2)];
  for (let i = 0; i < n - 1; i++) e.push(inv((t(c[i]) + t(c[i + 1])) / 2));
  e.push(inv(t(c[n - 1]) + (t(c[n - 1]) - t(c[n - 2])) / 2));
  return e;
}

/** Build a heatmap. */
export function heatmap(o: HeatmapOptions): Figure {
  const { x, y, values } = o.grid;
  const nx = x.length;
  const ny = y.length;
  if (values.length !== nx * ny) {
    throw new Error(`heatmap: grid.values has ${values.length} entries, expected ${nx} × ${ny} = ${nx * ny}`);
  }
  const xLog = (o.xScale ?? "linear") === "log";
  const yLog = (o.yScale ?? "linear") === "log";
  for (const [name, arr, log] of [
    ["x", x, xLog],
    ["y", y, yLog],
  ] as const) {
    if (log && Array.from(arr).some((v) => !(v > 0))) {
      throw new Error(`heatmap: grid.${name} has non-positive values but the ${name} axis is log`);
    }
  }
  const xe = cellEdges(x, xLog);
  const ye = cellEdges(y, yLog);
  const cells: FigureRow[] = [];
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const v = values[j * nx + i];
      if (!Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      cells.push({
        layer: "cell",
        x: x[i],
        y: y[j],
        x0: xe[i],
        x1: xe[i + 1],
        y0: ye[j],
        y1: ye[j + 1],
        value: v,
      });
    }
  }
  if (cells.length === 0) throw new Error("heatmap: the grid has no finite value to draw");
  const diverging = (o.colorScheme ?? "diverging") === "diverging";
  const center = o.center ?? 0;
  let domain: [number, number];
  if (o.domain) domain = [o.domain[0], o.domain[1]];
  else if (diverging) {
    const m = Math.max(Math.abs(hi - center), Math.abs(lo - center)) || 1;
    domain = [center - m, center + m];
  } else domain = lo < hi ? [lo, hi] : [lo - 0.5, hi + 0.5];
  if (o.valueRange) {
    const [min, max] = o.valueRange;
    domain = [Math.max(min, Math.min(domain[0], max)), Math.min(max, Math.max(domain[1], min))];
    if (!(domain[0] < domain[1])) domain = [domain[0], domain[0] + 1];
  }

  const xDomain: [number, number] = [Math.min(xe[0], xe[nx]), Math.max(xe[0], xe[nx])];
  const yDomain: [number, number] = [Math.min(ye[0], ye[ny]), Math.max(ye[0], ye[ny])];
  const xs = scaleAndAxis({ scale: xLog ? "log" : "linear", title: o.xTitle, domain: xDomain, grid: false });
  const ys = scaleAndAxis({ scale: yLog ? "log" : "linear", title: o.yTitle, domain: yDomain, grid: false });
  const height = o.height ?? HEIGHT;
  let width = o.width ?? WIDTH;
  if (o.equalAspect) width = Math.round((height * (xDomain[1] - xDomain[0])) / (yDomain[1] - yDomain[0]));
  const legendPos = o.legend ?? "right";

  const colorScale: Record<string, unknown> = diverging
    ? { scheme: "blueorange", domain, domainMid: center }
    : { scheme: "viridis", domain };
  const layers: Record<string, unknown>[] = [
    {
      data: { values: cells },
      // Cells stroked in their own colour (through a copy of the field, kept out of the legend):
      // no hairline seams between neighbouring rectangles.
      transform: [{ calculate: "datum.value", as: "stroke_value" }],
      mark: { type: "rect", clip: true, strokeWidth: 0.6 },
      encoding: {
        x: { field: "x0", type: "quantitative", ...xs },
        x2: { field: "x1" },
        y: { field: "y0", type: "quantitative", ...ys },
        y2: { field: "y1" },
        color: {
          field: "value",
          type: "quantitative",
          scale: colorScale,
          legend:
            (o.colorLegend ?? true)
              ? {
                  type: "gradient",
                  title: o.colorTitle,
                  orient: "right",
                  gradientLength: Math.min(height - 20, 240),
                  gradientThickness: 14,
                  format: "~g",
                }
              : null,
        },
        stroke: { field: "stroke_value", type: "quantitative", scale: colorScale, legend: null },
      },
    },
  ];
  const contourRows: FigureRow[] = [];
  const notes: string[] = [];
  if (o.contour) {
    const level = o.contour.level ?? 0;
    const tx = (v: number) => (xLog ? Math.log10(v) : v);
    const ty = (v: number) => (yLog ? Math.log10(v) : v);
    const lines = contourLines(
      {
        x: Array.from(x, tx),
        y: Array.from(y, ty),
        values: Array.from(values, (v) => (Number.isFinite(v) ? v : NaN)),
      },
      level,
    );
    lines.forEach((line, k) => {
      line.forEach((p, i) => {
        contourRows.push({
          layer: "contour",
          line: k,
          i,
          x: xLog ? 10 ** p.x : p.x,
          y: yLog ? 10 ** p.y : p.y,
          value: level,
        });
      });
    });
    const label = o.contour.label ?? `value = ${formatNumber(level)}`;
    if (contourRows.length > 0) {
      layers.push({
        data: { values: contourRows },
        mark: { type: "line", color: "black", strokeWidth: 2.25, clip: true },
        encoding: {
          x: { field: "x", type: "quantitative" },
          y: { field: "y", type: "quantitative" },
          order: { field: "i", type: "quantitative" },
          detail: { field: "line", type: "nominal" },
          strokeDash: {
            datum: label,
            type: "nominal",
            scale: { range: [[1, 0]] },
            legend:
              legendPos === "none"
                ? null
                : {
                    ...legendProps(legendPos, null),
                    symbolStrokeColor: "black",
                    symbolSize: 500,
                    symbolType: "stroke",
                  },
          },
        },
      });
    } else notes.push(`no contour at ${label}`);
  }
  const pointRows: FigureRow[] = (o.points ?? []).map((p) => ({
    layer: "point",
    x: p.x,
    y: p.y,
    category: p.category,
  }));
  if (pointRows.length > 0) {
    const cats = [...new Set(pointRows.map((p) => String(p.category)))];
    // Same legend on fill and shape: Vega-Lite merges them into one legend showing both.
    const pointsLegend = legendProps(legendPos, o.pointsTitle ?? "class");
    layers.push({
      data: { values: pointRows },
      mark: {
        type: "point",
        filled: true,
        size: 42,
        stroke: "white",
        strokeWidth: 0.9,
        opacity: 1,
        clip: true,
      },
      encoding: {
        x: { field: "x", type: "quantitative" },
        y: { field: "y", type: "quantitative" },
        fill: {
          field: "category",
          type: "nominal",
          scale: { domain: cats, range: categoryColors(cats, o.pointColors) },
          legend: pointsLegend,
        },
        shape: {
          field: "category",
          type: "nominal",
          scale: { domain: cats, range: ["circle", "square", "triangle-up", "diamond", "cross"] },
          legend: pointsLegend,
        },
      },
    });
  }

  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: titleBlock(o.title, [o.subtitle ?? "", notes.join("; ")]),
    width,
    height,
    config: themeConfig(),
    layer: layers,
  } as unknown as TopLevelSpec;
  // The spec gets its own copy of the rows: Vega writes ids and computed fields into the objects it plots.
  return { spec: structuredClone(spec), data: [...cells, ...contourRows, ...pointRows] };
}
