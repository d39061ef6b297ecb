/**
 * Line chart: simulation curves solid, theory curves dashed in the colour of their group, optional
 * bands (mean ± std across seeds), linear or log axes, reference rules.
 */
import type { TopLevelSpec } from "vega-lite";
import { scaleAndAxis } from "./axes.js";
import { downsampleIndices } from "./downsample.js";
import { droppedNotes, type Figure, type ScaleKind, titleBlock, type XY } from "./figure.js";
import { type LegendPosition, legendProps } from "./legend.js";
import { HEIGHT, NEUTRAL, paletteColor, SOLID_DASH, THEORY_DASH, themeConfig, WIDTH } from "./theme.js";

/** What a curve is: measured by simulation (solid) or predicted by theory (dashed). */
export type CurveKind = "simulation" | "theory";

/** One curve. */
export interface LineSeries {
  /** Name of this curve (kept in the data rows; the legend shows `group`). */
  name: string;
  /** The points, in drawing order; or give `x` and `y` instead. */
  points?: readonly XY[];
  /** x values (parallel to `y`), used when `points` is absent. */
  x?: ArrayLike<number>;
  /** y values (parallel to `x`), used when `points` is absent. */
  y?: ArrayLike<number>;
  /** "simulation" (solid line, the default) or "theory" (dashed line). */
  kind?: CurveKind;
  /** Legend entry and colour, shared by a simulation and its matching theory. Default: `name`. */
  group?: string;
  /** Colour of the group (the first series of a group that sets one wins). Default: the palette. */
  color?: string;
  /** Shaded band around the curve, e.g. mean ± std across seeds: values aligned with the points. */
  band?: { lower: ArrayLike<number>; upper: ArrayLike<number> };
  /** Also draw a dot at each point (for sparse measurements). Default false. */
  showPoints?: boolean;
  /** Draw the line (default true); false with `showPoints` draws dots only, so a dashed theory under them stays visible. */
  line?: boolean;
}

/** A horizontal or vertical reference line, e.g. an asymptote or a predicted time. */
export interface RuleLine {
  /** "y": horizontal line at y = value; "x": vertical line at x = value. */
  axis: "x" | "y";
  /** Position of the line in data units. */
  value: number;
  /** Text written next to the line. */
  label?: string;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  /** Figure title. */
  title: string;
  /** Line under the title (notes about dropped points are appended to it). */
  subtitle?: string;
  /** x axis title, with units. */
  xTitle: string;
  /** y axis title, with units. */
  yTitle: string;
  /** The curves. */
  series: readonly LineSeries[];
  /** x scale (default "linear"). Log axes drop non-positive values and say how many in the subtitle. */
  xScale?: ScaleKind;
  /** y scale (default "linear"). */
  yScale?: ScaleKind;
  /** The x quantity is an integer (depth, count): integer ticks only (linear x). */
  xInteger?: boolean;
  /** Fixed x domain; marks outside are clipped. */
  xDomain?: readonly [number, number];
  /** Fixed y domain; marks outside are clipped. */
  yDomain?: readonly [number, number];
  /** Legend position (default "right"). */
  legend?: LegendPosition;
  /** Title of the colour legend (default none). */
  legendTitle?: string;
  /** Reference lines drawn dotted in dark grey. */
  rules?: readonly RuleLine[];
  /** Maximum points per series after min/max downsampling (default 1000). */
  maxPoints?: number;
  /** Plot width in pixels (default {@link WIDTH}). */
  width?: number;
  /** Plot height in pixels (default {@link HEIGHT}). */
  height?: number;
}

/** One row of a line chart's data. `lower`/`upper` are null for series without a band. */
export interface LineRow {
  [key: string]: string | number | boolean | null;
  series: string;
  group: string;
  kind: CurveKind;
  x: number;
  y: number;
  lower: number | null;
  upper: number | null;
  marker: boolean;
  line: boolean;
}

function seriesXY(s: LineSeries): { x: ArrayLike<number>; y: ArrayLike<number> } {
  if (s.points) return { x: s.points.map((p) => p.x), y: s.points.map((p) => p.y) };
  if (!s.x || !s.y) throw new Error(`lineChart: series "${s.name}" needs \`points\` or both \`x\` and \`y\``);
  if (s.x.length !== s.y.length) {
    throw new Error(`lineChart: series "${s.name}" has ${s.x.length} x values but ${s.y.length} y values`);
  }
  return { x: s.x, y: s.y };
}

