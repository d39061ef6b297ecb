/**
 * Mixtures of isotropic 2-D Gaussians with equal weights: the standard toys of the GAN mode-collapse
 * literature.
 *
 * - Ring: 8 Gaussians evenly spaced on a circle of radius 2, std 0.02 (Metz et al., "Unrolled GANs",
 *   ICLR 2017, §3.1; VEEGAN, Srivastava et al., NeurIPS 2017, §5.1). PacGAN (Lin et al., NeurIPS 2018)
 *   uses radius 1, std 0.01: the same shape at half the scale (radius / std = 100 in both).
 * - Grid: 25 Gaussians at {−4, −2, 0, 2, 4}², std 0.05 (VEEGAN §5.1; PacGAN's 2D-grid, whose code,
 *   github.com/fjxmlzn/PacGAN `synthetic_data_experiments/2DGrid_GAN&PacGAN/config.py`, puts the means
 *   at range(−4, 5, 2) with variance 0.05²).
 *
 * Samples are drawn on the fly (an infinite stream, as in those papers' samplers): pick a mode uniformly,
 * add N(0, std²·I).
 */
import type { Rng } from "../engine/rng.js";

/** An equal-weight mixture of isotropic Gaussians in the plane. */
export interface GaussianMixture {
  /** Short name, e.g. "ring" or "grid". */
  name: string;
  /** Mode centres, K × 2 row-major (x₀, y₀, x₁, y₁, …). */
  means: Float64Array;
  /** Number of modes K. */
  modes: number;
  /** Standard deviation σ of every mode, per coordinate. */
  std: number;
}

/** Options of {@link ringMixture}. */
export interface RingOptions {
  /** Number of modes on the circle. Default 8; integer ≥ 1. */
  modes?: number;
  /** Radius of the circle. Default 2; > 0. */
  radius?: number;
  /** Standard deviation of each mode. Default 0.02; > 0. */
  std?: number;
}

/** Options of {@link gridMixture}. */
export interface GridOptions {
  /** Modes per side (side² in all). Default 5; integer ≥ 1. */
  side?: number;
  /** Distance between neighbouring modes; the grid is centred at the origin. Default 2; > 0. */
  spacing?: number;
  /** Standard deviation of each mode. Default 0.05; > 0. */
  std?: number;
}

function positive(v: number, what: string): number {
  if (!(Number.isFinite(v) && v > 0)) throw new Error(`${what} must be a positive number, got ${v}`);
  return v;
}

function positiveInt(v: number, what: string): number {
  if (!(Number.isInteger(v) && v >= 1)) throw new Error(`${what} must be a positive integer, got ${v}`);
  return v;
}

/** K Gaussians evenly spaced on a circle, the first at angle 0 (default: 8 modes, radius 2, std 0.02). */
export function ringMixture(options: RingOptions = {}): GaussianMixture {
  const modes = positiveInt(options.modes ?? 8, "ring mixture: modes");
  const radius = positive(options.radius ?? 2, "ring mixture: radius");
  const std = positive(options.std ?? 0.02, "ring mixture: std");
  const means = new Float64Array(2 * modes);
  for (let k = 0; k < modes; k++) {
    const a = (2 * Math.PI * k) / modes;
    means[2 * k] = radius * Math.cos(a);
    means[2 * k + 1] = radius * Math.sin(a);
  }
  return { name: "ring", means, modes, std };
}

/** side × side Gaussians on a square grid centred at 0 (default: 5 × 5 at {−4, −2, 0, 2, 4}², std 0.05). */
export function gridMixture(options: GridOptions = {}): GaussianMixture {
  const side = positiveInt(options.side ?? 5, "grid mixture: side");
  const spacing = positive(options.spacing ?? 2, "grid mixture: spacing");
  const std = positive(options.std ?? 0.05, "grid mixture: std");
  const modes = side * side;
  const means = new Float64Array(2 * modes);
  const offset = ((side - 1) * spacing) / 2;
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      const k = i * side + j;
      means[2 * k] = i * spacing - offset;
      means[2 * k + 1] = j * spacing - offset;
    }
  }
  return { name: "grid", means, modes, std };
}

/** The named mixtures of the GAN bench with their literature settings. */
export type MixtureName = "ring" | "grid";

/** The mixture called `name` with its default (literature) settings. */
export function namedMixture(name: MixtureName): GaussianMixture {
  if (name === "ring") return ringMixture();
  if (name === "grid") return gridMixture();
  throw new Error(`unknown mixture "${name}"; use "ring" or "grid"`);
}

/**
 * Draws n points into `out` (n × 2 row-major; allocated when absent) and, when `labels` is given, the
 * index of the mode each point came from. Returns `out`.
 */
export function sampleMixture(
  mixture: GaussianMixture,
  n: number,
  rng: Rng,
  out: Float64Array = new Float64Array(2 * n),
  labels?: Int32Array,
): Float64Array {
  if (!(Number.isInteger(n) && n >= 0))
    throw new Error(`sampleMixture: n must be a non-negative integer, got ${n}`);
  if (out.length < 2 * n) throw new Error(`sampleMixture: out holds ${out.length / 2} points, need ${n}`);
  if (labels && labels.length < n) throw new Error(`sampleMixture: labels holds ${labels.length}, need ${n}`);
  const { means, modes, std } = mixture;
  for (let i = 0; i < n; i++) {
    const k = rng.int(modes);
    out[2 * i] = means[2 * k] + std * rng.normal();
    out[2 * i + 1] = means[2 * k + 1] + std * rng.normal();
    if (labels) labels[i] = k;
  }
  return out;
}
