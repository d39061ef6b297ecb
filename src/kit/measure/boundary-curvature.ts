/**
 * How far a decision boundary is from a straight line. The boundary is the zero contour of a decision
 * function (polylines from src/figures/contour.ts); only its part inside a box (the data's bounding box)
 * counts. It is resampled at equal arc-length steps, the total-least-squares line is fitted to the samples
 * (the principal axis of their covariance), and the perpendicular distances d_j to that line give:
 *
 * - `rms`: √mean(d_j²), in input units: 0 for a line; for a circular arc of radius R and half-angle α,
 *   R·√(½ + sin 2α/(4α) − (sin α/α)²) while the arc is longer than it is deep (see {@link arcDeviation});
 * - `fractionAbove`: the fraction of the boundary's length farther than δ from the line.
 *
 * Shared by the two-moons studies (starvation-moons, starvation-ablations): the measure depends only on the
 * contour, so a rotated data set (the 45° ablation) gives the same number as the unrotated one would.
 */
import type { XY } from "../../figures/figure.js";

/** An axis-aligned box. */
export interface Box {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Options of {@link boundaryDeviation}. */
export interface DeviationOptions {
  /** Only boundary inside this box counts (default: everything). */
  box?: Box;
  /** Arc-length step of the resampling (default 0.005). */
  step?: number;
  /** Distance threshold δ of `fractionAbove` (default 0.1). */
  delta?: number;
}

/** Straightness of a boundary. */
export interface BoundaryDeviation {
  /** RMS perpendicular distance from the best-fit line. */
  rms: number;
  /** Largest perpendicular distance. */
  max: number;
  /** Fraction of the (in-box) length farther than δ from the line. */
  fractionAbove: number;
  /** δ used. */
  delta: number;
  /** Length of the boundary inside the box. */
  length: number;
  /** The fitted line: a point on it and its unit direction. */
  line: { point: XY; direction: XY };
}

function inside(p: XY, box?: Box): boolean {
  return !box || (p.x >= box.xMin && p.x <= box.xMax && p.y >= box.yMin && p.y <= box.yMax);
}

/** Equal-arc-length samples of the polylines (the part inside the box). */
export function resample(lines: readonly (readonly XY[])[], step: number, box?: Box): XY[] {
  const out: XY[] = [];
  for (const line of lines) {
    let carry = 0; // distance along the current segment to the next sample
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1];
      const b = line[i];
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      let s = carry;
      while (s < len) {
        const p = { x: a.x + ((b.x - a.x) * s) / len, y: a.y + ((b.y - a.y) * s) / len };
        if (inside(p, box)) out.push(p);
        s += step;
      }
      carry = s - len;
    }
  }
  return out;
}

/** Fits the total-least-squares line to the boundary and measures the departures from it. */
export function boundaryDeviation(
  lines: readonly (readonly XY[])[],
  options: DeviationOptions = {},
): BoundaryDeviation {
  const step = options.step ?? 0.005;
  const delta = options.delta ?? 0.1;
  const pts = resample(lines, step, options.box);
  if (pts.length < 2) {
    return {
      rms: Number.NaN,
      max: Number.NaN,
      fractionAbove: Number.NaN,
      delta,
      length: pts.length * step,
      line: { point: { x: Number.NaN, y: Number.NaN }, direction: { x: Number.NaN, y: Number.NaN } },
    };
  }
  let mx = 0;
  let my = 0;
  for (const p of pts) {
    mx += p.x;
    my += p.y;
  }
  mx /= pts.length;
  my /= pts.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const p of pts) {
    const dx = p.x - mx;
    const dy = p.y - my;
    sxx += dx * dx;
    syy += dy * dy;
    sxy += dx * dy;
  }
  // Principal direction of the 2 × 2 covariance.
  const angle = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const ux = Math.cos(angle);
  const uy = Math.sin(angle);
  let sq = 0;
  let max = 0;
  let above = 0;
  for (const p of pts) {
    const dist = Math.abs(-(p.x - mx) * uy + (p.y - my) * ux);
    sq += dist * dist;
    if (dist > max) max = dist;
    if (dist > delta) above++;
  }
  return {
    rms: Math.sqrt(sq / pts.length),
    max,
    fractionAbove: above / pts.length,
    delta,
    length: pts.length * step,
    line: { point: { x: mx, y: my }, direction: { x: ux, y: uy } },
  };
}

/**
 * RMS distance of a circular arc (radius R, half-angle α ∈ (0, π]) from its best-fit line: by symmetry the
 * covariance of the arc is diagonal, with variances R²(½ + sin 2α/(4α) − (sin α/α)²) across the chord's
 * normal and R²(½ − sin 2α/(4α)) along the chord; the line runs along the larger, the distance is the smaller.
 */
export function arcDeviation(radius: number, halfAngle: number): number {
  const a = halfAngle;
  const sinc = Math.sin(a) / a;
  const across = 0.5 + Math.sin(2 * a) / (4 * a) - sinc * sinc;
  const along = 0.5 - Math.sin(2 * a) / (4 * a);
  return radius * Math.sqrt(Math.max(0, Math.min(across, along)));
}
