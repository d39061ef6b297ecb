/**
 * Presets of the studies around the paper (issue 15): the gradient-starvation paper's two-point toy and
 * Shah et al.'s simplicity bias on LMS data. The numbers in their boxes are computed here from the library
 * (the toy's exact minimiser and its own gradient descent), never typed in.
 */
import type { RunConfigInput } from "../../src/index.js";
import { toyFixedPoint, toyGradientDescent, twoPointToy } from "../../src/index.js";
import type { Preset } from "./presets.js";

/** The toy's setting (their Figure_6/toy_fig_6.py: Λ₂ = 2, s = 0.5, L2 (0.5/C)‖θ‖² with C = 100, GD η = 0.05). */
const TOY = { strength2: 2, coupling: 0.5, lambda: 0.01, lr: 0.05, steps: 5000 };

/** First step at which a coordinate reaches half its value at the end of GD. */
function halfStep(z: readonly number[], steps: readonly number[]): number {
  const end = z[z.length - 1];
  return steps[z.findIndex((v) => v >= end / 2)];
}

function starvationToyPreset(): Preset {
  const l2 = { kind: "l2" as const, lambda: TOY.lambda };
  const toy = (strength1: number) =>
    twoPointToy({ strength1, strength2: TOY.strength2, coupling: TOY.coupling });
  const strong = toyFixedPoint(toy(6), l2);
  const even = toyFixedPoint(toy(2), l2);
  const gd = toyGradientDescent(toy(6), l2, { lr: TOY.lr, steps: TOY.steps, every: 1 });
  const half = [halfStep(gd.z1, gd.step), halfStep(gd.z2, gd.step)];
  const f = (v: number) => v.toFixed(2);
  const config: RunConfigInput = {
    name: "two-point toy",
    seed: 1,
    data: { kind: "two-point-toy", strength1: 6, strength2: TOY.strength2, coupling: TOY.coupling },
    model: { hidden: [], activation: "linear", bias: false },
    init: { scheme: "zeros", scale: 0 },
    loss: { kind: "ce", reduction: "sum" },
    optimizer: { kind: "gd", lr: TOY.lr, weightDecay: TOY.lambda },
    train: { steps: TOY.steps },
    probes: { schedule: { kind: "log", perDecade: 30 }, include: [] },
  };
  return {
    id: "starvation-toy",
    claim: "GS-toy",
    title: "Gradient starvation · two-point toy",
    watch:
      `Two points labelled +1 share two features of strengths Λ₁ = 6 and Λ₂ = 2 (Pezeshki et al. 2021, Fig. 6); a linear model with L2 λ = ${TOY.lambda} learns from θ = 0, and the modes card shows how much of each feature it uses, z_j = Λ_j·f(v_j). ` +
      `The strong feature 1 is learned first (on the log time axis z₁ reaches half its final value at t = η·step = ${f(TOY.lr * half[0])}, z₂ only at t = ${f(TOY.lr * half[1])}) and z₂ stays small: ${f(strong[1])} against z₁ = ${f(strong[0])}, on the dashed exact minimiser z*. ` +
      `Set strength Λ₁ to 2 in the Data group: z₂ then ends at ${f(even[1])}, so the stronger feature 1 held feature 2 down by ${Math.round(100 * (1 - strong[1] / even[1]))}% (starvation; \`learndyn reproduce starvation-toy\` sweeps Λ₁ and spectral decoupling).`,
    config,
    view: { logX: true },
  };
}

/** Shah et al.'s LMS-5 experiment at the simplicity-bias study's default size (full-batch GD, momentum). */
const simplicityBiasPreset: Preset = {
  id: "simplicity-bias",
  claim: "SB",
  title: "Simplicity bias · linear + 5-slab data",
  watch:
    "Column 0 of the LMS data separates the classes with a straight cut, and each of the 9 slab columns separates them too, but only with a piecewise boundary (Shah et al. 2020). " +
    "The training error chart draws the test error on three copies of the test set: as it is, with the linear column shuffled (S-randomized) and with every slab column shuffled (Sc-randomized). " +
    "The net relies on the linear column alone: shuffling it sends the test error to about ½ (chance), shuffling all nine slab columns leaves it near 0.",
  config: {
    name: "simplicity bias (LMS-5)",
    seed: 1,
    data: { kind: "lms", n: 1000, nTest: 1000, slabs: 9, k: 5, randomizedTests: true },
    model: { hidden: [100], activation: "relu", bias: true },
    loss: { kind: "ce", reduction: "mean" },
    optimizer: { kind: "gd", lr: 0.2, momentum: 0.9 },
    train: { steps: 300 },
    probes: { schedule: { kind: "every", every: 5 }, include: ["test-accuracy"] },
  },
};

/** The study presets, after the claims' presets in the menu. */
export const STUDY_PRESETS: readonly Preset[] = [starvationToyPreset(), simplicityBiasPreset];
