/**
 * Mode-collapse metrics of generated 2-D samples against a Gaussian mixture, following the protocol of
 * VEEGAN (Srivastava et al., NeurIPS 2017, §5.1), also used by PacGAN (Lin et al., NeurIPS 2018, §5):
 *
 * - a sample is **high quality** when it lies within 3σ of its nearest mode (Euclidean distance / σ < 3);
 * - a mode is **captured** when it is the nearest mode of at least `minCount` high-quality samples
 *   (VEEGAN and PacGAN's code use 1: "the number of mixture components whose mean is nearest to at least
 *   one high quality sample"), out of 2500 generated samples in both papers;
 * - **KL** is the reverse KL divergence KL(p̂ ‖ u) = Σ p̂_k ln(K p̂_k) between the histogram p̂ of the
 *   high-quality samples over their nearest modes and the true (uniform) mode weights u = 1/K, PacGAN's
 *   third metric; 0 when every mode gets the same share, ln K when all mass sits on one mode. With no
 *   high-quality sample at all p̂ is undefined: we report ln K then (the worst value), and say so.
 */
import type { GaussianMixture } from "../data/gaussian-mixtures.js";

/** Options of {@link modeMetrics}. */
export interface ModeMetricsOptions {
  /** Distance to the nearest mode, in units of σ, below which a sample is high quality. Default 3. */
  threshold?: number;
  /** High-quality samples a mode needs to count as captured. Default 1 (VEEGAN, PacGAN). */
  minCount?: number;
}

/** What {@link modeMetrics} measures. */
export interface ModeMetrics {
  /** Number of captured modes (0 … K). */
  modesCaptured: number;
  /** Share of samples that are high quality, in [0, 1]. */
  highQuality: number;
  /** Reverse KL of the high-quality mode histogram from uniform (ln K when none is high quality). */
  kl: number;
  /** High-quality samples per mode (length K). */
  counts: number[];
  /** Samples evaluated. */
  samples: number;
}

/** Mode metrics of n samples (`points`, n × 2 row-major) against `mixture`. */
export function modeMetrics(
  mixture: GaussianMixture,
  points: ArrayLike<number>,
  n: number,
  options: ModeMetricsOptions = {},
): ModeMetrics {
  const threshold = options.threshold ?? 3;
  const minCount = options.minCount ?? 1;
  if (!(threshold > 0)) throw new Error(`modeMetrics: threshold must be positive, got ${threshold}`);
  if (!(Number.isInteger(minCount) && minCount >= 1))
    throw new Error(`modeMetrics: minCount must be a positive integer, got ${minCount}`);
  if (points.length < 2 * n) throw new Error(`modeMetrics: ${points.length / 2} points given, ${n} expected`);
  const { means, modes: K, std } = mixture;
  const limit2 = (threshold * std) ** 2;
  const counts = new Array<number>(K).fill(0);
  let hq = 0;
  for (let i = 0; i < n; i++) {
    const x = points[2 * i];
    const y = points[2 * i + 1];
    let best = Number.POSITIVE_INFINITY;
    let bestK = -1;
    for (let k = 0; k < K; k++) {
      const dx = x - means[2 * k];
      const dy = y - means[2 * k + 1];
      const d2 = dx * dx + dy * dy;
      if (d2 < best) {
        best = d2;
        bestK = k;
      }
    }
    // NaN samples (a diverged generator) are never high quality.
    if (bestK >= 0 && best < limit2) {
      counts[bestK]++;
      hq++;
    }
  }
  let kl = Math.log(K);
  if (hq > 0) {
    kl = 0;
    for (const c of counts) if (c > 0) kl += (c / hq) * Math.log((K * c) / hq);
  }
  return {
    modesCaptured: counts.filter((c) => c >= minCount).length,
    highQuality: n > 0 ? hq / n : 0,
    kl,
    counts,
    samples: n,
  };
}
