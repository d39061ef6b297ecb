/**
 * Least-squares straight-line fit, in the coordinates of the axes (log10 on log axes), so that a fit on a
 * log–log scaling plot gives the exponent of a power law.
 */
import type { ScaleKind, XY } from "./figure.js";

/** A fitted line `Y = slope · X + intercept`, where X, Y are x, y or their log10 on log axes. */
export interface LineFit {
  /** Slope in axis coordinates (the power-law exponent on log–log axes). */
  slope: number;
  /** Intercept in axis coordinates (log10 of the prefactor on a log y axis). */
  intercept: number;
  /** Coefficient of determination R² of the fit in axis coordinates. */
  r2: number;
  /** Number of points used (non-finite points and non-positive ones on log axes are skipped). */
  n: number;
}

/** Fit a line to points in axis coordinates. Throws when fewer than two distinct x remain. */
export function fitLine(
  points: readonly XY[],
  xScale: ScaleKind = "linear",
  yScale: ScaleKind = "linear",
): LineFit {
  const X: number[] = [];
  const Y: number[] = [];
  for (const p of points) {
    const okX = Number.isFinite(p.x) && (xScale === "linear" || p.x > 0);
    const okY = Number.isFinite(p.y) && (yScale === "linear" || p.y > 0);
    if (!okX || !okY) continue;
    X.push(xScale === "log" ? Math.log10(p.x) : p.x);
    Y.push(yScale === "log" ? Math.log10(p.y) : p.y);
  }
  const n = X.length;
  const mx = X.reduce((a, b) => a + b, 0) / n;
  const my = Y.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (X[i] - mx) ** 2;
    sxy += (X[i] - mx) * (Y[i] - my);
    syy += (Y[i] - my) ** 2;
  }
  if (n < 2 || !(sxx > 0)) {
    throw new Error(`fitLine: need at least two points with distinct x on the axes' scales, got ${n}`);
  }
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy > 0 ? (sxy * sxy) / (sxx * syy) : 1;
  return { slope, intercept, r2, n };
}
