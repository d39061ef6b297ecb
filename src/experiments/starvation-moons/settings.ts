import type { Scale } from "../experiment.js";
import type { MoonsRunOptions } from "./runs.js";

/** Sizes of a two-moons run: seeds averaged, epochs, width, decision-function grid per axis. */
export interface MoonsSettings {
  seeds: number;
  epochs: number;
  width: number;
  grid: number;
}

/** Sizes per scale (the paper: 10 seeds, 1000 epochs). */
export const MOONS_SCALES: Record<Scale, MoonsSettings> = {
  default: { seeds: 4, epochs: 1000, width: 500, grid: 81 },
  full: { seeds: 10, epochs: 1000, width: 500, grid: 101 },
};

/** The NTK eigenvector indices plotted (the paper's Fig. 2 shows 1 and 6). */
export const FEATURES = [1, 6];

/** The spectral-decoupling coefficient of the SD arm (the paper's sd_coef). */
export const SD_COEF = 0.003;

/** The run options shared by every seed and arm. */
export function baseRunOptions(s: MoonsSettings): Omit<MoonsRunOptions, "seed" | "sdCoef"> {
  return { n: 300, width: s.width, epochs: s.epochs, margin: 0.1, lr: 1e-2, momentum: 0.9, every: 10 };
}
