/**
 * The margin of a 2-D classifier in input space: how far its training points lie from its decision
 * boundary (the zero contour, as polylines), signed by whether each point is on its own class's side. For
 * the two-moons studies it tells a boundary that hugs one class (small margin) from one that runs through
 * the middle of the gap; the data's own margin Δ bounds what a separating line can reach.
 */
import type { XY } from "../../figures/figure.js";

/** Distance from p to the segment a–b. */
function segmentDistance(p: XY, a: XY, b: XY): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  const s = len2 > 0 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2)) : 0;
  return Math.hypot(p.x - (a.x + s * dx), p.y - (a.y + s * dy));
}

/** Distance from p to the nearest point of the polylines (Infinity when there are none). */
export function distanceToLines(p: XY, lines: readonly (readonly XY[])[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const line of lines) {
    if (line.length === 1) best = Math.min(best, Math.hypot(p.x - line[0].x, p.y - line[0].y));
    for (let i = 1; i < line.length; i++) best = Math.min(best, segmentDistance(p, line[i - 1], line[i]));
  }
  return best;
}

/**
 * The smallest signed distance of the points (n × 2, row-major) from the boundary: each point's distance
 * to the nearest polyline, positive when y_i·f_i > 0 (classified correctly), negative otherwise. `logits`
 * are the classifier's values f at the points and `y` the ±1 labels.
 */
export function inputMargin(
  lines: readonly (readonly XY[])[],
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  logits: ArrayLike<number>,
): number {
  if (x.length !== 2 * y.length || logits.length < y.length)
    throw new Error(
      `inputMargin: give n × 2 points, n labels and n logits (got ${x.length} coordinates, ${y.length} labels, ${logits.length} logits)`,
    );
  let margin = Number.POSITIVE_INFINITY;
  for (let i = 0; i < y.length; i++) {
    const d = distanceToLines({ x: x[2 * i], y: x[2 * i + 1] }, lines);
    margin = Math.min(margin, y[i] * logits[i] > 0 ? d : -d);
  }
  return margin;
}
