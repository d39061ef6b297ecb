/**
 * What the charts over a plane share: margins, the phase portrait's region colours, a width that follows
 * the card, a canvas set up for the device's pixels, and linear axes with titles.
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { FONT } from "./layers.js";
import { type Scale, tickLabel, ticks } from "./scale.js";

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

export function useWidth(max: number): [preact.RefObject<HTMLDivElement | null>, number] {
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

export function setupCanvas(
  canvas: HTMLCanvasElement,
  w: number,
  h: number,
): CanvasRenderingContext2D | null {
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

/** Ticks and axis titles of a plane chart. */
export function axes(
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
