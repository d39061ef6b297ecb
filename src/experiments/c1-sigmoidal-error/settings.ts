import type { Scale } from "../experiment.js";

/** Sizes of a C1 run. */
export interface C1Sizes {
  /** Points per norm in the equal-norm runs. */
  count: number;
  /** Points in the spread-norm run. */
  spreadCount: number;
  /** Points per limit run. */
  limitCount: number;
}

/** Default and full sizes. */
export const C1_SIZES: Record<Scale, C1Sizes> = {
  default: { count: 2000, spreadCount: 1000, limitCount: 1000 },
  full: { count: 10_000, spreadCount: 4000, limitCount: 4000 },
};

/** The norms of the equal-norm runs. */
export const C1_NORMS = [0.5, 1, 2];
/** Init scale ε of the reference runs. */
export const C1_EPS = 1e-3;
