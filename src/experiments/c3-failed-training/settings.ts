import type { Scale } from "../experiment.js";

/** Sizes of a C3 run. */
export interface C3Sizes {
  /** Grid starts per axis of the phase portrait. */
  grid: number;
  /** Random starts per init distribution for the final errors. */
  count: number;
  /** Wrong chains per depth. */
  chains: number;
  /** Depths simulated. */
  depths: number[];
}

/** Default and full sizes. */
export const C3_SIZES: Record<Scale, C3Sizes> = {
  default: { grid: 15, count: 2000, chains: 400, depths: [2, 3, 4, 5] },
  full: { grid: 25, count: 10_000, chains: 2000, depths: [2, 3, 4, 5, 6] },
};

/** Init scale of the random starts. */
export const C3_EPS = 1e-2;
/** Half-width of the band around the separatrix left out of the region check. */
export const C3_BAND = 0.05;
/** The box of (a, b) starts of the phase grid. */
export const BOX = { amin: -0.6, amax: 1.5, bmin: -1.5, bmax: 1.5 };
/** Training time of the phase grid. */
export const GRID_TIME = 20;
