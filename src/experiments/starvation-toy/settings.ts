import type { ToyPenalty } from "../../theory/starvation-toy.js";
import type { Scale } from "../experiment.js";

/** Sizes and parameters of a starvation-toy run (the authors' `Figure_6/toy_fig_6.py` with C = 100). */
export interface ToySettings {
  /** Strengths Λ₁ of feature 1 swept (the paper: 2…6); at least two, increasing. */
  strengths: number[];
  /** Strength Λ₂ of feature 2 (the paper: 2). */
  strength2: number;
  /** Sine of U's rotation (the paper: 0.5); its sign decides which feature is starved. */
  coupling: number;
  /** The penalties compared; the first L2 one is the starvation arm, every SD one a decoupling arm. */
  penalties: ToyPenalty[];
  /** GD step size (the paper: 0.05). */
  lr: number;
  /** GD steps (the paper: 5000, which stops short of the fixed point at large Λ₁: the report says by how much). */
  steps: number;
  /** The paper's step count, for the limit row that measures how far it stops from the fixed point. */
  paperSteps: number;
  /** Relative distance of GD's last z from the fixed point accepted as converged. */
  tolerance: number;
}

const BASE: ToySettings = {
  strengths: [2, 3, 4, 5, 6],
  strength2: 2,
  coupling: 0.5,
  penalties: [
    { kind: "l2", lambda: 0.01 },
    { kind: "sd-code", lambda: 0.001 },
    { kind: "sd-paper", lambda: 0.001 },
  ],
  lr: 0.05,
  steps: 40000,
  paperSteps: 5000,
  tolerance: 1e-4,
};

/** Both scales are milliseconds of CPU; full adds strengths between and beyond the paper's. */
export const TOY_SETTINGS: Record<Scale, ToySettings> = {
  default: BASE,
  full: { ...BASE, strengths: [2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 7, 8], steps: 80000 },
};
