/**
 * C4's runs: flip times against the norm for each ratio |b0|/a0, against the init scale at the middle
 * ratio, and at large learning rates (limit).
 */
import { type FlipTimesByNorm, measureFlipTimes } from "./flip-times.js";
import type { C4Settings } from "./settings.js";

/** Everything C4 measured. */
export interface C4Measurement {
  /** Flip times vs norm, one run per ratio |b0|/a0. */
  byRatio: { ratio: number; result: FlipTimesByNorm }[];
  /** The middle ratio, used for the init-scale and learning-rate runs. */
  midRatio: number;
  /** Flip times at each init scale ε = a0. */
  byScale: { eps: number; result: FlipTimesByNorm }[];
  /** Flip times at each large learning rate (limit). */
  large: { lr: number; result: FlipTimesByNorm }[];
  /** Flip times of the middle ratio with tanh units (P3 where the theory allows it: small init). */
  tanh: FlipTimesByNorm;
}

/** Runs every C4 simulation with settings `s`. */
export function measureC4(s: C4Settings): C4Measurement {
  const byRatio = s.ratios.map((ratio) => ({
    ratio,
    result: measureFlipTimes({ norms: s.norms, a0: s.a0, b0: -ratio * s.a0, loss: "ce", lr: s.lr }),
  }));
  const midRatio = s.ratios[Math.floor(s.ratios.length / 2)];
  const byScale = s.scales.map((eps) => ({
    eps,
    result: measureFlipTimes({ norms: s.scaleNorms, a0: eps, b0: -midRatio * eps, loss: "ce", lr: s.lr }),
  }));
  const large = s.largeLrs.map((lr) => ({
    lr,
    result: measureFlipTimes({ norms: s.scaleNorms, a0: s.a0, b0: -midRatio * s.a0, loss: "ce", lr }),
  }));
  const tanh = measureFlipTimes({
    norms: s.norms,
    a0: s.a0,
    b0: -midRatio * s.a0,
    loss: "ce",
    lr: s.lr,
    activation: "tanh",
  });
  return { byRatio, midRatio, byScale, large, tanh };
}