/** Build a line chart. */
export function lineChart(o: LineChartOptions): Figure<LineRow> {
  const xScale = o.xScale ?? "linear";
  const yScale = o.yScale ?? "linear";
  const maxPoints = o.maxPoints ?? 1000;
  const okX = (v: number) => Number.isFinite(v) && (xScale === "linear" || v > 0);
  const okY = (v: number) => Number.isFinite(v) && (yScale === "linear" || v > 0);

  const groups: string[] = [];
  const groupColor = new Map<string, string>();
  const rows: LineRow[] = [];
  let nonPositive = 0;
  let nonFinite = 0;
  let minPositiveY = Number.POSITIVE_INFINITY;

  for (const s of o.series) {
    const group = s.group ?? s.name;
    if (!groups.includes(group)) groups.push(group);
    if (s.color && !groupColor.has(group)) groupColor.set(group, s.color);
    const { x, y } = seriesXY(s);
    if (s.band && (s.band.lower.length !== x.length || s.band.upper.length !== x.length)) {
      throw new Error(
        `lineChart: the band of series "${s.name}" must have one lower and one upper per point`,
      );
    }
    const keepX: number[] = [];
    const keepY: number[] = [];
    const keepI: number[] = [];
    for (let i = 0; i < x.length; i++) {
      if (okX(x[i]) && okY(y[i])) {
        keepX.push(x[i]);
        keepY.push(y[i]);
        keepI.push(i);
        if (y[i] > 0 && y[i] < minPositiveY) minPositiveY = y[i];
      } else if (Number.isFinite(x[i]) && Number.isFinite(y[i])) nonPositive++;
      else nonFinite++;
    }
    const idx = downsampleIndices(keepX, keepY, { maxPoints, logX: xScale === "log" });
    for (const k of idx) {
      const i = keepI[k];
      rows.push({
        series: s.name,
        group,
        kind: s.kind ?? "simulation",
        x: x[i],
        y: y[i],
        lower: s.band ? s.band.lower[i] : null,
        upper: s.band ? s.band.upper[i] : null,
        marker: s.showPoints ?? false,
        line: s.line ?? true,
      });
    }
  }
  if (yScale === "log") {
    // A band reaching below zero cannot be drawn on a log axis: clip it at the smallest positive y.
    for (const r of rows) if (r.lower !== null && !(r.lower > 0)) r.lower = minPositiveY;
  }
  let slot = 0;
  const colors = groups.map((g) => groupColor.get(g) ?? paletteColor(slot++));

  const extent = (key: "x" | "y"): [number, number] | undefined => {
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const r of rows) {
      const vals = key === "x" ? [r.x] : [r.y, r.lower ?? r.y, r.upper ?? r.y];
      for (const v of vals) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
    return lo <= hi ? [lo, hi] : undefined;
  };
  const xs = scaleAndAxis({
    scale: xScale,
    title: o.xTitle,
    domain: o.xDomain,
    extent: extent("x"),
    integer: o.xInteger,
  });
  const ys = scaleAndAxis({ scale: yScale, title: o.yTitle, domain: o.yDomain, extent: extent("y") });
  const clip = o.xDomain !== undefined || o.yDomain !== undefined;
  const legendPos = o.legend ?? "right";
  const kinds = new Set(rows.map((r) => r.kind));
  // A group drawn only dashed gets a dashed swatch; the solid/dashed key is needed only when some group
  // has both a simulation and a theory curve (its colour swatch cannot say which is which).
  const kindsOf = (g: string) => new Set(rows.filter((r) => r.group === g).map((r) => r.kind));
  const theoryOnly = groups.filter((g) => {
    const k = kindsOf(g);
    return k.size === 1 && k.has("theory");
  });
  const mixed = groups.some((g) => kindsOf(g).size > 1);
  const colorLegend =
    legendPos === "none"
      ? null
      : { ...legendProps(legendPos, o.legendTitle ?? null), symbolSize: 500, symbolType: "stroke" };
  const color = {
    field: "group",
    type: "nominal",
    scale: { domain: groups, range: colors },
    legend: colorLegend,
    sort: groups,
  };
  // No group mixes kinds: the dash is a property of the group, encoded on the same field as the colour,
  // so Vega-Lite merges both into one legend whose swatches are drawn dashed where the curve is.
  const groupDash = {
    field: "group",
    type: "nominal",
    scale: {
      domain: groups,
      range: groups.map((g) => [...(theoryOnly.includes(g) ? THEORY_DASH : SOLID_DASH)]),
    },
    legend: colorLegend,
    sort: groups,
  };
  const kindDash = (kind: CurveKind) => ({
    datum: kind,
    type: "nominal",
    scale: { domain: ["simulation", "theory"], range: [[...SOLID_DASH], [...THEORY_DASH]] },
    legend:
      legendPos !== "none"
        ? {
            ...legendProps(legendPos, null),
            symbolStrokeColor: "#333333",
            symbolType: "stroke",
            symbolSize: 500,
          }
        : null,
  });
  const dash = (kind: CurveKind) => (mixed ? kindDash(kind) : groupDash);
  const x = { field: "x", type: "quantitative", ...xs };
  const y = { field: "y", type: "quantitative", ...ys };
  const layers: Record<string, unknown>[] = [];
  if (rows.some((r) => r.lower !== null)) {
    layers.push({
      // A separate field and the fill channel keep the band out of the colour legend.
      transform: [
        { filter: "isValid(datum.lower) && isValid(datum.upper)" },
        { calculate: "datum.group", as: "band_group" },
      ],
      mark: { type: "area", opacity: 0.2, clip },
      encoding: {
        x,
        y: { field: "lower", type: "quantitative", scale: ys.scale, axis: ys.axis },
        y2: { field: "upper" },
        fill: {
          field: "band_group",
          type: "nominal",
          scale: { domain: groups, range: colors },
          legend: null,
        },
        detail: { field: "series" },
      },
    });
  }
  for (const kind of ["simulation", "theory"] as const) {
    if (!kinds.has(kind)) continue;
    layers.push({
      transform: [{ filter: `datum.kind === '${kind}' && datum.line` }],
      mark: { type: "line", clip, strokeWidth: kind === "theory" ? 2.25 : 2, strokeCap: "butt" },
      encoding: { x, y, color, strokeDash: dash(kind), detail: { field: "series" } },
    });
  }
  if (rows.some((r) => r.marker)) {
    layers.push({
      transform: [{ filter: "datum.marker" }, { calculate: "datum.group", as: "marker_group" }],
      mark: { type: "point", clip, filled: true, size: 30, opacity: 1 },
      encoding: {
        x,
        y,
        fill: {
          field: "marker_group",
          type: "nominal",
          scale: { domain: groups, range: colors },
          legend: null,
        },
      },
    });
  }
  for (const rule of o.rules ?? []) {
    const at = { [rule.axis]: { datum: rule.value, type: "quantitative" } };
    layers.push({
      data: { values: [{}] },
      mark: { type: "rule", color: NEUTRAL.reference, strokeDash: [2, 3], strokeWidth: 1.5, clip },
      encoding: at,
    });
    if (rule.label) {
      layers.push({
        data: { values: [{}] },
        mark:
          rule.axis === "y"
            ? { type: "text", align: "right", baseline: "bottom", dx: -4, dy: -3, x: "width" }
            : { type: "text", align: "left", baseline: "top", dx: 4, y: 4 },
        encoding: { ...at, text: { value: rule.label }, color: { value: NEUTRAL.reference } },
      });
    }
  }

  const subtitle = [o.subtitle ?? "", droppedNotes(nonPositive, nonFinite)];
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: titleBlock(o.title, subtitle),
    width: o.width ?? WIDTH,
    height: o.height ?? HEIGHT,
    config: themeConfig(),
    data: { values: rows },
    layer: layers,
    resolve: { scale: { strokeDash: "shared", color: "shared" } },
  } as unknown as TopLevelSpec;
  // The spec gets its own copy of the rows: Vega writes ids and computed fields into the objects it plots.
  return { spec: structuredClone(spec), data: rows };
}
