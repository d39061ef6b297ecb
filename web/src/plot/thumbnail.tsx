/** A small canvas of values over the input plane (a unit's output, an input feature), coloured as the boundary. */
import { useEffect, useRef } from "preact/hooks";
import { surfaceImage } from "./decision-boundary.js";

/**
 * `values` (nx × ny, first row at the bottom) scaled so the largest |value| is fully coloured: blue where a
 * unit is positive, orange where negative, white at zero (Playground's colouring of its neurons).
 */
export function Thumbnail(props: {
  values: ArrayLike<number>;
  nx: number;
  ny: number;
  size: number;
  title: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const c = ref.current;
    if (!c) return;
    let max = 0;
    for (let i = 0; i < props.values.length; i++) max = Math.max(max, Math.abs(props.values[i]));
    const scaled = Array.from(props.values, (v) => (max > 0 ? (3 * v) / max : 0));
    const img = surfaceImage(scaled, props.nx, props.ny);
    const ctx = c.getContext("2d");
    if (!ctx) return;
    ctx.imageSmoothingEnabled = true;
    ctx.clearRect(0, 0, c.width, c.height);
    ctx.drawImage(img, 0, 0, c.width, c.height);
  });
  return (
    <canvas
      ref={ref}
      width={props.size}
      height={props.size}
      class="thumb"
      title={props.title}
      data-testid="unit-thumb"
    />
  );
}
