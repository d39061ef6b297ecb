import type { HistoryRecord } from "../../train/history.js";

/** Entry `index` of an array probe (e.g. margin[k]) over time. */
export function elementSeries(
  history: readonly HistoryRecord[],
  key: string,
  index: number,
  x: "t" | "step" = "t",
): { x: number; y: number }[] {
  const out: { x: number; y: number }[] = [];
  for (const r of history) {
    const v = r[key];
    if (Array.isArray(v) && Number.isFinite(v[index])) out.push({ x: r[x] as number, y: v[index] });
  }
  return out;
}

/**
 * The first time the series crosses `level` upwards, linearly interpolated between the two records around
 * the crossing; Infinity if it never does. (With a dense schedule the interpolation error is O(Δt).)
 */
export function firstCrossing(points: readonly { x: number; y: number }[], level: number): number {
  if (points.length === 0) return Number.POSITIVE_INFINITY;
  if (points[0].y > level) return points[0].x;
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1];
    const q = points[i];
    if (p.y <= level && q.y > level) return p.x + ((level - p.y) / (q.y - p.y)) * (q.x - p.x);
  }
  return Number.POSITIVE_INFINITY;
}
