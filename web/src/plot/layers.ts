/**
 * Keeping the page responsive while charts redraw (the "main thread never blocked > 50 ms").
 *
 * Without a GPU the browser rasterizes canvas drawing itself when it composites the next frame, so the
 * cost of a frame is the sum over every canvas redrawn since the last one: a hundred per-mode margins, a
 * hundred dashed theory curves and a hundred phase-portrait trajectories rasterized in one frame took
 * 60–135 ms (bench/lab-longtask.mjs). Two remedies live here:
 *
 * - {@link scheduleDraw}: chart redraws queue up and run one per animation frame, each in a task of its
 *   own right after a frame, so each frame rasterizes one chart. A chart queued again before its turn
 *   keeps its place and draws only its latest state (the queue never grows beyond the number of charts).
 * - Stacked canvases: what does not change while a run trains (grid, axes, theory curves, the phase
 *   portrait's regions and flow lines) sits on a canvas of its own ({@link Layer}), repainted only when
 *   its key changes; the growing curves on another ({@link TrailLayer}, drawn incrementally); per-frame
 *   marks on the top one. The compositor stacks them: nothing is copied between canvases.
 */
import { useEffect, useRef } from "preact/hooks";

const queue = new Map<object, () => void>();
let armed = false;

function arm(): void {
  if (armed || queue.size === 0) return;
  armed = true;
  requestAnimationFrame(() => {
    // Draw after the frame rather than inside it: the frame's own work (style, layout, compositing the
    // previous chart) and this chart's drawing then land in separate tasks.
    setTimeout(() => {
      armed = false;
      const next = queue.entries().next();
      if (!next.done) {
        const [owner, draw] = next.value;
        queue.delete(owner);
        draw();
      }
      arm();
    }, 0);
  });
}

/** The font of every chart's text (ticks, titles, labels). */
export const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/**
 * Redraws a chart when `sig` (what it draws) changes, through the shared frame queue. `draw` returns false
 * when it left work for the next frame (a repaint of many curves spreads over several frames).
 */
export function useQueuedDraw(sig: string, draw: () => boolean): void {
  const owner = useRef({}).current;
  const lastDrawn = useRef("");
  useEffect(() => () => cancelDraw(owner), [owner]);
  useEffect(() => {
    if (sig === lastDrawn.current) return;
    const run = () => {
      if (draw()) lastDrawn.current = sig;
      else scheduleDraw(owner, run);
    };
    scheduleDraw(owner, run);
  });
}

/** Queues `draw` for `owner` (a chart instance); replaces a draw of the same owner still waiting. */
export function scheduleDraw(owner: object, draw: () => void): void {
  queue.set(owner, draw);
  arm();
}

/** Drops the waiting draw of `owner` (on unmount). */
export function cancelDraw(owner: object): void {
  queue.delete(owner);
}

/** Small stable ids for arrays whose identity marks their content (theory curves are computed once). */
const ids = new WeakMap<object, number>();
let nextId = 1;

/** An id for an object, the same as long as the object lives; 0 for non-objects. */
export function identity(o: unknown): number {
  if (typeof o !== "object" || o === null) return 0;
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id;
}

/** A canvas (one of a chart's stacked layers) repainted only when its key changes. */
export class Layer {
  private key = "";

  /** Repaints `canvas` (CSS size w × h at ratio dpr) with `paint`, in CSS pixels, when the key is new. */
  paint(
    canvas: HTMLCanvasElement | null,
    key: string,
    w: number,
    h: number,
    dpr: number,
    paint: (ctx: CanvasRenderingContext2D) => void,
  ): void {
    const full = `${w}x${h}@${dpr}|${key}`;
    if (!canvas || this.key === full) return;
    const ctx = resetCanvas(canvas, w, h, dpr);
    if (!ctx) return;
    paint(ctx);
    this.key = full;
  }
}

/**
 * Sizes a canvas to w × h CSS pixels at ratio dpr and clears it, with the transform set to CSS pixels.
 * Only a change of size reallocates the canvas (reallocating costs the compositor a new shared bitmap).
 */
export function resetCanvas(
  canvas: HTMLCanvasElement,
  w: number,
  h: number,
  dpr: number,
): CanvasRenderingContext2D | null {
  const cw = Math.round(w * dpr);
  const ch = Math.round(h * dpr);
  if (canvas.width !== cw) canvas.width = cw;
  if (canvas.height !== ch) canvas.height = ch;
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, cw, ch);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  return ctx;
}

/** Style of a canvas stacked under a chart's top canvas (which takes the pointer). */
export function underLayer(w: number, h: number): Record<string, string> {
  return {
    position: "absolute",
    left: "0",
    top: "0",
    width: `${w}px`,
    height: `${h}px`,
    pointerEvents: "none",
  };
}
