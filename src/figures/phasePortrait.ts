/**
 * Phase portrait of one mode in the (a, b) plane: shaded labelled regions (e.g. where training fails),
 * thin grey flow lines, dashed special curves (separatrices), trajectories and their end points coloured
 * by outcome. One unit of a is as long as one unit of b.
 */
import type { TopLevelSpec } from "vega-lite";
import { scaleAndAxis } from "./axes.js";
import { downsampleIndices } from "./downsample.js";
import { type Figure, type FigureRow, titleBlock, type XY } from "./figure.js";
import { type LegendPosition, legendProps } from "./legend.js";
import { categoryColors, NEUTRAL, OUTCOME_COLORS, themeConfig } from "./theme.js";

/** A shaded region of the plane. */
export interface PhaseRegion {
  /** Name (kept in the data rows; also the label unless `label` is set). */
  name: string;
  /** Vertices of the polygon, in order (it is closed automatically). May extend past the plot: it is clipped. */
  polygon: readonly XY[];
  /** Fill colour (default: the outcome colour of `name` if it is one, else grey). */
  color?: string;
  /** Fill opacity (default 0.16). */
  opacity?: number;
  /** Text written in the region (default `name`; "" for none). */
  label?: string;
  /** Where the label goes (default: the mean of the vertices that lie inside the plot). */
  labelAt?: XY;
}

/** A trajectory of the dynamics. */
export interface PhaseTrajectory {
  /** The points, in time order. */
  points: readonly XY[];
  /** Outcome setting the colour (e.g. "learned", "failed", "dead"). */
  outcome?: string;
  /** Identifier kept in the data rows (default: its index). */
  id?: string;
}

/** A special curve (separatrix, nullcline…), drawn dashed in black and named in the legend. */
export interface PhaseCurve {
  /** The points, in order. */
  points: readonly XY[];
  /** Legend text. */
  label: string;
}

/** Options of {@link phasePortrait}. */
export interface PhasePortraitOptions {
  /** Figure title. */
  title: string;
  /** Line under the title. */
  subtitle?: string;
  /** Horizontal axis title (default "a = w·x / ‖x‖ (first layer)"). */
  xTitle?: string;
  /** Vertical axis title (default "b (output weight)"). */
  yTitle?: string;
  /** Horizontal extent of the plot. */
  xDomain: readonly [number, number];
  /** Vertical extent of the plot. */
  yDomain: readonly [number, number];
  /** Shaded regions, drawn first. */
  regions?: readonly PhaseRegion[];
  /** Flow lines (e.g. the hyperbolas a² − b² = c), thin grey. */
  flowLines?: readonly (readonly XY[])[];
  /** Dashed black curves named in the legend. */
  curves?: readonly PhaseCurve[];
  /** Trajectories: lines from a hollow start marker to a filled end marker, coloured by outcome. */
  trajectories?: readonly PhaseTrajectory[];
  /** Lone points (e.g. initial conditions), filled, coloured by outcome. */
  points?: readonly (XY & { outcome?: string })[];
  /** Colours by outcome (default: outcome colours by name, then the palette). */
  outcomeColors?: Record<string, string>;
  /** Title of the outcome legend (default "outcome"). */
  outcomeTitle?: string;
  /** Legend position (default "right"). */
  legend?: LegendPosition;
  /** Draw the axes a = 0 and b = 0 (default true). */
  zeroLines?: boolean;
  /** Maximum points per trajectory or flow line after downsampling (default 400). */
  maxPoints?: number;
  /** Largest plot width in pixels (default 520); the size keeps equal aspect. */
  maxWidth?: number;
  /** Largest plot height in pixels (default 420). */
  maxHeight?: number;
}

/** A colour mixed with black (amount 0…1), for labels readable on a light fill of the same hue. */
function darken(hex: string, amount: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = Number.parseInt(m[1], 16);
  const ch = (shift: number) => Math.round(((n >> shift) & 255) * (1 - amount));
  return `rgb(${ch(16)}, ${ch(8)}, ${ch(0)})`;
}

function thin(points: readonly XY[], maxPoints: number): XY[] {
  if (points.length <= maxPoints) return [...points];
  // Keep every k-th point and the last: paths in the plane are smooth, spikes are not a concern here.
  const k = Math.ceil(points.length / maxPoints);
  const out: XY[] = [];
  for (let i = 0; i < points.length; i += k) out.push(points[i]);
  if (out[out.length - 1] !== points[points.length - 1]) out.push(points[points.length - 1]);
  return out;
}

