/**
 * The fixed parts of a line chart and what a redraw depends on: margins, thinning to the pixel grid (min/max
 * per column, so spikes stay), the union of extents, the grid, ticks, axis titles and rules.
 */
import { downsampleIndices } from "../../../src/index.js";
import { identity } from "./layers.js";
import type { ChartRule, ChartSeries, LineChartProps } from "./line-types.js";
import { type Scale, tickLabel, ticks } from "./scale.js";

export const MARGIN = { left: 58, right: 14, top: 10, bottom: 40 };

/** Thinned copies of series whose arrays do not change between frames (theory curves), by y array. */
const thinCache = new WeakMap<object, { key: string; out: { x: number[]; y: number[] } }>();

/** Keeps at most ~2 points per pixel column, keeping every bucket's min and max (spikes stay visible). */
export function thin(
  s: ChartSeries,
  logX: boolean,
  logY: boolean,
  maxPoints: number,
): { x: number[]; y: number[] } {
  const key = `${logX}|${logY}|${maxPoints}|${s.x.length}`;
  const cached = typeof s.y === "object" ? thinCache.get(s.y) : undefined;
  if (cached && cached.key === key) return cached.out;
  const out = thinNow(s, logX, logY, maxPoints);
  if (s.theory) thinCache.set(s.y, { key, out });
  return out;
}

function thinNow(
  s: ChartSeries,
  logX: boolean,
  logY: boolean,
  maxPoints: number,
): { x: number[]; y: number[] } {
  const n = s.x.length;
  const keepX: number[] = [];
  const keepY: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = s.x[i];
    const y = s.y[i];
    if (!Number.isFinite(x) || !Number.isFinite(y) || (logX && x <= 0) || (logY && y <= 0)) continue;
    keepX.push(x);
    keepY.push(y);
  }
  if (keepX.length <= maxPoints) return { x: keepX, y: keepY };
  const idx = downsampleIndices(keepX, keepY, { maxPoints, logX });
  return { x: idx.map((i) => keepX[i]), y: idx.map((i) => keepY[i]) };
}

/** The union of extents. */
export function extentOf(parts: ([number, number] | null)[]): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of parts) {
    if (!p) continue;
    if (p[0] < lo) lo = p[0];
    if (p[1] > hi) hi = p[1];
  }
  return lo <= hi ? [lo, hi] : null;
}

/** What a draw depends on, cheaply: a history only grows, so its length and ends stand for its content. */
export function signature(props: LineChartProps, width: number, height: number): string {
  const parts: unknown[] = [
    width,
    height,
    window.devicePixelRatio || 1,
    props.logX ?? false,
    props.logY ?? false,
    props.xDomain ?? null,
    props.yDomain ?? null,
    props.diverged ?? null,
    props.xLabel,
    props.yLabel,
    props.rules ?? null,
  ];
  for (const s of props.series) {
    const n = s.y.length;
    parts.push(s.color, s.width ?? 2, s.theory ?? false, identity(s.y), n);
    if (n > 0) parts.push(s.x[0], s.y[0], s.x[n - 1], s.y[n - 1]);
  }
  return JSON.stringify(parts);
}

/** Clips to the plot area (call ctx.restore() after). */
export function clipPlot(ctx: CanvasRenderingContext2D, plotW: number, plotH: number): void {
  ctx.save();
  ctx.beginPath();
  ctx.rect(MARGIN.left, MARGIN.top - 2, plotW, plotH + 4);
  ctx.clip();
}

/** Grid lines, tick labels and axis titles. */
export function drawFrame(
  ctx: CanvasRenderingContext2D,
  x: Scale,
  y: Scale,
  xDom: [number, number],
  yDom: [number, number],
  width: number,
  height: number,
  props: LineChartProps,
): void {
  const plotW = width - MARGIN.left - MARGIN.right;
  ctx.strokeStyle = "#e6e8eb";
  ctx.lineWidth = 1;
  ctx.fillStyle = "#4a5160";
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const v of ticks(yDom, y.log, 4)) {
    const py = Math.round(y(v)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(MARGIN.left, py);
    ctx.lineTo(width - MARGIN.right, py);
    ctx.stroke();
    ctx.fillText(tickLabel(v, y.log), MARGIN.left - 6, py);
  }
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  const xt = ticks(xDom, x.log, Math.max(2, Math.floor(plotW / 90)));
  for (const v of xt) {
    const px = Math.round(x(v)) + 0.5;
    ctx.beginPath();
    ctx.moveTo(px, MARGIN.top);
    ctx.lineTo(px, height - MARGIN.bottom);
    ctx.stroke();
    ctx.fillText(tickLabel(v, x.log), px, height - MARGIN.bottom + 5);
  }
  ctx.fillStyle = "#2b303a";
  ctx.fillText(props.xLabel, MARGIN.left + plotW / 2, height - 16);
  ctx.save();
  ctx.translate(13, MARGIN.top + (height - MARGIN.top - MARGIN.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = "middle";
  ctx.fillText(props.yLabel, 0, 0);
  ctx.restore();
}

/** Vertical dotted rules at predicted times, labelled. */
export function drawRules(
  ctx: CanvasRenderingContext2D,
  x: Scale,
  rules: readonly ChartRule[],
  logX: boolean,
  height: number,
): void {
  for (const rule of rules) {
    if (!Number.isFinite(rule.x) || (logX && rule.x <= 0)) continue;
    const px = x(rule.x);
    ctx.strokeStyle = rule.color ?? "#555";
    ctx.setLineDash([2, 3]);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(px, MARGIN.top);
    ctx.lineTo(px, height - MARGIN.bottom);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.fillStyle = rule.color ?? "#555";
    ctx.textAlign = "left";
    ctx.textBaseline = "top";
    ctx.fillText(rule.label, px + 3, MARGIN.top + 2);
  }
}
