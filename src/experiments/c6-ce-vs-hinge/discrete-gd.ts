/**
 * C6 at a margin κ ≠ 1, checked step by step: balanced hinge modes trained by GD (or Adam) for exactly
 * `steps` steps, in `advances` equal calls of Trainer.advance, against the discrete map of src/theory
 * (hingeGdMargin: m0(1 + ηr)^{2k} up to the margin, then frozen; hingeAdamMargin: Adam's scalar recurrence,
 * which carries the margin past κ by its momentum). The maps are exact, so the comparison has no
 * discretisation error to hide in: one step too many per advance, a gradient that stops at m = 1 instead
 * of κ, or a wrong bias correction moves a margin far beyond rounding.
 */
import { parseRunConfig } from "../../config/validate.js";
import { exactSettingConfig } from "../../kit/measure/exact-setting.js";
import { type AdamHyper, hingeAdamMargin, hingeGdMargin } from "../../theory/balanced-ei.js";
import { buildData } from "../../train/build-data.js";
import { createTrainer } from "../../train/trainer.js";

/** Options of {@link measureHingeGd}. */
export interface HingeGdOptions {
  /** Input norms, one balanced mode (y = +1) each: pick some that reach κ within `steps` and some that do not. */
  norms: number[];
  /** Balanced start a0 = b0. */
  a0: number;
  /** Hinge margin κ. */
  margin: number;
  /** GD (or Adam) step size η. */
  lr: number;
  /** Train with Adam (these moments and ε, torch's defaults in HINGE_ADAM) instead of GD. */
  adam?: Omit<AdamHyper, "lr">;
  /** Total steps (must be a multiple of `advances`). */
  steps: number;
  /** Number of Trainer.advance calls the steps are split into. */
  advances: number;
}

/** Final margins of the engine and of the discrete map, and the worst relative difference. */
export interface HingeGdMeasurement {
  /** The engine's margin of each mode after `steps` steps. */
  measured: number[];
  /** hingeGdMargin(steps, r a0², r, lr, κ) of each mode (hingeAdamMargin under Adam). */
  predicted: number[];
  /** max over modes of |measured − predicted| / predicted. */
  worst: number;
  /** How many modes reached κ (frozen) at the end. */
  frozen: number;
}

/** Trains the balanced modes in `advances` chunks and compares them with the discrete map. */
export function measureHingeGd(o: HingeGdOptions): HingeGdMeasurement {
  if (o.steps % o.advances !== 0)
    throw new Error(`hinge GD check: steps (${o.steps}) must be a multiple of advances (${o.advances})`);
  const base = exactSettingConfig({
    norms: o.norms,
    labels: o.norms.map(() => 1),
    a: o.norms.map(() => o.a0),
    b: o.norms.map(() => o.a0),
    loss: "hinge",
    lr: o.lr,
    steps: o.steps,
    every: o.steps,
    probes: ["margins"],
  });
  const optimizer = o.adam ? { kind: "adam" as const, lr: o.lr, ...o.adam } : base.optimizer;
  const config = parseRunConfig({
    ...base,
    loss: { kind: "hinge", reduction: "sum", margin: o.margin },
    optimizer,
  });
  const trainer = createTrainer(config, buildData(config));
  for (let i = 0; i < o.advances; i++) trainer.advance(o.steps / o.advances);
  const last = trainer.history[trainer.history.length - 1];
  const measured = last.margin as number[];
  const adam = o.adam;
  const predicted = o.norms.map((r) =>
    adam
      ? hingeAdamMargin(o.steps, r * o.a0 * o.a0, r, { lr: o.lr, ...adam }, o.margin)
      : hingeGdMargin(o.steps, r * o.a0 * o.a0, r, o.lr, o.margin),
  );
  const worst = Math.max(...measured.map((m, k) => Math.abs(m - predicted[k]) / predicted[k]));
  return { measured, predicted, worst, frozen: predicted.filter((m) => m >= o.margin).length };
}

/**
 * The run of the check, the same at every scale (it is cheap and exact): κ = 2.5; norms 1 and 2 reach it
 * within the 400 steps, 0.25 and 0.5 are still growing (so a step too many shows); 10 advances of 40.
 */
export const HINGE_GD: HingeGdOptions = {
  norms: [0.25, 0.5, 1, 2],
  a0: 0.1,
  margin: 2.5,
  lr: 0.01,
  steps: 400,
  advances: 10,
};

/**
 * The Adam run of the check (torch's β1 0.9, β2 0.999, ε 1e-8), cheap and exact like HINGE_GD: Adam's step does
 * not scale with the gradient (up to ε), so a moves alike for every r: with η = 0.003 norms 1 and 2 reach
 * κ = 2.5 within 400 steps and overshoot it, 0.25 and 0.5 are still growing (m ∝ r).
 */
export const HINGE_ADAM: HingeGdOptions & { adam: Omit<AdamHyper, "lr"> } = {
  ...HINGE_GD,
  lr: 0.003,
  adam: { beta1: 0.9, beta2: 0.999, eps: 1e-8 },
};
