/**
 * The decision function over the input plane for 2-D data, with the training points on top. Canvas, like
 * the line charts (see line-chart.tsx for why).
 */
import { useRef, useState } from "preact/hooks";
import { identity, useQueuedDraw } from "./layers.js";
import { axes, M, setupCanvas, useWidth } from "./plane-frame.js";
import { formatValue, makeScale, type Scale } from "./scale.js";

export interface BoundaryProps {
  grid: { x: number[]; y: number[]; values: number[] } | null;
  points: { x: number[]; y: number[] };
  labels: readonly number[];
  /** Test points to draw hollow over the training points, or null. */
  test?: { x: number[]; y: number[]; labels: number[] } | null;
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

  useQueuedDraw(
    props.grid
      ? JSON.stringify([
          w,
          h,
          identity(props.grid),
          identity(props.points),
          identity(props.labels),
          identity(props.test),
        ])
      : "",
    () => {
      draw();
      return true;
    },
  );

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
    const test = props.test;
    for (let i = 0; i < (test?.x.length ?? 0); i++) {
      ctx.beginPath();
      ctx.arc(x(test!.x[i]), y(test!.y[i]), 3.4, 0, 2 * Math.PI);
      ctx.strokeStyle = test!.labels[i] > 0 ? "#0072B2" : "#E67A00";
      ctx.lineWidth = 1.6;
      ctx.stroke();
      ctx.strokeStyle = "#222";
      ctx.lineWidth = 0.5;
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
          data-test-points={props.test?.x.length ?? 0}
          data-step={(props.grid as { step?: number }).step ?? ""}
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
