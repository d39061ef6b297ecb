/**
 * A live line chart drawn on a canvas: simulation curves solid, theory curves dashed in the same colour,
 * log or linear axes, vertical reference rules, a marked point where a run diverged, and a hover readout.
 *
 * Why canvas and not vega-embed for the live views: rebuilding and re-rendering a Vega-Lite view of a
 * 1000-point layered chart takes tens of milliseconds on this class of machine (bench/lab-longtask.mjs
 * measures it), which at 10 updates per second across five charts would block the page well past 50 ms.
 * Drawing the same downsampled polylines on a canvas takes about a millisecond. The shared Vega-Lite specs
 * (src/figures) are still what the figure downloads render, so a downloaded figure matches the report.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { downsampleIndices } from "../../../src/figures/downsample.js";
import { extent, formatValue, makeScale, niceDomain, type Scale, tickLabel, ticks } from "./scale.js";

/** One curve. */
export interface ChartSeries {
  name: string;
  color: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Theory curves are dashed and listed as such in the readout. */
  theory?: boolean;
  /** Line width in CSS pixels (default 2). */
  width?: number;
  /** Leave out of the hover readout (many-curve views). */
  quiet?: boolean;
}

/** A vertical line at x (a predicted time) with a short label. */
export interface ChartRule {
  x: number;
  label: string;
  color?: string;
}

export interface LineChartProps {
  series: readonly ChartSeries[];
  xLabel: string;
  yLabel: string;
  logX?: boolean;
  logY?: boolean;
  rules?: readonly ChartRule[];
  /** Fixed y domain (e.g. [0, 1] for an error). */
  yDomain?: [number, number];
  /** Fixed x domain (e.g. the run's whole time span). */
  xDomain?: [number, number];
  /** Where the run diverged: a marker and a label. */
  diverged?: { x: number; label: string } | null;
  /** Canvas height in CSS pixels. */
  height?: number;
  /** Accessible description. */
  label: string;
  /** Test hook: data-testid of the canvas. */
  testId?: string;
}

const MARGIN = { left: 58, right: 14, top: 10, bottom: 40 };
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

interface Hover {
  px: number;
  py: number;
}

/** Thinned copies of series whose arrays do not change between frames (theory curves), by y array. */
const thinCache = new WeakMap<object, { key: string; out: { x: number[]; y: number[] } }>();

/** Keeps at most ~2 points per pixel column, keeping every bucket's min and max (spikes stay visible). */
function thin(s: ChartSeries, logX: boolean, logY: boolean, maxPoints: number): { x: number[]; y: number[] } {
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
function extentOf(parts: ([number, number] | null)[]): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of parts) {
    if (!p) continue;
    if (p[0] < lo) lo = p[0];
    if (p[1] > hi) hi = p[1];
  }
  return lo <= hi ? [lo, hi] : null;
}

