import type { ModeStart } from "../../kit/measure/modes.js";
import type { Scale } from "../experiment.js";

/** Settings of a C6 run. */
export interface C6Settings {
  /** Norms of the wrong-sign starts (P4). */
  flipNorms: number[];
  /** Ratios |b0|/a0 of the wrong-sign starts. */
  ratios: number[];
  /** Small init scale a0 of the flip runs. */
  eps: number;
  /** GD step of the flip runs. */
  flipLr: number;
  /** Larger init scales (limit: the ratio departs from 2). */
  largeEps: number[];
  /** Larger learning rates (limit). */
  largeLrs: number[];
  /** Norms of the balanced modes (P6). */
  norms: number[];
  /** Balanced start a0 = b0. */
  a0: number;
  /** First-stage step, constant-η horizon and final time of the balanced runs. */
  lr: number;
  tSwitch: number;
  tEnd: number;
  /** Norms shown in the margins figure. */
  showNorms: number[];
}

/** Default and full settings. */
export const C6_SETTINGS: Record<Scale, C6Settings> = {
  default: {
    flipNorms: [0.5, 1, 2],
    ratios: [0.2, 0.5, 0.8],
    eps: 0.01,
    flipLr: 0.005,
    largeEps: [0.3, 1, 2],
    largeLrs: [0.1, 0.25, 0.5],
    norms: [0.25, 0.5, 1, 2, 4],
    a0: 0.1,
    lr: 0.01,
    tSwitch: 10,
    tEnd: 1e4,
    showNorms: [0.25, 4],
  },
  full: {
    flipNorms: [0.25, 0.5, 1, 2, 4],
    ratios: [0.1, 0.3, 0.5, 0.7, 0.9],
    eps: 0.01,
    flipLr: 0.002,
    largeEps: [0.1, 0.3, 1, 2, 3],
    largeLrs: [0.05, 0.1, 0.25, 0.5],
    norms: [0.125, 0.25, 0.5, 1, 2, 4, 8],
    a0: 0.1,
    lr: 0.005,
    tSwitch: 20,
    tEnd: 1e6,
    showNorms: [0.25, 4],
  },
};

/** Wrong-sign starts (y = +1, b0 = −ratio·a0) on a norm × ratio grid. */
export function flipStarts(norms: readonly number[], ratios: readonly number[], a0: number): ModeStart[] {
  return norms.flatMap((r) => ratios.map((q) => ({ r, y: 1 as const, a0, b0: -q * a0 })));
}
