/**
 * Least-squares straight lines, and power laws as lines on log–log axes. One core (`leastSquares`) serves
 * every fit, so a slope is the same sum in the same order wherever it is taken.
 */
import { studentTQuantile } from "./student-t.js";

/** A point of a fit. */
export interface FitPoint {
  x: number;
  y: number;
}

/** How a coordinate enters a fit: as it is, or as its log10 (log axes). */
export type FitScale = "linear" | "log";

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

/** A least-squares line through (X[i], Y[i]) with the sums it came from. */
interface LeastSquares extends LineFit {
  /** Σ (X − mean X)². */
  sxx: number;
}

/** The least-squares line through (X[i], Y[i]), without checks (degenerate input gives NaN or ±Infinity). */
function leastSquares(X: readonly number[], Y: readonly number[]): LeastSquares {
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
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  const r2 = syy > 0 ? (sxy * sxy) / (sxx * syy) : 1;
  return { slope, intercept, r2, n, sxx };
}

/** The points' coordinates on the axes' scales, skipping those a scale cannot show. */
function axisCoordinates(
  points: readonly FitPoint[],
  xScale: FitScale,
  yScale: FitScale,
): { X: number[]; Y: number[] } {
  const X: number[] = [];
  const Y: number[] = [];
  for (const p of points) {
    const okX = Number.isFinite(p.x) && (xScale === "linear" || p.x > 0);
    const okY = Number.isFinite(p.y) && (yScale === "linear" || p.y > 0);
    if (!okX || !okY) continue;
    X.push(xScale === "log" ? Math.log10(p.x) : p.x);
    Y.push(yScale === "log" ? Math.log10(p.y) : p.y);
  }
  return { X, Y };
}

/**
 * Fit a line to points in axis coordinates (log10 on log axes, so that a fit on a log–log scaling plot
 * gives the exponent of a power law). Throws when fewer than two distinct x remain.
 */
export function fitLine(
  points: readonly FitPoint[],
  xScale: FitScale = "linear",
  yScale: FitScale = "linear",
): LineFit {
  const { X, Y } = axisCoordinates(points, xScale, yScale);
  const fit = leastSquares(X, Y);
  if (X.length < 2 || !(fit.sxx > 0)) {
    throw new Error(`fitLine: need at least two points with distinct x on the axes' scales, got ${X.length}`);
  }
  const { slope, intercept, r2, n } = fit;
  return { slope, intercept, r2, n };
}

/**
 * Least-squares slope of ln y against ln x, over all points as given (no filtering: a NaN or a
 * non-positive value makes the slope NaN, which a check then reports). The natural log, not log10, keeps
 * the claims' measured slopes bit for bit what they were.
 */
export function logLogSlope(x: readonly number[], y: readonly number[]): number {
  return leastSquares(x.map(Math.log), y.map(Math.log)).slope;
}

/** A fitted power law with its 95% confidence interval. */
export interface SlopeFit {
  /** Exponent: slope of log10 y on log10 x. */
  slope: number;
  /** Half-width of the 95% confidence interval of the slope (Student t with n − 2 degrees of freedom). */
  ci95: number;
  /** Coefficient of determination R² in log–log coordinates. */
  r2: number;
  /** Number of points used. */
  n: number;
}

/**
 * Least-squares power law y ∝ x^slope over the finite positive points, with the 95% confidence interval of
 * the slope. Null when fewer than three points or fewer than two distinct x remain.
 */
export function fitPowerLaw(points: readonly FitPoint[]): SlopeFit | null {
  const { X, Y } = axisCoordinates(points, "log", "log");
  if (X.length < 3 || new Set(X).size < 2) return null;
  const fit = leastSquares(X, Y);
  let sse = 0;
  for (let i = 0; i < X.length; i++) sse += (Y[i] - (fit.slope * X[i] + fit.intercept)) ** 2;
  const nu = X.length - 2;
  const se = Math.sqrt(sse / nu / fit.sxx);
  return { slope: fit.slope, ci95: studentTQuantile(0.975, nu) * se, r2: fit.r2, n: X.length };
}
