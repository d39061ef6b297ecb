/**
 * The two charts over a plane: the (a, b) phase portrait of a 2-layer net's units with the theory's
 * regions (THEORY.md §4), and the decision function over the input plane for 2-D data. Canvas, like the
 * line charts (see line-chart.tsx for why).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { cancelDraw, identity, Layer, scheduleDraw, underLayer } from "./layers.js";
import { phaseBackground, trajectorySignature } from "./phase-background.js";
import { formatValue, makeScale, type Scale, tickLabel, ticks } from "./scale.js";
import { TrailLayer } from "./trail-layer.js";

const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
export const M = { left: 48, right: 12, top: 10, bottom: 40 };

/** Outcome colours shared with src/figures/theme.ts OUTCOME_COLORS. */
export const REGION_COLORS = {
  learned: "#009E73",
  recovers: "#0072B2",
  failed: "#D55E00",
  dead: "#7f7f7f",
} as const;
export type Region = keyof typeof REGION_COLORS;

/** Where a unit is, per THEORY.md §4 (y = +1 frame: b already multiplied by the label). */
export function regionOf(a: number, yb: number): Region {
  if (a <= 0) return "dead";
  if (yb > 0) return "learned";
  if (yb > -a) return "recovers";
  return "failed";
}

function useWidth(max: number): [preact.RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement>(null);
  const [w, setW] = useState(360);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => setW(Math.max(220, Math.min(max, Math.floor(el.clientWidth))));
    const ro = new ResizeObserver(update);
    ro.observe(el);
    update();
    return () => ro.disconnect();
  }, [max]);
  return [ref, w];
}

function setupCanvas(canvas: HTMLCanvasElement, w: number, h: number): CanvasRenderingContext2D | null {
  const dpr = window.devicePixelRatio || 1;
  if (canvas.width !== Math.round(w * dpr)) canvas.width = Math.round(w * dpr);
  if (canvas.height !== Math.round(h * dpr)) canvas.height = Math.round(h * dpr);
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
  ctx.font = FONT;
  return ctx;
}

function axes(
  ctx: CanvasRenderingContext2D,
  x: Scale,
  y: Scale,
  xLabel: string,
  yLabel: string,
  w: number,
  h: number,
) {
  ctx.fillStyle = "#4a5160";
  ctx.strokeStyle = "rgba(0,0,0,0.08)";
  ctx.textAlign = "center";
  ctx.textBaseline = "top";
  for (const v of ticks(x.domain, false, Math.max(2, Math.floor(w / 90)))) {
    ctx.fillText(tickLabel(v, false), x(v), h - M.bottom + 5);
  }
  ctx.textAlign = "right";
  ctx.textBaseline = "middle";
  for (const v of ticks(y.domain, false, 4)) ctx.fillText(tickLabel(v, false), M.left - 6, y(v));
  ctx.fillStyle = "#2b303a";
  ctx.textAlign = "center";
  ctx.textBaseline = "alphabetic";
  ctx.fillText(xLabel, (M.left + w - M.right) / 2, h - 8);
  ctx.save();
  ctx.translate(13, (M.top + h - M.bottom) / 2);
  ctx.rotate(-Math.PI / 2);
  ctx.textBaseline = "middle";
  ctx.fillText(yLabel, 0, 0);
  ctx.restore();
}

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

  const owner = useRef({}).current;
  const layer = useRef(new Layer()).current;
  const trails = useRef(new TrailLayer()).current;
  const bgRef = useRef<HTMLCanvasElement>(null);
  const trailRef = useRef<HTMLCanvasElement>(null);
  const paintColors = useRef<string[] | null>(null);
  const lastDrawn = useRef("");
  useEffect(() => () => cancelDraw(owner), [owner]);
  useEffect(() => {
    const sig = JSON.stringify([w, h, R, props.theory, trajectorySignature(props.trajectories)]);
    if (sig === lastDrawn.current) return;
    // A repaint of many paths spreads over several frames: draw() returns false until it is complete.
    const run = () => {
      if (draw()) lastDrawn.current = sig;
      else scheduleDraw(owner, run);
    };
    scheduleDraw(owner, run);
  });

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

export interface BoundaryProps {
  grid: { x: number[]; y: number[]; values: number[] } | null;
  points: { x: number[]; y: number[] };
  labels: readonly number[];
  label: string;
}

/**
 * A grid of values (row-major, first row at the bottom) as a small canvas coloured by boundaryColor, to be
 * drawn scaled and smoothed over a plot area (decision functions, discriminator surfaces).
 */
export function surfaceImage(values: ArrayLike<number>, nx: number, ny: number): HTMLCanvasElement {
  const img = new ImageData(nx, ny);
  for (let j = 0; j < ny; j++) {
    for (let i = 0; i < nx; i++) {
      const [r, g, b] = boundaryColor(values[j * nx + i]);
      const o = ((ny - 1 - j) * nx + i) * 4;
      img.data[o] = r;
      img.data[o + 1] = g;
      img.data[o + 2] = b;
      img.data[o + 3] = 255;
    }
  }
  const off = document.createElement("canvas");
  off.width = nx;
  off.height = ny;
  off.getContext("2d")?.putImageData(img, 0, 0);
  return off;
}

