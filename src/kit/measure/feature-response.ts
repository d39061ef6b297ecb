/**
 * Reading a feature's learning off the feature-responses probe: the symmetrized response along a
 * feature and the time it first crosses a level. Shared by the claims about feature learning (C5, C7).
 */
import type { HistoryRecord } from "../../train/history.js";

/** The response along the feature, symmetrized: (f(u) − f(−u))/2 (= f(u) for a linear f). */
export function featureStrength(record: HistoryRecord, j: number): number {
  const pos = record.response;
  const neg = record.responseNeg;
  if (!Array.isArray(pos) || !Array.isArray(neg)) return Number.NaN;
  return (pos[j] - neg[j]) / 2;
}

/** First time t at which `points` crosses `level` upwards, interpolated linearly in ln y. */
export function crossingTime(points: readonly { x: number; y: number }[], level: number): number {
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a.y < level && b.y >= level) {
      if (a.y > 0 && b.y > 0) {
        const w = Math.log(level / a.y) / Math.log(b.y / a.y);
        return a.x + w * (b.x - a.x);
      }
      return a.x + ((level - a.y) / (b.y - a.y)) * (b.x - a.x);
    }
  }
  return points.length > 0 && points[0].y >= level ? points[0].x : Number.POSITIVE_INFINITY;
}
