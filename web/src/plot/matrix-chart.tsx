/**
 * A weight matrix as a grid of cells: blue for positive, orange for negative, the colour's strength
 * |w| / max|w| (one symmetric scale per matrix, so a zero weight is white whatever the others do).
 * The diagonal is outlined, since for orthogonal data unit k belongs to point k's coordinate (C2).
 */
import { useEffect, useRef } from "preact/hooks";

export interface MatrixChartProps {
  /** Row-major rows × cols values. */
  values: readonly number[];
  rows: number;
  cols: number;
  /** Accessible description. */
  label: string;
  testId?: string;
  /** Largest side in CSS pixels. */
  size?: number;
}

/** rgb of a signed value in [−1, 1]: blue (+), orange (−), white at 0. */
export function divergingColor(v: number): [number, number, number] {
  const s = Math.min(1, Math.abs(v));
  const [r, g, b] = v >= 0 ? [0, 114, 178] : [213, 94, 0];
  return [255 + (r - 255) * s, 255 + (g - 255) * s, 255 + (b - 255) * s].map(Math.round) as [
    number,
    number,
    number,
  ];
}

export function MatrixChart(props: MatrixChartProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const side = props.size ?? 220;
  const cell = Math.max(1.5, side / Math.max(props.rows, props.cols));
  const w = cell * props.cols;
  const h = cell * props.rows;
  useEffect(() => {
    const c = ref.current;
    const ctx = c?.getContext("2d");
    if (!c || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = Math.round(w * dpr);
    c.height = Math.round(h * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    let max = 0;
    for (const v of props.values) max = Math.max(max, Math.abs(v));
    for (let i = 0; i < props.rows; i++)
      for (let j = 0; j < props.cols; j++) {
        const [r, g, b] = divergingColor(max > 0 ? props.values[i * props.cols + j] / max : 0);
        ctx.fillStyle = `rgb(${r},${g},${b})`;
        ctx.fillRect(j * cell, i * cell, cell, cell);
      }
    ctx.strokeStyle = "rgba(0,0,0,0.35)";
    ctx.lineWidth = 1;
    for (let k = 0; k < Math.min(props.rows, props.cols); k++)
      ctx.strokeRect(k * cell + 0.5, k * cell + 0.5, cell - 1, cell - 1);
  });
  return (
    <canvas
      ref={ref}
      class="matrix"
      style={{ width: `${w}px`, height: `${h}px` }}
      role="img"
      aria-label={props.label}
      data-testid={props.testId}
    />
  );
}
