import type { Scale } from "../experiment.js";

/** Sizes and parameters of a C7 run. */
export interface C7Settings {
  /** Final time of the diagonal-network runs. */
  tEnd: number;
  /**
   * Points of the diagonal runs: the smallest n at which every p used (0.2, 0.5, 0.8) is realized exactly.
   * Without noise the points are four distinct ones repeated and each point's loss depends only on its
   * margin, so the mean-loss dynamics depend on p, not n (n = 100 gives the same u to rounding: see the tests).
   */
  n: number;
  /** Frequencies p of feature B (ρ = p with r_A = r_B = 1). */
  ps: number[];
  /** Init scales ε. */
  epss: number[];
  /** Spectral-decoupling strengths λ in the diagonal model (limit). */
  sdLambdas: number[];
  /** Width of the wide ReLU nets (spectral decoupling in the claim's own setting). */
  wideWidth: number;
  /** Seeds per wide setting (derived from the master seed). */
  wideSeedCount: number;
  /** λ of the wide runs (0 = no SD). */
  wideLambdas: number[];
  /** GD steps of the wide runs. */
  wideSteps: number;
}

/** Default and full settings. */
export const C7_SETTINGS: Record<Scale, C7Settings> = {
  default: {
    tEnd: 1e4,
    n: 10,
    ps: [0.5, 0.2],
    epss: [1e-2, 1e-3, 1e-4, 1e-5, 1e-6],
    sdLambdas: [0.003, 0.1],
    wideWidth: 200,
    wideSeedCount: 2,
    wideLambdas: [0, 0.01, 0.1],
    wideSteps: 1500,
  },
  full: {
    tEnd: 1e5,
    n: 10,
    ps: [0.8, 0.5, 0.2],
    epss: [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8],
    sdLambdas: [0.003, 0.1],
    wideWidth: 500,
    wideSeedCount: 5,
    wideLambdas: [0, 0.001, 0.01, 0.1],
    wideSteps: 4000,
  },
};

/** The learning rate of the hinge runs (hinge grows twice as fast as CE before the margin). */
export const HINGE_LR = 0.005;
