import { logSpaced } from "../../math/spacing.js";
import type { Scale } from "../experiment.js";

/** Settings of a C4 run. */
export interface C4Settings {
  /** Norms of the flip-time-vs-norm runs (one point each, one run per ratio). */
  norms: number[];
  /** Ratios |b0|/a0. */
  ratios: number[];
  /** Init scale a0 of the reference runs. */
  a0: number;
  /** GD step. */
  lr: number;
  /** Norms of the init-scale runs. */
  scaleNorms: number[];
  /** Init scales ε = a0 (small ones test independence; large ones are the limit). */
  scales: number[];
  /** Largest scale counted as "small init" for the independence check. */
  smallScaleMax: number;
  /** Scales reported as limits (each must be in `scales`). */
  limitScales: number[];
  /** Larger learning rates (limit). */
  largeLrs: number[];
}

/** Default and full settings. */
export const C4_SETTINGS: Record<Scale, C4Settings> = {
  default: {
    norms: logSpaced(0.25, 4, 13),
    ratios: [0.2, 0.5, 0.8],
    a0: 0.01,
    lr: 0.005,
    scaleNorms: [0.25, 1, 4],
    scales: [1e-3, 3e-3, 1e-2, 3e-2, 0.06, 0.1, 0.17, 0.3, 0.5, 0.7, 1, 1.4, 2],
    smallScaleMax: 0.03,
    limitScales: [0.1, 0.3, 1, 2],
    largeLrs: [0.05, 0.1, 0.25, 0.5],
  },
  full: {
    norms: logSpaced(0.125, 8, 25),
    ratios: [0.1, 0.3, 0.5, 0.7, 0.9],
    a0: 0.01,
    lr: 0.002,
    scaleNorms: [0.125, 0.5, 2, 8],
    scales: [1e-3, 2e-3, 5e-3, 1e-2, 2e-2, 3e-2, 0.06, 0.1, 0.14, 0.2, 0.3, 0.4, 0.5, 0.7, 1, 1.4, 2, 3],
    smallScaleMax: 0.03,
    limitScales: [0.1, 0.3, 1, 2, 3],
    largeLrs: [0.02, 0.05, 0.1, 0.2, 0.25, 0.5],
  },
};
