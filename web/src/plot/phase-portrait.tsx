/**
 * The (a, b) phase portrait of a 2-layer net's units with the theory's regions (THEORY.md §4). Canvas,
 * like the line charts (see line-chart.tsx for why).
 */
import { useRef, useState } from "preact/hooks";
import { FONT, Layer, underLayer, useQueuedDraw } from "./layers.js";
import { phaseBackground, trajectorySignature } from "./phase-background.js";
import { axes, M, REGION_COLORS, regionOf, setupCanvas, useWidth } from "./plane-frame.js";
import { formatValue, makeScale, type Scale } from "./scale.js";
import { TrailLayer } from "./trail-layer.js";

export interface PhaseProps {
  /** trajectories[k] = points of unit k in time order: a and y·b. */
  trajectories: readonly { a: number[]; yb: number[] }[];
  /** Shade the theory's regions and draw the flow lines a² − b² = c. */
  theory: boolean;
  label: string;
}

/** Phase portrait of the units of a 2-layer net. */
export function PhasePortrait(props: PhaseProps) {
  const [wrapRef, w] = useWidth(460);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ px: number; py: number } | null>(null);
  const h = Math.min(w, 420);
  const scaleRef = useRef<{ x: Scale; y: Scale } | null>(null);

  const [zoom, setZoom] = useState<"start" | "all">("start");
  let R = 0;
  let R0 = 0;
  for (const t of props.trajectories) {
    for (let i = 0; i < t.a.length; i++) {
      if (Number.isFinite(t.a[i])) R = Math.max(R, Math.abs(t.a[i]));
      if (Number.isFinite(t.yb[i])) R = Math.max(R, Math.abs(t.yb[i]));
    }
    if (t.a.length) R0 = Math.max(R0, Math.abs(t.a[0]), Math.abs(t.yb[0]));
  }
  // Small inits decide their fate near the origin: the view stays on the start (2.5× the largest initial
  // |a|, |b|: fixed for the run, so its background and paths are not repainted as the units move) unless
  // asked for the whole run, which grows in steps of 10^0.1 (26%) and is offered once a unit leaves it.
  const start = R0 * 2.5;
  const zoomable = R0 > 0 && R > start;
  const fit = R > 0 ? 10 ** (Math.ceil(10 * Math.log10(R * 1.12)) / 10) : 1;
  R = R0 > 0 && !(zoomable && zoom === "all") ? start : fit;

  const layer = useRef(new Layer()).current;
  const trails = useRef(new TrailLayer()).current;
  const bgRef = useRef<HTMLCanvasElement>(null);
  const trailRef = useRef<HTMLCanvasElement>(null);
  const paintColors = useRef<string[] | null>(null);
  // A repaint of many paths spreads over several frames: draw() returns false until it is complete.
  useQueuedDraw(JSON.stringify([w, h, R, props.theory, trajectorySignature(props.trajectories)]), () =>
    draw(),
  );

  /** Brings the portrait's canvases up to date; false when paths are left for the next frame. */
  function draw(): boolean {
    const canvas = canvasRef.current;
    if (!canvas) return true;
    const ctx = setupCanvas(canvas, w, h);
    if (!ctx) return true;
    const dpr = window.devicePixelRatio || 1;
    const side = Math.min(w - M.left - M.right, h - M.top - M.bottom);
    const x = makeScale([-R, R], [M.left, M.left + side], false);
    const y = makeScale([-R, R], [M.top + side, M.top], false);
    scaleRef.current = { x, y };
    // The regions, flow lines, axes and frame depend only on the zoom: a canvas of their own.
    layer.paint(bgRef.current, JSON.stringify([R, props.theory]), w, h, dpr, (c) => {
      c.font = FONT;
      phaseBackground(c, x, y, R, side, props.theory);
      c.strokeStyle = "#c9ced6";
      c.strokeRect(M.left + 0.5, M.top + 0.5, side, side);
      axes(c, x, y, "a = w·x/‖x‖ (first layer)", "y·b (output weight × label)", M.left + side + M.right, h);
    });
    ctx.save();
    ctx.beginPath();
    ctx.rect(M.left, M.top, side, side);
    ctx.clip();
    // Each unit's path in the colour of where it is now. The paths only grow while the run trains, so they
    // are drawn incrementally on a layer of their own (repainted whole when a unit changes region); the
    // hollow start markers are part of that layer, the filled end markers are drawn every frame.
    const live = props.trajectories.filter((t) => t.a.length > 0);
    const colorOf = (t: { a: number[]; yb: number[] }) =>
      REGION_COLORS[regionOf(t.a[t.a.length - 1], t.yb[t.a.length - 1])];
    // A unit changing region recolours its whole path, which repaints the layer over a few frames; until
    // that repaint is complete the paths keep the colours it started with (the end markers, drawn every
    // frame, always show where each unit is now).
    const now = live.map(colorOf);
    const held = paintColors.current;
    const colors = trails.pending && held?.length === now.length ? held : now;
    paintColors.current = colors;
    const project = (a: number, b: number): [number, number] | null =>
      Number.isFinite(a) && Number.isFinite(b) ? [x(a), y(b)] : null;
    const clip = (c: CanvasRenderingContext2D) => {
      c.beginPath();
      c.rect(M.left, M.top, side, side);
      c.clip();
    };
    const done = trails.update(
      trailRef.current,
      JSON.stringify([R, side]),
      w,
      h,
      dpr,
      live.map((t, i) => ({ color: colors[i], width: 1.6, x: t.a, y: t.yb })),
      project,
      clip,
      (c) => {
        c.lineWidth = 1.6;
        for (const [i, t] of live.entries()) {
          c.strokeStyle = colors[i];
          c.beginPath();
          c.arc(x(t.a[0]), y(t.yb[0]), 2.5, 0, 2 * Math.PI);
          c.stroke();
        }
      },
    );
    const byColor = new Map<string, { a: number[]; yb: number[] }[]>();
    for (const t of live) byColor.set(colorOf(t), [...(byColor.get(colorOf(t)) ?? []), t]);
    for (const [color, list] of byColor) {
      ctx.fillStyle = color;
      ctx.beginPath();
      for (const t of list) {
        const n = t.a.length;
        ctx.moveTo(x(t.a[n - 1]) + 3.5, y(t.yb[n - 1]));
        ctx.arc(x(t.a[n - 1]), y(t.yb[n - 1]), 3.5, 0, 2 * Math.PI);
      }
      ctx.fill();
    }
    ctx.restore();
    return done;
  }

  let readout: string | null = null;
  if (hover && scaleRef.current) {
    const { x, y } = scaleRef.current;
    let best = -1;
    let bestD = 15 * 15;
    props.trajectories.forEach((t, k) => {
      const n = t.a.length;
      if (!n) return;
      const d = (x(t.a[n - 1]) - hover.px) ** 2 + (y(t.yb[n - 1]) - hover.py) ** 2;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    });
    if (best >= 0) {
      const t = props.trajectories[best];
      const n = t.a.length;
      readout = `unit ${best + 1}: a = ${formatValue(t.a[n - 1], 3)}, y·b = ${formatValue(t.yb[n - 1], 3)} · ${regionOf(t.a[n - 1], t.yb[n - 1])}`;
    }
  }
  return (
    <div class="chart" ref={wrapRef}>
      {zoomable && (
        <div class="zoom">
          <button
            type="button"
            class={zoom === "start" ? "tiny on" : "tiny"}
            onClick={() => setZoom("start")}
          >
            near the start
          </button>
          <button type="button" class={zoom === "all" ? "tiny on" : "tiny"} onClick={() => setZoom("all")}>
            whole run
          </button>
        </div>
      )}
      <canvas ref={bgRef} style={underLayer(w, h)} />
      <canvas ref={trailRef} style={underLayer(w, h)} />
      <canvas
        ref={canvasRef}
        style={{ position: "relative", width: `${w}px`, height: `${h}px` }}
        role="img"
        aria-label={props.label}
        data-testid="phase-canvas"
        data-points={props.trajectories.reduce((s, t) => s + t.a.length, 0)}
        onPointerMove={(e) => {
          const r = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
          setHover({ px: e.clientX - r.left, py: e.clientY - r.top });
        }}
        onPointerLeave={() => setHover(null)}
      />
      {readout && (
        <div
          class="readout"
          style={{ left: `${Math.min(hover!.px + 12, w - 230)}px`, top: `${Math.max(0, hover!.py - 30)}px` }}
        >
          {readout}
        </div>
      )}
    </div>
  );
}
