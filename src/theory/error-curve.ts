/**
 * Classification error over training time (THEORY.md §3; C1, P8), for independent modes with
 * `a ~ |N(0, ε²)|` (or `N(0, ε²)`), `b ~ N(0, ε²)`.
 *
 * Derivation (y = +1 w.l.o.g.). A point is wrong at t = 0 iff `b0 < 0` (probability ½). Given that,
 * `(a0, |b0|)` are i.i.d. half-normal, so the angle `θ = atan(|b0|/a0)` is uniform on `[0, π/2]` and the
 * radius is Rayleigh(ε), independent of θ. With small init the flip time depends on θ only:
 * `t* = 2 atanh(tan θ)/r` (CE), so `t* ≤ t ⇔ θ ≤ atan(tanh(rt/2)) = gd(rt)/2`, which has probability
 * `gd(rt)/π`. Hence `E(t) = ½[1 − gd(r t)/π]` → 1/4. Hinge flips twice as fast: `gd(2rt)`. A fully
 * Gaussian `a` adds the dead half (`a ≤ 0`, f = 0, counted wrong): `E = ½ + ½·E_half` → 5/8.
 * Points with different norms are independent, so for a list of norms the curve is the mean of the
 * per-norm curves; it collapses against `r t` for equal norms and is a sigmoid in `log t` for spread norms.
 *
 * @module
 */

import { flipTimeExact } from "./flip-time.js";
import type { Loss } from "./mode-dynamics.js";
import { gaussLegendre } from "./quadrature.js";
import { gd, gdInv } from "./special.js";

/** Distribution of the first-layer weight at init. */
export type AInit = "halfNormal" | "gaussian";

/** Options shared by the error-curve functions. */
export interface ErrorCurveOptions {
  /** Loss (default `"ce"`); hinge flips twice as fast. */
  loss?: Loss;
  /** `"halfNormal"` (`a ~ |N(0,ε²)|`, every unit active; default) or `"gaussian"` (half the units dead). */
  aInit?: AInit;
}

function speed(loss: Loss | undefined): number {
  return (loss ?? "ce") === "hinge" ? 2 : 1;
}

/**
 * Small-init error curve for equal input norms `r`: `E(t) = ½[1 − gd(r t)/π]` (CE, half-normal `a`),
 * `gd(2rt)` under hinge, `½ + ½·E` with Gaussian `a`. THEORY.md §3 (P8, C1). `E(∞) = 1/4` (5/8 Gaussian).
 */
export function errorCurveEqualNorm(t: number, r: number, options: ErrorCurveOptions = {}): number {
  const e = 0.5 * (1 - gd(speed(options.loss) * r * t) / Math.PI);
  return (options.aInit ?? "halfNormal") === "gaussian" ? 0.5 + 0.5 * e : e;
}

/**
 * Small-init error curve for points with norms `norms[i]` (one entry per point, or per equally weighted
 * group): the mean of the per-norm curves, `E(t) = mean_i P(t*_i > t)`. THEORY.md §3 (P8, C1, C4).
 */
export function errorCurve(t: number, norms: readonly number[], options: ErrorCurveOptions = {}): number {
  if (norms.length === 0) throw new Error("errorCurve: give at least one input norm");
  let s = 0;
  for (const r of norms) s += errorCurveEqualNorm(t, r, options);
  return s / norms.length;
}

/**
 * Time at which the equal-norm small-init curve reaches error level `level` (inverse of
 * {@link errorCurveEqualNorm}): `t = gd⁻¹(π(1 − 2E))/r` for half-normal `a`. `Infinity` at or below the
 * final error (1/4, or 5/8 with Gaussian `a`). THEORY.md §3 (P8).
 */
export function timeToErrorLevel(level: number, r: number, options: ErrorCurveOptions = {}): number {
  const e = (options.aInit ?? "halfNormal") === "gaussian" ? 2 * (level - 0.5) : level;
  if (e > 0.5) return Number.NaN;
  if (e <= 0.25) return Number.POSITIVE_INFINITY;
  return gdInv(Math.PI * (1 - 2 * e)) / (speed(options.loss) * r);
}

/** Options of {@link errorCurveFiniteInit}. */
export interface FiniteInitOptions extends ErrorCurveOptions {
  /** Init scale ε (standard deviation of `a` and `b`). */
  eps: number;
  /** Input norm `r` (all points). */
  r: number;
  /** Gauss–Legendre points over the Rayleigh radius (default 48). */
  radialPoints?: number;
}

/**
 * Error curve at a finite init scale ε, without the small-init assumption `σ(−m) ≈ 1/2`
 * (THEORY.md §3, P8, where it stops holding): `E(t) = ½[1 − (2/π)·E_R θ_c(R, t)]`, where for radius `R`
 * (Rayleigh(ε)) the wrong points with angle `θ < θ_c` have exact flip time ≤ t (flip-time.ts,
 * `flipTimeExact`, increasing in θ). Larger ε flips faster (the curve drops earlier); `E(∞)` stays 1/4.
 * Costs ~1e5 quadrature evaluations per call.
 */
export function errorCurveFiniteInit(t: number, options: FiniteInitOptions): number {
  const { eps, r } = options;
  if (!(eps > 0 && r > 0)) throw new Error(`errorCurveFiniteInit: need eps > 0 and r > 0, got ${eps}, ${r}`);
  const gl = gaussLegendre(options.radialPoints ?? 48);
  const loss = options.loss ?? "ce";
  let meanTheta = 0;
  if (t > 0) {
    for (let i = 0; i < gl.x.length; i++) {
      // u uniform in (0,1) ↦ Rayleigh radius R = ε sqrt(−2 ln(1 − u))
      const u = 0.5 * (gl.x[i] + 1);
      const R = eps * Math.sqrt(-2 * Math.log1p(-u));
      const flip = (theta: number) => flipTimeExact(R * Math.cos(theta), -R * Math.sin(theta), { r, loss });
      let lo = 0;
      let hi = Math.PI / 4;
      for (let it = 0; it < 60 && hi - lo > 1e-14; it++) {
        const mid = 0.5 * (lo + hi);
        if (flip(mid) <= t) lo = mid;
        else hi = mid;
      }
      meanTheta += 0.5 * gl.w[i] * 0.5 * (lo + hi);
    }
  }
  const e = 0.5 * (1 - (2 / Math.PI) * meanTheta);
  return (options.aInit ?? "halfNormal") === "gaussian" ? 0.5 + 0.5 * e : e;
}
