import type { Scale } from "../experiment.js";

/** Sizes and parameters of a C5 run. */
export interface C5Settings {
  /** Frequencies p of the features. */
  ps: number[];
  /** Norms r of the 2-layer features. */
  rs: number[];
  /** Points of the "features" data. */
  n: number;
  /** Init a0 of the 2-layer chains (ε = a0²). */
  a0: number;
  /** Depths D ≥ 3 run at r = 1, with the init a0 of each. */
  deep: Record<number, number>;
  /** Frequencies of the ReLU-pair runs. */
  reluPs: number[];
  /** One learning rate for every run (lr·p·r ≤ 0.04), so the 1/p scaling is not built into the step size. */
  lr: number;
  /** Steps of the dense-network limit run. */
  denseSteps: number;
}

/** Default and full settings. */
export const C5_SETTINGS: Record<Scale, C5Settings> = {
  default: {
    ps: [0.05, 0.1, 0.2, 0.4, 0.8],
    rs: [0.5, 1, 2],
    n: 200,
    a0: 0.03, // 2 layers: ε = a0² = 9e-4
    deep: { 3: 0.1, 4: 0.2 },
    reluPs: [0.1, 0.4],
    lr: 0.02,
    denseSteps: 2500,
  },
  full: {
    ps: [0.025, 0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1],
    rs: [0.25, 0.5, 1, 2, 4],
    n: 400,
    a0: 0.03,
    deep: { 3: 0.1, 4: 0.2, 5: 0.3 },
    reluPs: [0.1, 0.4],
    lr: 0.02,
    denseSteps: 6000,
  },
};

/** The depths D ≥ 3 of a run, ascending. */
export function deepDepths(s: C5Settings): number[] {
  return Object.keys(s.deep)
    .map(Number)
    .sort((x, y) => x - y);
}
