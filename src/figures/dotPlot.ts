/**
 * Dot plot: one row per category (an ablation, a setting) and a quantity along x, with the individual
 * measurements (seeds) as small grey circles and one summary value per row as a filled diamond; optional
 * reference rules (a threshold) and reference bands (a published range), each labelled in the plot.
 */
import type { TopLevelSpec } from "vega-lite";
import { scaleAndAxis } from "./axes.js";
import { type Figure, type FigureRow, type ScaleKind, titleBlock } from "./figure.js";
import { type LegendPosition, legendProps } from "./legend.js";
import { NEUTRAL, PALETTE, themeConfig, WIDTH } from "./theme.js";

/** One row of the plot. */
export interface DotRow {
  /** Row label (the y axis), unique. */
  category: string;
  /** The individual measurements (e.g. one per seed). */
  values: readonly number[];
  /** The row's summary value (e.g. the measure of the seed-averaged quantity). */
  summary: number;
}

/** A labelled vertical line or band across every row. */
export interface DotReference {
  /** Where it starts (a rule when `to` is absent). */
  from: number;
  /** Where a band ends. */
  to?: number;
  /** Text written at its top. */
  label: string;
}

/** Options of {@link dotPlot}. */
export interface DotPlotOptions {
  title: string;
  subtitle?: string;
  /** x axis title, with units. */
  xTitle: string;
  /** y axis title (default none: the row labels say it). */
  yTitle?: string;
  rows: readonly DotRow[];
  /** Legend names of the two marks (default "individual", "summary"). */
  valuesLabel?: string;
  summaryLabel?: string;
  /** x scale (default "linear"). */
  xScale?: ScaleKind;
  /** Fixed x domain. */
  xDomain?: readonly [number, number];
  references?: readonly DotReference[];
  /** Legend position (default "bottom"). */
  legend?: LegendPosition;
  /** Plot width (default {@link WIDTH}); the height is 28 px a row. */
  width?: number;
}

/** Build a dot plot. */
export function dotPlot(o: DotPlotOptions): Figure {
  if (o.rows.length === 0) throw new Error("dotPlot: give at least one row");
  const names = o.rows.map((r) => r.category);
  if (new Set(names).size !== names.length)
    throw new Error(`dotPlot: row labels must be unique, got ${names.join(", ")}`);
  const valuesLabel = o.valuesLabel ?? "individual";
  const summaryLabel = o.summaryLabel ?? "summary";
  const rows: FigureRow[] = o.rows.flatMap((r) => [
    ...r.values.map((v) => ({ layer: "value", category: r.category, mark: valuesLabel, x: v })),
    { layer: "summary", category: r.category, mark: summaryLabel, x: r.summary },
  ]);
  const all = rows
    .map((r) => r.x as number)
    .concat((o.references ?? []).flatMap((r) => [r.from, r.to ?? r.from]));
  const finite = all.filter(Number.isFinite);
  const xs = scaleAndAxis({
    scale: o.xScale ?? "linear",
    title: o.xTitle,
    domain: o.xDomain,
    extent: finite.length ? [Math.min(...finite), Math.max(...finite)] : undefined,
    zero: true,
  });
  const y = {
    field: "category",
    type: "nominal",
    sort: names,
    axis: { title: o.yTitle ?? null, grid: true, labelLimit: 240 },
  };
  const marks = [valuesLabel, summaryLabel];
  const legend = legendProps(o.legend ?? "bottom", null);
  const encodeMark = {
    shape: { field: "mark", type: "nominal", scale: { domain: marks, range: ["circle", "diamond"] }, legend },
    color: {
      field: "mark",
      type: "nominal",
      scale: { domain: marks, range: [NEUTRAL.flow, PALETTE[0]] },
      legend,
    },
  };
  const layers: Record<string, unknown>[] = [];
  for (const ref of o.references ?? []) {
    const band = ref.to !== undefined;
    layers.push({
      data: { values: [{ from: ref.from, to: ref.to ?? ref.from }] },
      mark: band
        ? { type: "rect", color: PALETTE[4], opacity: 0.18 }
        : { type: "rule", color: NEUTRAL.reference, strokeDash: [2, 3], strokeWidth: 1.5 },
      encoding: {
        x: { field: "from", type: "quantitative", ...xs },
        ...(band ? { x2: { field: "to" } } : {}),
      },
    });
    layers.push({
      data: { values: [{ at: ref.from }] },
      mark: { type: "text", align: "left", baseline: "top", dx: 3, y: -14, fontSize: 10 },
      encoding: {
        x: { field: "at", type: "quantitative" },
        text: { value: ref.label },
        color: { value: NEUTRAL.reference },
      },
    });
  }
  layers.push({
    data: { values: rows },
    mark: { type: "point", size: 50, filled: true, opacity: 0.8 },
    transform: [{ filter: "datum.layer === 'value'" }],
    encoding: { x: { field: "x", type: "quantitative", ...xs }, y, ...encodeMark },
  });
  layers.push({
    data: { values: rows },
    mark: { type: "point", size: 110, filled: true, opacity: 1 },
    transform: [{ filter: "datum.layer === 'summary'" }],
    encoding: { x: { field: "x", type: "quantitative", ...xs }, y, ...encodeMark },
  });
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: titleBlock(o.title, [o.subtitle ?? ""]),
    config: themeConfig(),
    width: o.width ?? WIDTH,
    height: 28 * o.rows.length,
    layer: layers,
  } as unknown as TopLevelSpec;
  return { spec, data: rows };
}
