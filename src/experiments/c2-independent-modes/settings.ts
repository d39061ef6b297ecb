import type { ModeStart } from "../../kit/measure/modes.js";
import type { Scale } from "../experiment.js";

/** Sizes and settings of a C2 run. */
export interface C2Settings {
  /** Norms of the balanced modes (P5). */
  norms: number[];
  /** Balanced start a0 = b0. */
  a0: number;
  /** Learning rate of the reference run (first stage). */
  lr: number;
  /** Constant-η horizon, then log-time stepping. */
  tSwitch: number;
  /** Final time of the margin runs. */
  tEnd: number;
  /** Learning rates of the drift (P2) and O(η) measurements. */
  driftLrs: number[];
  /** Time span of the drift runs. */
  driftT: number;
  /** Larger learning rates (limit). */
  largeLrs: number[];
  /** Off-diagonal init noise std δ (limit: dense init). */
  deltas: number[];
}

/** Default and full settings. */
export const C2_SETTINGS: Record<Scale, C2Settings> = {
  default: {
    norms: [0.25, 0.5, 1, 2, 4],
    a0: 0.1,
    lr: 0.01,
    tSwitch: 10,
    tEnd: 1000,
    driftLrs: [0.04, 0.02, 0.01],
    driftT: 20,
    largeLrs: [0.1, 0.3, 1],
    deltas: [1e-3, 1e-2, 1e-1],
  },
  full: {
    norms: [0.125, 0.25, 0.5, 1, 2, 4, 8],
    a0: 0.1,
    lr: 0.005,
    tSwitch: 20,
    tEnd: 1e5,
    driftLrs: [0.08, 0.04, 0.02, 0.01, 0.005],
    driftT: 50,
    largeLrs: [0.05, 0.1, 0.3, 1],
    deltas: [1e-4, 1e-3, 1e-2, 1e-1],
  },
};

/** Mixed starts for P1/P2: both labels, unbalanced, a wrong-sign start that recovers, a dead unit. */
export function mixedModes(): ModeStart[] {
  return [
    { r: 1, y: 1, a0: 0.2, b0: 0.1 },
    { r: 2, y: -1, a0: 0.15, b0: -0.05 },
    { r: 0.5, y: 1, a0: 0.3, b0: -0.1 },
    { r: 4, y: 1, a0: 0.05, b0: 0.1 },
    { r: 1, y: -1, a0: 0.1, b0: 0.05 },
    { r: 1, y: 1, a0: -0.1, b0: 0.1 },
  ];
}
