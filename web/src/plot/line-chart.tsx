/**
 * A live line chart drawn on a canvas: simulation curves solid, theory curves dashed in the same colour,
 * log or linear axes, vertical reference rules, a marked point where a run diverged, and a hover readout.
 *
 * Why canvas and not vega-embed for the live views: rebuilding and re-rendering a Vega-Lite view of a
 * 1000-point layered chart takes tens of milliseconds on this class of machine (bench/lab-longtask.mjs
 * measures it), which at 10 updates per second across five charts would block the page well past 50 ms.
 * The shared Vega-Lite specs (src/figures) are still what the figure downloads render, so a downloaded
 * figure matches the report.
 *
 * Keeping each frame short without a GPU (see layers.ts): the chart is four stacked canvases — grid and
 * axes, theory curves, simulation curves (drawn incrementally as the history grows), and a top one for
 * per-frame marks that takes the pointer — and redraws are queued one chart per frame.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { FONT, identity, Layer, underLayer, useQueuedDraw } from "./layers.js";
import { clipPlot, drawFrame, drawRules, extentOf, MARGIN, signature, thin } from "./line-frame.js";
import type { ChartSeries, LegendItem, LineChartProps } from "./line-types.js";
import { extent, formatValue, makeScale, niceDomain, type Scale, stickyDomain } from "./scale.js";
import { type Trail, TrailLayer } from "./trail-layer.js";

export type { ChartRule, ChartSeries, LegendItem, LineChartProps } from "./line-types.js";

interface Hover {
  px: number;
  py: number;
}

const noClip = () => {};

export function LineChart(props: LineChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const bgRef = useRef<HTMLCanvasElement>(null);
  const curvesRef = useRef<HTMLCanvasElement>(null);
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

  const layer = useRef(new Layer()).current;
  const trails = useRef(new TrailLayer()).current;
  const theoryTrails = useRef(new TrailLayer()).current;
  const theoryRef = useRef<HTMLCanvasElement>(null);
  const yAuto = useRef<{ logY: boolean; dom: [number, number] } | null>(null);
  const topDirty = useRef(true);
  // Hover moves a DOM rule, not the canvas: a redraw happens only when what is drawn changes.
  useQueuedDraw(signature(props, width, height), () => draw());

  /** Brings the chart's canvases up to date; false when curves are left for the next frame. */
  function draw(): boolean {
    const canvas = canvasRef.current;
    if (!canvas) return true;
    const dpr = window.devicePixelRatio || 1;
    if (canvas.width !== Math.round(width * dpr) || canvas.height !== Math.round(height * dpr)) {
      canvas.width = Math.round(width * dpr);
      canvas.height = Math.round(height * dpr);
    }
    const ctx = canvas.getContext("2d");
    if (!ctx) return true;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    // The top canvas holds only the divergence mark or a "waiting" note: touching it when it is and stays
    // blank would make the compositor copy it again for nothing.
    const marked = !!props.diverged;
    if (topDirty.current || marked) ctx.clearRect(0, 0, width, height);
    topDirty.current = marked;
    const logX = props.logX ?? false;
    const logY = props.logY ?? false;
    const plotW = width - MARGIN.left - MARGIN.right;
    const plotH = height - MARGIN.top - MARGIN.bottom;
    const drawn = props.series.map((s) => ({
      s,
      ...thin(s, logX, logY, Math.max(64, Math.floor(plotW * 1.5))),
    }));
    const xs = extentOf(drawn.map((d) => extent(d.x, logX)));
    const ys = extentOf(drawn.map((d) => extent(d.y, logY)));
    const xDom =
      props.xDomain && (!logX || props.xDomain[0] > 0) ? props.xDomain : xs ? niceDomain(xs, logX) : null;
    // The y axis changes in coarse steps as the curves grow (a change repaints every layer of the chart).
    const prevY = yAuto.current?.logY === logY ? yAuto.current.dom : null;
    const yDom =
      props.yDomain && (!logY || props.yDomain[0] > 0)
        ? props.yDomain
        : ys
          ? stickyDomain(prevY, ys, logY)
          : null;
    yAuto.current = yDom && yDom !== props.yDomain ? { logY, dom: yDom } : null;
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
      topDirty.current = true;
      layer.paint(bgRef.current, "empty", width, height, dpr, () => {});
      for (const [layerOf, ref] of [
        [theoryTrails, theoryRef],
        [trails, curvesRef],
      ] as const)
        layerOf.update(ref.current, "empty", width, height, dpr, [], () => null, noClip);
      return true;
    }
    const x = makeScale(xDom, [MARGIN.left, width - MARGIN.right], logX);
    const y = makeScale(yDom, [height - MARGIN.bottom, MARGIN.top], logY);
    scales.current = { x, y, drawn };
    // Three stacked canvases under this one: grid, axes and rules (repainted when the axes change); the
    // theory's dashed curves (fixed during a run); the simulation's curves, which only grow while a run
    // trains and are drawn incrementally.
    const frameKey = JSON.stringify([xDom, yDom, logX, logY, props.xLabel, props.yLabel, props.rules ?? []]);
    layer.paint(bgRef.current, frameKey, width, height, dpr, (c) => {
      c.font = FONT;
      drawFrame(c, x, y, xDom, yDom, width, height, props);
      clipPlot(c, plotW, plotH);
      drawRules(c, x, props.rules ?? [], logX, height);
      c.restore();
    });
    const project = (xv: number, yv: number): [number, number] | null =>
      Number.isFinite(xv) && Number.isFinite(yv) && (!logX || xv > 0) && (!logY || yv > 0)
        ? [x(xv), y(yv)]
        : null;
    const clip = (c: CanvasRenderingContext2D) => {
      c.beginPath();
      c.rect(MARGIN.left, MARGIN.top - 2, plotW, plotH + 4);
      c.clip();
    };
    const trailOf = (d: (typeof drawn)[number]): Trail => ({
      color: d.s.color,
      width: d.s.width ?? 2,
      dash: d.s.theory ? [7, 4] : undefined,
      x: d.s.x,
      y: d.s.y,
      thinned: d,
    });
    const theory = drawn.filter((d) => d.s.theory);
    const theoryKey = `${frameKey}|${theory.map((d) => `${identity(d.s.x)}:${identity(d.s.y)}`).join(",")}`;
    const theoryDone = theoryTrails.update(
      theoryRef.current,
      theoryKey,
      width,
      height,
      dpr,
      theory.map(trailOf),
      project,
      clip,
    );
    const liveDone = trails.update(
      curvesRef.current,
      frameKey,
      width,
      height,
      dpr,
      drawn.filter((d) => !d.s.theory).map(trailOf),
      project,
      clip,
    );
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
    return theoryDone && liveDone;
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
      <canvas ref={bgRef} style={underLayer(width, height)} />
      <canvas ref={theoryRef} style={underLayer(width, height)} />
      <canvas ref={curvesRef} style={underLayer(width, height)} />
      <canvas
        ref={canvasRef}
        style={{ position: "relative", width: `${width}px`, height: `${height}px` }}
        role="img"
        aria-label={props.label}
        data-testid={props.testId}
        data-rules={props.rules?.length ?? 0}
        data-theory={props.series.filter((c) => c.theory && c.x.length > 1).length}
        data-series={props.series.filter((c) => !c.theory).length}
        onPointerMove={onMove}
        onPointerDown={onMove}
        onPointerLeave={() => setHover(null)}
      />
      {hover && hover.px >= MARGIN.left && hover.px <= width - MARGIN.right && (
        <div
          class="hover-rule"
          style={{
            position: "absolute",
            pointerEvents: "none",
            left: `${Math.round(hover.px)}px`,
            top: `${MARGIN.top}px`,
            width: "1px",
            height: `${height - MARGIN.top - MARGIN.bottom}px`,
            background: "rgba(40,40,40,0.5)",
          }}
        />
      )}
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

/** A legend row for a chart: swatches for simulation (solid), theory (dashed) curves and rules (dotted). */
export function Legend(props: { items: readonly LegendItem[] }) {
  return (
    <div class="legend">
      {props.items.map((it) => (
        <span key={it.name} class="legend-item">
          <span
            class={it.rule ? "swatch dotted" : it.theory ? "swatch dashed" : "swatch"}
            style={{ borderColor: it.color }}
          />
          {it.name}
        </span>
      ))}
    </div>
  );
}
