/**
 * Curves that only grow (a run's history, a unit's phase trajectory) drawn incrementally on a canvas of
 * their own (stacked under the chart's top canvas): each redraw strokes only the segments added since the last one, so a frame rasterizes a few
 * pixels per curve instead of a hundred whole polylines. Anything else (a new run, new axes, a resize, a
 * curve changing colour) repaints the layer from scratch. Segments join with round caps, so the layer
 * drawn piece by piece looks like the same curves drawn whole.
 */

import { resetCanvas } from "./layers.js";

/** One growing curve. */
export interface Trail {
  color: string;
  /** Line width in CSS pixels. */
  width: number;
  /** Dash pattern (theory curves); solid when absent. */
  dash?: number[];
  /** Every point so far, in time order (data space). Only grows while the layer's key stays the same. */
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** The same curve thinned to the pixel grid (spikes kept), used when the curve is drawn from its start. */
  thinned?: { x: ArrayLike<number>; y: ArrayLike<number> };
}

/** Data to CSS pixels; null for a point that is not drawn (not finite, or ≤ 0 on a log axis). */
export type Project = (x: number, y: number) => [number, number] | null;

/** Points stroked per update at most (whole curves; at least one curve): a repaint spreads over frames. */
const POINT_BUDGET = 1500;
/**
 * Curves per stroke call. One path of a hundred overlapping polylines rasterizes far slower than the
 * same polylines stroked a few at a time (measured in Chromium without GPU: 35–130 ms against 9–40 ms).
 */
const LINES_PER_STROKE = 6;

export class TrailLayer {
  private canvas: HTMLCanvasElement | null = null;
  private key = "";
  private counts: number[] = [];
  private firsts: number[] = [];
  private last: ([number, number] | null)[] = [];
  /** A repaint is under way (curves left to draw). */
  pending = false;

  /**
   * Brings `canvas` (this layer) up to date, or part of the way: returns false when curves are left to
   * draw (call again in a later frame). `key` names everything besides the curves' growth that what is
   * drawn depends on; `clip` restricts drawing (the plot area); `onDone` draws fixed extras (start
   * markers) once a repaint has drawn every curve.
   */
  update(
    canvas: HTMLCanvasElement | null,
    key: string,
    w: number,
    h: number,
    dpr: number,
    trails: readonly Trail[],
    project: Project,
    clip: (ctx: CanvasRenderingContext2D) => void,
    onDone?: (ctx: CanvasRenderingContext2D) => void,
  ): boolean {
    if (!canvas) return true;
    const full = `${w}x${h}@${dpr}|${key}|${trails.map((t) => `${t.color}/${t.width}/${t.dash ?? ""}`).join(",")}`;
    const fresh =
      canvas !== this.canvas ||
      full !== this.key ||
      trails.length !== this.counts.length ||
      trails.some((t, i) => t.x.length < this.counts[i] || (this.counts[i] > 0 && t.x[0] !== this.firsts[i]));
    const wasPending = this.counts.some((c, i) => c === 0 && (trails[i]?.x.length ?? 0) > 0);
    const ctx = fresh ? resetCanvas(canvas, w, h, dpr) : canvas.getContext("2d");
    if (!ctx) return true;
    if (fresh) {
      this.counts = trails.map(() => 0);
      this.firsts = trails.map(() => Number.NaN);
      this.last = trails.map(() => null);
    }
    this.canvas = canvas;
    this.key = full;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.save();
    clip(ctx);
    const paths = new Map<string, { t: Trail; lines: number[][] }>();
    let budget = POINT_BUDGET;
    let done = true;
    trails.forEach((t, i) => {
      const n = t.x.length;
      if (n === this.counts[i]) return;
      const whole = this.counts[i] === 0 && t.thinned ? t.thinned : t;
      const from = this.counts[i] === 0 ? 0 : this.counts[i];
      if (budget <= 0) {
        done = false;
        return;
      }
      budget -= whole.x.length - from;
      const line: number[] = [];
      const prev = this.last[i];
      if (prev) line.push(prev[0], prev[1]);
      let end = prev;
      for (let k = from; k < whole.x.length; k++) {
        const p = project(whole.x[k], whole.y[k]);
        if (!p) continue;
        line.push(p[0], p[1]);
        end = p;
      }
      this.counts[i] = n;
      this.firsts[i] = t.x[0];
      this.last[i] = end;
      if (line.length < 2) return;
      const style = `${t.color}|${t.width}|${t.dash ?? ""}`;
      const path = paths.get(style) ?? { t, lines: [] };
      path.lines.push(line);
      paths.set(style, path);
    });
    ctx.lineJoin = "round";
    for (const style of [...paths.keys()].sort()) {
      const { t, lines } = paths.get(style)!;
      ctx.strokeStyle = t.color;
      ctx.lineWidth = t.width;
      ctx.setLineDash(t.dash ?? []);
      // Round caps join the pieces of a curve drawn in successive updates; dashed curves are drawn whole.
      ctx.lineCap = t.dash ? "butt" : "round";
      for (let c = 0; c < lines.length; c += LINES_PER_STROKE) {
        ctx.beginPath();
        for (const line of lines.slice(c, c + LINES_PER_STROKE)) {
          ctx.moveTo(line[0], line[1]);
          // A single point: a dot (a zero-length segment with round caps).
          if (line.length === 2) ctx.lineTo(line[0], line[1]);
          for (let k = 2; k < line.length; k += 2) ctx.lineTo(line[k], line[k + 1]);
        }
        ctx.stroke();
      }
    }
    ctx.setLineDash([]);
    if (done && (fresh || wasPending) && onDone) onDone(ctx);
    ctx.restore();
    this.pending = !done;
    return done;
  }
}