export function LineChart(props: LineChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(480);
  const [hover, setHover] = useState<Hover | null>(null);
  const scales = useRef<{ x: Scale; y: Scale; drawn: { s: ChartSeries; x: number[]; y: number[] }[] } | null>(
    null,
  );
  const height = props.height ?? 230;

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(200, Math.floor(el.clientWidth))));
    ro.observe(el);
    setWidth(Math.max(200, Math.floor(el.clientWidth)));
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    // Each chart draws in a task of its own, so one frame of five charts never blocks the page long.
    const id = setTimeout(draw, 0);
    return () => clearTimeout(id);
  });

  function draw(): void {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const logX = props.logX ?? false;
    const logY = props.logY ?? false;
    const plotW = width - MARGIN.left - MARGIN.right;
    const drawn = props.series.map((s) => ({
      s,
      ...thin(s, logX, logY, Math.max(64, Math.floor(plotW * 1.5))),
    }));
    const xs = extentOf(drawn.map((d) => extent(d.x, logX)));
    const ys = extentOf(drawn.map((d) => extent(d.y, logY)));
    const xDom =
      props.xDomain && (!logX || props.xDomain[0] > 0) ? props.xDomain : xs ? niceDomain(xs, logX) : null;
    const yDom =
      props.yDomain && (!logY || props.yDomain[0] > 0) ? props.yDomain : ys ? niceDomain(ys, logY) : null;
    ctx.font = FONT;
    if (!xDom || !yDom) {
      ctx.fillStyle = "#777";
      ctx.textAlign = "center";
      ctx.fillText(
        logX || logY ? "no positive values to show on a log axis yet" : "waiting for data…",
        width / 2,
        height / 2,
      );
      scales.current = null;
      return;
    }
    const x = makeScale(xDom, [MARGIN.left, width - MARGIN.right], logX);
    const y = makeScale(yDom, [height - MARGIN.bottom, MARGIN.top], logY);
    scales.current = { x, y, drawn };
    // Grid and axes.
    ctx.strokeStyle = "#e6e8eb";
    ctx.lineWidth = 1;
    ctx.fillStyle = "#4a5160";
    ctx.textAlign = "right";
    ctx.textBaseline = "middle";
    for (const v of ticks(yDom, logY, 4)) {
      const py = Math.round(y(v)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(MARGIN.left, py);
      ctx.lineTo(width - MARGIN.right, py);
      ctx.stroke();
      ctx.fillText(tickLabel(v, logY), MARGIN.left - 6, py);
    }
    ctx.textAlign = "center";
    ctx.textBaseline = "top";
    const xt = ticks(xDom, logX, Math.max(2, Math.floor(plotW / 90)));
    for (const v of xt) {
      const px = Math.round(x(v)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(px, MARGIN.top);
      ctx.lineTo(px, height - MARGIN.bottom);
      ctx.stroke();
      ctx.fillText(tickLabel(v, logX), px, height - MARGIN.bottom + 5);
    }
    ctx.fillStyle = "#2b303a";
    ctx.fillText(props.xLabel, MARGIN.left + plotW / 2, height - 16);
    ctx.save();
    ctx.translate(13, MARGIN.top + (height - MARGIN.top - MARGIN.bottom) / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textBaseline = "middle";
    ctx.fillText(props.yLabel, 0, 0);
    ctx.restore();
    // Clip to the plot area.
    ctx.save();
    ctx.beginPath();
    ctx.rect(MARGIN.left, MARGIN.top - 2, plotW, height - MARGIN.top - MARGIN.bottom + 4);
    ctx.clip();
    for (const rule of props.rules ?? []) {
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
    // Theory first (underneath), then simulation; curves of one colour and style share one path (a
    // hundred per-mode curves cost a dozen strokes, not two hundred).
    const groups = new Map<string, typeof drawn>();
    for (const d of drawn) {
      if (d.x.length === 0) continue;
      const key = `${d.s.theory ? 1 : 2}|${d.s.color}|${d.s.width ?? 2}`;
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    for (const key of [...groups.keys()].sort()) {
      const list = groups.get(key)!;
      const { s: first } = list[0];
      ctx.strokeStyle = first.color;
      ctx.lineWidth = first.width ?? 2;
      ctx.setLineDash(first.theory ? [7, 4] : []);
      ctx.lineJoin = "round";
      ctx.beginPath();
      for (const d of list) {
        for (let i = 0; i < d.x.length; i++) {
          const px = x(d.x[i]);
          const py = y(d.y[i]);
          if (i === 0) ctx.moveTo(px, py);
          else ctx.lineTo(px, py);
        }
        if (d.x.length === 1) ctx.arc(x(d.x[0]), y(d.y[0]), 1.5, 0, 2 * Math.PI);
      }
      ctx.stroke();
    }
    ctx.setLineDash([]);
    ctx.restore();
    if (props.diverged && Number.isFinite(props.diverged.x) && (!logX || props.diverged.x > 0)) {
      const px = Math.min(Math.max(x(props.diverged.x), MARGIN.left), width - MARGIN.right);
      ctx.fillStyle = "rgba(204, 30, 60, 0.12)";
      ctx.fillRect(px, MARGIN.top, width - MARGIN.right - px + 1, height - MARGIN.top - MARGIN.bottom);
      ctx.strokeStyle = "#c41e3a";
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.moveTo(px, MARGIN.top);
      ctx.lineTo(px, height - MARGIN.bottom);
      ctx.stroke();
      ctx.fillStyle = "#c41e3a";
      ctx.font = `bold ${FONT}`;
      ctx.textAlign = px > width / 2 ? "right" : "left";
      ctx.textBaseline = "top";
      ctx.fillText(props.diverged.label, px + (px > width / 2 ? -6 : 6), MARGIN.top + 4);
      ctx.font = FONT;
    }
    if (hover && hover.px >= MARGIN.left && hover.px <= width - MARGIN.right) {
      ctx.strokeStyle = "rgba(40,40,40,0.5)";
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(hover.px + 0.5, MARGIN.top);
      ctx.lineTo(hover.px + 0.5, height - MARGIN.bottom);
      ctx.stroke();
    }
  }

  const readout = (() => {
    if (!hover || !scales.current) return null;
    const { x, y, drawn } = scales.current;
    const xv = x.invert(hover.px);
    const rows: { name: string; color: string; v: number; theory: boolean; py: number }[] = [];
    for (const d of drawn) {
      if (d.s.quiet || d.x.length === 0) continue;
      // Nearest point in x (arrays are in time order).
      let lo = 0;
      let hi = d.x.length - 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (d.x[mid] < xv) lo = mid;
        else hi = mid;
      }
      const i = Math.abs(x(d.x[lo]) - hover.px) <= Math.abs(x(d.x[hi]) - hover.px) ? lo : hi;
      if (Math.abs(x(d.x[i]) - hover.px) > 40) continue;
      rows.push({ name: d.s.name, color: d.s.color, v: d.y[i], theory: d.s.theory ?? false, py: y(d.y[i]) });
    }
    return { xv, rows: rows.slice(0, 8) };
  })();

  const onMove = (e: PointerEvent) => {
    const rect = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
    setHover({ px: e.clientX - rect.left, py: e.clientY - rect.top });
  };

  return (
    <div class="chart" ref={wrapRef}>
      <canvas
        ref={canvasRef}
        style={{ width: `${width}px`, height: `${height}px` }}
        role="img"
        aria-label={props.label}
        data-testid={props.testId}
        onPointerMove={onMove}
        onPointerDown={onMove}
        onPointerLeave={() => setHover(null)}
      />
      {readout && readout.rows.length > 0 && (
        <div
          class="readout"
          style={{
            left: `${Math.min(hover!.px + 12, width - 190)}px`,
            top: `${Math.max(0, Math.min(hover!.py - 20, height - 40 - readout.rows.length * 18))}px`,
          }}
        >
          <div class="readout-x">
            {props.xLabel.split(" ")[0]} = {formatValue(readout.xv, 3)}
          </div>
          {readout.rows.map((r) => (
            <div key={r.name}>
              <span class={r.theory ? "swatch dashed" : "swatch"} style={{ borderColor: r.color }} />
              {r.name}: <b>{formatValue(r.v)}</b>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

/** A legend row for a chart: swatches for simulation (solid) and theory (dashed) curves. */
export function Legend(props: { items: readonly { name: string; color: string; theory?: boolean }[] }) {
  return (
    <div class="legend">
      {props.items.map((it) => (
        <span key={it.name} class="legend-item">
          <span class={it.theory ? "swatch dashed" : "swatch"} style={{ borderColor: it.color }} />
          {it.name}
        </span>
      ))}
    </div>
  );
}