/** Build a phase portrait. */
export function phasePortrait(o: PhasePortraitOptions): Figure {
  const [x0, x1] = o.xDomain;
  const [y0, y1] = o.yDomain;
  if (!(x1 > x0) || !(y1 > y0))
    throw new Error("phasePortrait: xDomain and yDomain must be [min, max] with min < max");
  const maxPoints = o.maxPoints ?? 400;
  const scale = Math.min((o.maxWidth ?? 520) / (x1 - x0), (o.maxHeight ?? 420) / (y1 - y0));
  const width = Math.round((x1 - x0) * scale);
  const height = Math.round((y1 - y0) * scale);
  const legendPos = o.legend ?? "right";
  const inside = (p: XY) => p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1;

  const xs = scaleAndAxis({
    scale: "linear",
    title: o.xTitle ?? "a = w·x / ‖x‖ (first layer)",
    domain: o.xDomain,
  });
  const ys = scaleAndAxis({ scale: "linear", title: o.yTitle ?? "b (output weight)", domain: o.yDomain });
  const X = { field: "x", type: "quantitative", ...xs };
  const Y = { field: "y", type: "quantitative", ...ys };
  const layers: Record<string, unknown>[] = [];
  const rows: FigureRow[] = [];

  for (const r of o.regions ?? []) {
    const poly: FigureRow[] = r.polygon.map((p, i) => ({ layer: "region", id: r.name, i, x: p.x, y: p.y }));
    rows.push(...poly);
    const fill = r.color ?? OUTCOME_COLORS[r.name.toLowerCase()] ?? "#888888";
    layers.push({
      data: { values: poly },
      mark: {
        type: "line",
        interpolate: "linear-closed",
        fill,
        fillOpacity: r.opacity ?? 0.16,
        stroke: null,
        clip: true,
      },
      encoding: { x: X, y: Y, order: { field: "i", type: "quantitative" } },
    });
    const label = r.label ?? r.name;
    if (label) {
      const vis = r.polygon.filter(inside);
      const pts = vis.length > 0 ? vis : r.polygon;
      const at = r.labelAt ?? {
        x: pts.reduce((a, p) => a + p.x, 0) / pts.length,
        y: pts.reduce((a, p) => a + p.y, 0) / pts.length,
      };
      layers.push({
        data: { values: [{ x: at.x, y: at.y, text: label }] },
        mark: { type: "text", fontSize: 13, fontWeight: "bold", color: darken(fill, 0.3) },
        encoding: {
          x: { field: "x", type: "quantitative" },
          y: { field: "y", type: "quantitative" },
          text: { field: "text" },
        },
      });
    }
  }
  if (o.zeroLines ?? true) {
    for (const axis of ["x", "y"] as const) {
      const v = 0;
      if ((axis === "x" ? x0 : y0) < v && v < (axis === "x" ? x1 : y1)) {
        layers.push({
          data: { values: [{}] },
          mark: { type: "rule", color: NEUTRAL.axis, strokeWidth: 1 },
          encoding: { [axis]: { datum: v, type: "quantitative" } },
        });
      }
    }
  }
  if (o.flowLines && o.flowLines.length > 0) {
    const flow: FigureRow[] = [];
    o.flowLines.forEach((line, id) => {
      for (const [i, p] of thin(line, maxPoints).entries()) {
        flow.push({ layer: "flow", id: `flow-${id}`, i, x: p.x, y: p.y });
      }
    });
    rows.push(...flow);
    layers.push({
      data: { values: flow },
      mark: { type: "line", color: NEUTRAL.flow, strokeWidth: 0.9, opacity: 0.8, clip: true },
      encoding: {
        x: X,
        y: Y,
        order: { field: "i", type: "quantitative" },
        detail: { field: "id", type: "nominal" },
      },
    });
  }
  if (o.curves && o.curves.length > 0) {
    const labels = o.curves.map((c) => c.label);
    o.curves.forEach((c) => {
      const cr: FigureRow[] = c.points.map((p, i) => ({ layer: "curve", id: c.label, i, x: p.x, y: p.y }));
      rows.push(...cr);
      layers.push({
        data: { values: cr },
        mark: { type: "line", color: "#111111", strokeWidth: 1.75, clip: true },
        encoding: {
          x: X,
          y: Y,
          order: { field: "i", type: "quantitative" },
          strokeDash: {
            datum: c.label,
            type: "nominal",
            scale: {
              domain: labels,
              range: labels.map(
                (_, k) =>
                  [
                    [7, 4],
                    [2, 3],
                    [10, 3, 2, 3],
                  ][k % 3],
              ),
            },
            legend:
              legendPos === "none"
                ? null
                : {
                    ...legendProps(legendPos, null),
                    symbolStrokeColor: "#111111",
                    symbolSize: 500,
                    symbolType: "stroke",
                  },
          },
        },
      });
    });
  }

  const traj = o.trajectories ?? [];
  const lone = o.points ?? [];
  const outcomes = [
    ...new Set([...traj.map((t) => t.outcome ?? "trajectory"), ...lone.map((p) => p.outcome ?? "point")]),
  ];
  const color = {
    field: "outcome",
    type: "nominal",
    scale: { domain: outcomes, range: categoryColors(outcomes, o.outcomeColors) },
    // The same legend on every layer: Vega-Lite merges them into one (an explicit null would hide it).
    legend:
      legendPos === "none"
        ? null
        : { ...legendProps(legendPos, o.outcomeTitle ?? "outcome"), symbolOpacity: 1 },
  };
  if (traj.length > 0) {
    const paths: FigureRow[] = [];
    const ends: FigureRow[] = [];
    traj.forEach((t, k) => {
      const id = t.id ?? `trajectory-${k}`;
      const outcome = t.outcome ?? "trajectory";
      const pts = t.points;
      if (pts.length === 0) return;
      const idx = downsampleIndices(
        pts.map((_, i) => i),
        pts.map((p) => p.x),
        { maxPoints: Math.max(4, Math.floor(maxPoints / 2)) },
      );
      const idy = downsampleIndices(
        pts.map((_, i) => i),
        pts.map((p) => p.y),
        { maxPoints: Math.max(4, Math.floor(maxPoints / 2)) },
      );
      const keep = [...new Set([...idx, ...idy])].sort((a, b) => a - b);
      for (const [n, i] of keep.entries()) {
        paths.push({ layer: "trajectory", id, i: n, x: pts[i].x, y: pts[i].y, outcome });
      }
      const first = pts[0];
      const last = pts[pts.length - 1];
      ends.push({ layer: "start", id, x: first.x, y: first.y, outcome });
      ends.push({ layer: "end", id, x: last.x, y: last.y, outcome });
    });
    rows.push(...paths, ...ends);
    layers.push({
      data: { values: paths },
      mark: { type: "line", strokeWidth: 1.75, opacity: 0.9, clip: true },
      encoding: {
        x: X,
        y: Y,
        order: { field: "i", type: "quantitative" },
        detail: { field: "id", type: "nominal" },
        color,
      },
    });
    layers.push({
      data: { values: ends.filter((e) => e.layer === "start") },
      mark: { type: "point", filled: false, size: 36, strokeWidth: 1.5, clip: true },
      encoding: { x: X, y: Y, color },
    });
    layers.push({
      data: { values: ends.filter((e) => e.layer === "end") },
      mark: {
        type: "point",
        filled: true,
        size: 64,
        stroke: "white",
        strokeWidth: 1,
        opacity: 1,
        clip: true,
      },
      encoding: { x: X, y: Y, fill: color },
    });
  }
  if (lone.length > 0) {
    const pr: FigureRow[] = lone.map((p) => ({
      layer: "point",
      x: p.x,
      y: p.y,
      outcome: p.outcome ?? "point",
    }));
    rows.push(...pr);
    layers.push({
      data: { values: pr },
      mark: { type: "point", filled: true, size: 40, opacity: 0.85, clip: true },
      encoding: { x: X, y: Y, fill: color },
    });
  }

  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: titleBlock(o.title, [o.subtitle ?? ""]),
    width,
    height,
    config: themeConfig(),
    layer: layers,
  } as unknown as TopLevelSpec;
  // The spec gets its own copy of the rows: Vega writes ids and computed fields into the objects it plots.
  return { spec: structuredClone(spec), data: rows };
}
