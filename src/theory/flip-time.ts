/**
 * Flip time of a wrongly classified point (THEORY.md §3 and §6; P3, P4, C4, C6): a mode starting with the
 * wrong sign (`y·b0 < 0`) and an active unit (`a0 > 0`) flips to the right sign at `t*` if `a0 > |b0|`.
 *
 * Derivation. In rotated coordinates (mode-dynamics.ts) `a + y b = (a0 + y b0) e^{τ}` and
 * `a − y b = (a0 − y b0) e^{−τ}` with `τ = ∫ c dt`, so `b = 0` exactly at `τ* = atanh(|b0|/a0)`,
 * whatever the loss. Time follows from `dt = dτ / c(m(τ))`:
 * - hinge, `c = r` while `m < margin` (always, since `m ≤ 0` before the flip): `t*_H = τ* / r`, exact;
 * - CE, `c = r σ(−m)`: `t*_CE = (1/r) ∫₀^{τ*} (1 + e^{m(τ)}) dτ`. With small init `m ≈ 0` this is
 *   `2τ* / r = ln((a0+|b0|)/(a0−|b0|))/r` (THEORY.md's closed form); since `m(τ) ≤ 0` before the flip the
 *   exact time always lies in `[τ* / r, 2τ* / r]`: the closed form over-estimates it as the init scale grows.
 *
 * @module
 */

import type { Loss } from "./mode-dynamics.js";
import { modeMarginAtTau } from "./mode-dynamics.js";
import { integrateAdaptive } from "./quadrature.js";

/** `τ* = atanh(|b0|/a0)`, or `Infinity` if the point never flips, 0 if already right (or on b0 = 0). */
function tauStar(a0: number, b0: number, y: number): number {
  if (!(a0 > 0)) return Number.POSITIVE_INFINITY; // dead unit: never learned
  if (y * b0 >= 0) return 0;
  const ratio = Math.abs(b0) / a0;
  return ratio < 1 ? Math.atanh(ratio) : Number.POSITIVE_INFINITY;
}

/**
 * Small-init CE flip time `t* = ln((a0 + |b0|)/(a0 − |b0|))/r = 2·atanh(|b0|/a0)/r` (THEORY.md §3, P3).
 * `Infinity` if it never flips (`a0 ≤ 0` dead, or `|b0| ≥ a0` fails/separatrix); 0 if already right.
 * Depends on the init only through `|b0|/a0` and scales as `1/r` (C4).
 */
export function flipTimeCE(a0: number, b0: number, r: number, y: 1 | -1 = 1): number {
  return (2 * tauStar(a0, b0, y)) / r;
}

/**
 * Hinge flip time `t*_H = atanh(|b0|/a0)/r = t*_CE/2` (THEORY.md §6, P4). Exact for any init scale
 * (the hinge gain is `r` for every `m ≤ 0 < margin`).
 */
export function flipTimeHinge(a0: number, b0: number, r: number, y: 1 | -1 = 1): number {
  return tauStar(a0, b0, y) / r;
}

/** Options of {@link flipTimeExact}. */
export interface FlipTimeOptions {
  /** Input norm `r > 0`. */
  r: number;
  /** Label ±1 (default +1). */
  y?: 1 | -1;
  /** Loss (default `"ce"`). */
  loss?: Loss;
  /** Loss weight of the point (1 for a summed loss, `p` for an averaged one); default 1. */
  weight?: number;
}

/**
 * Exact gradient-flow flip time, for any init scale (THEORY.md §3, P3; §6, P4): CE uses the quadrature
 * `(1/r) ∫₀^{τ*} (1 + e^{m(τ)}) dτ` (see the module comment), hinge is `τ* / r`. Shows where the small-init
 * closed form {@link flipTimeCE} stops holding: `flipTimeExact / flipTimeCE → 1/2` as `|m0| → ∞`.
 */
export function flipTimeExact(a0: number, b0: number, options: FlipTimeOptions): number {
  const y = options.y ?? 1;
  const rw = options.r * (options.weight ?? 1);
  const ts = tauStar(a0, b0, y);
  if (ts === 0 || ts === Number.POSITIVE_INFINITY) return ts;
  if ((options.loss ?? "ce") === "hinge") return ts / rw;
  const p = { r: options.r, y };
  const integral = integrateAdaptive((tau) => Math.exp(Math.min(0, modeMarginAtTau(tau, a0, b0, p))), 0, ts, {
    rtol: 1e-14,
  });
  return (ts + integral) / rw;
}