/** Blue for class +1, orange for −1, white at the boundary (σ(f) = ½), as in TensorFlow Playground. */
export function boundaryColor(f: number): [number, number, number] {
  const p = 1 / (1 + Math.exp(-f));
  const t = Math.min(1, Math.abs(2 * p - 1));
  const [r, g, b] = p >= 0.5 ? [0, 114, 178] : [230, 122, 0];
  return [
    Math.round(255 + (r - 255) * t * 0.75),
    Math.round(255 + (g - 255) * t * 0.75),
    Math.round(255 + (b - 255) * t * 0.75),
  ];
}

/** Decision function over the input plane with the training points on top. */
export function DecisionBoundary(props: BoundaryProps) {
  const [wrapRef, w] = useWidth(460);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const h = Math.min(w, 420);
  const [hover, setHover] = useState<{ px: number; py: number } | null>(null);
  const scaleRef = useRef<{ x: Scale; y: Scale } | null>(null);

  const owner = useRef({}).current;
  const lastDrawn = useRef("");
  useEffect(() => () => cancelDraw(owner), [owner]);
  useEffect(() => {
    if (!props.grid) return;
    const sig = JSON.stringify([w, h, identity(props.grid), identity(props.points), identity(props.labels)]);
    if (sig === lastDrawn.current) return;
    scheduleDraw(owner, () => {
      draw();
      lastDrawn.current = sig;
    });
  });

  function draw(): void {
    const canvas = canvasRef.current;
    if (!canvas || !props.grid) return;
    const ctx = setupCanvas(canvas, w, h);
    if (!ctx) return;
    const { grid } = props;
    const nx = grid.x.length;
    const ny = grid.y.length;
    const dx = grid.x[1] - grid.x[0];
    const dy = grid.y[1] - grid.y[0];
    const xd: [number, number] = [grid.x[0] - dx / 2, grid.x[nx - 1] + dx / 2];
    const yd: [number, number] = [grid.y[0] - dy / 2, grid.y[ny - 1] + dy / 2];
    const side = Math.min(w - M.left - M.right, h - M.top - M.bottom);
    const aspect = (xd[1] - xd[0]) / (yd[1] - yd[0]);
    const pw = aspect >= 1 ? side : side * aspect;
    const ph = aspect >= 1 ? side / aspect : side;
    const x = makeScale(xd, [M.left, M.left + pw], false);
    const y = makeScale(yd, [M.top + ph, M.top], false);
    scaleRef.current = { x, y };
    const off = surfaceImage(grid.values, nx, ny);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(off, M.left, M.top, pw, ph);
    const { points, labels } = props;
    for (let i = 0; i < points.x.length; i++) {
      ctx.beginPath();
      ctx.arc(x(points.x[i]), y(points.y[i]), 3.2, 0, 2 * Math.PI);
      ctx.fillStyle = labels[i] > 0 ? "#0072B2" : "#E67A00";
      ctx.fill();
      ctx.strokeStyle = "white";
      ctx.lineWidth = 1;
      ctx.stroke();
    }
    ctx.strokeStyle = "#c9ced6";
    ctx.strokeRect(M.left + 0.5, M.top + 0.5, pw, ph);
    axes(ctx, x, y, "x₁", "x₂", M.left + pw + M.right, M.top + ph + M.bottom);
  }

  let readout: string | null = null;
  if (hover && scaleRef.current && props.grid) {
    const { x, y } = scaleRef.current;
    const gx = x.invert(hover.px);
    const gy = y.invert(hover.py);
    const g = props.grid;
    const i = Math.round((gx - g.x[0]) / (g.x[1] - g.x[0]));
    const j = Math.round((gy - g.y[0]) / (g.y[1] - g.y[0]));
    if (i >= 0 && j >= 0 && i < g.x.length && j < g.y.length) {
      const f = g.values[j * g.x.length + i];
      readout = `x = (${formatValue(gx, 3)}, ${formatValue(gy, 3)}) · f = ${formatValue(f, 3)} · P(+1) = ${formatValue(1 / (1 + Math.exp(-f)), 3)}`;
    }
  }
  return (
    <div class="chart" ref={wrapRef}>
      {props.grid ? (
        <canvas
          ref={canvasRef}
          style={{ width: `${w}px`, height: `${h}px` }}
          role="img"
          aria-label={props.label}
          data-testid="boundary-canvas"
          onPointerMove={(e) => {
            const r = (e.currentTarget as HTMLCanvasElement).getBoundingClientRect();
            setHover({ px: e.clientX - r.left, py: e.clientY - r.top });
          }}
          onPointerLeave={() => setHover(null)}
        />
      ) : (
        <p class="muted">waiting for the model…</p>
      )}
      {readout && (
        <div
          class="readout"
          style={{ left: `${Math.min(hover!.px + 12, w - 260)}px`, top: `${Math.max(0, hover!.py - 30)}px` }}
        >
          {readout}
        </div>
      )}
    </div>
  );
}
