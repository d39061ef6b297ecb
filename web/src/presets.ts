/**
 * Presets: one run config per claim of THEORY.md (C1–C7), plus Playground sets and the second-order studies
 * (edge of stability, saddle-to-saddle) and the studies' (study-presets.ts), each with two sentences on what to watch.
 * They are ordinary run configs: `learndyn train --config` runs them unchanged.
 */
import type { RunConfigInput } from "../../src/index.js";
import { saddleToSaddle } from "../../src/theory/saddle-to-saddle.js";
import { STUDY_PRESETS } from "./study-presets.js";

/** A preset of the lab. */
export interface Preset {
  /** Short id used in the menu and in tests ("c1"). */
  id: string;
  /** The claim it shows. */
  claim: string;
  /** Menu title. */
  title: string;
  /** Two sentences: what to look at and what the theory says. */
  watch: string;
  /** The run. */
  config: RunConfigInput;
  /** How the page first shows the run, when the box asks for more than the defaults. */
  view?: PresetView;
}

/** View settings a preset starts with (not part of the run config: they change no number). */
export interface PresetView {
  /** Time axis on a log scale (C1's plateau spans decades). */
  logX?: boolean;
  /** Cards whose y axis starts logarithmic (besides the loss, always log). */
  logY?: string[];
}

const ones = (n: number, r = 1) => Array.from({ length: n }, () => r);

/** Diagonal first layer a ~ |N(0, ε²)|, Gaussian output weights b ~ N(0, ε²): the theory's exact setting. */
const diagonalInit = (eps: number) => ({
  scheme: "gaussian" as const,
  scale: eps,
  layers: [
    { scheme: "diagonal" as const, scale: eps, diagonal: "half-normal" as const },
    { scheme: "gaussian" as const, scale: eps },
  ],
});

/**
 * A sparse classification for the diagonal linear network: x ~ N(0, I_d) (n rows, mulberry32 + Box–Muller
 * so the preset is the same everywhere), y = sign(x·β*) with β* = 2e₀ − e₃ + ½e₇.
 */
function sparseData(n: number, d: number): { x: number[][]; y: number[] } {
  let state = 0x5eed;
  const uniform = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
  const x = Array.from({ length: n }, () => Array.from({ length: d }, normal));
  return { x, y: x.map((r) => (2 * r[0] - r[3] + 0.5 * r[7] >= 0 ? 1 : -1)) };
}

/** The saddle-to-saddle preset: u ⊙ v from u = √2·α, v = 0, squared loss, GD; Algorithm 1's staircase. */
function saddlePreset(): Preset {
  const alpha = 1e-4;
  const lr = 0.02;
  const data = sparseData(20, 30);
  // Algorithm 1's jumps at t̃ = t/ln(1/α): the step of a jump is t̃·ln(1/α)/η.
  const saddles = saddleToSaddle(data.x, data.y).slice(0, 3);
  const steps = saddles.slice(1).map((q) => Math.round((q.time * Math.log(1 / alpha)) / lr));
  return {
    id: "s2s",
    claim: "—",
    title: "Saddle-to-saddle · diagonal linear network",
    watch:
      `The loss (log time) steps down plateau by plateau: at init scale α = ${alpha} the network u ⊙ v sits at a saddle, then one coordinate switches on and it jumps to the next (Pesme & Flammarion 2023). ` +
      `Their Algorithm 1 predicts plateaus at loss ${saddles.map((q) => q.loss.toPrecision(3)).join(" → ")} with drops near t = η·step = ${steps.map((k) => (k * lr).toFixed(1)).join(" and ")} (steps ${steps.join(", ")}; later saddles blur at this α); raise init to ~1 and the plateaus vanish (the lazy regime).`,
    config: {
      name: "saddle-to-saddle",
      seed: 1,
      data: { kind: "inline", name: "sparse (n 20, d 30)", x: data.x, y: data.y },
      model: { hidden: [30], activation: "linear", bias: false, diagonalLayers: [0] },
      init: {
        scheme: "gaussian",
        scale: 0,
        layers: [
          { scheme: "diagonal", values: Array.from({ length: 30 }, () => Math.SQRT2 * alpha) },
          { scheme: "gaussian", scale: 0 },
        ],
      },
      loss: { kind: "squared", reduction: "mean" },
      optimizer: { kind: "gd", lr },
      train: { steps: 2 * steps[steps.length - 1] },
      probes: { schedule: { kind: "every", every: 10 }, include: [] },
    },
    view: { logX: true },
  };
}

export const PRESETS: readonly Preset[] = [
  {
    id: "c1",
    claim: "C1",
    title: "C1 · Sigmoidal error curve",
    watch:
      "The training error stays near ½ on a plateau, then falls along a sigmoid to ¼, tracing the dashed theory curve E(t) = ½[1 − gd(rt)/π]. " +
      "The quarter of points that never get learned started in the failure region of the phase portrait.",
    config: {
      name: "C1 sigmoidal error",
      seed: 5,
      data: { kind: "orthogonal", norms: ones(100), labels: "alternating" },
      model: { hidden: [100], activation: "relu", bias: false },
      init: diagonalInit(0.01),
      loss: { kind: "ce", reduction: "sum" },
      optimizer: { kind: "gd", lr: 0.02 },
      train: { steps: 600 },
      probes: { schedule: { kind: "every", every: 5 }, include: [] },
    },
    view: { logX: true },
  },
  {
    id: "c2",
    claim: "C2",
    title: "C2 · Independent modes",
    watch:
      "Each point is its own mode: its margin sits on a plateau, then escapes at a time set by its norm alone, following its dashed Ei curve. " +
      "Off-diagonal weights stay exactly zero, so the modes never talk to each other (try a linear activation to couple them).",
    config: {
      name: "C2 independent modes",
      seed: 2,
      data: { kind: "orthogonal", norms: [0.5, 0.75, 1, 1.5, 2, 3], labels: "positive" },
      model: { hidden: [6], activation: "relu", bias: false },
      init: {
        scheme: "half-normal",
        scale: 0.1,
        balanced: true,
        layers: [
          { scheme: "diagonal", scale: 0.1, diagonal: "half-normal" },
          { scheme: "half-normal", scale: 0.1 },
        ],
      },
      loss: { kind: "ce", reduction: "sum" },
      optimizer: { kind: "gd", lr: 0.01 },
      train: { steps: 1500 },
      probes: { schedule: { kind: "every", every: 5 }, include: [] },
    },
  },
  {
    id: "c3",
    claim: "C3",
    title: "C3 · Regions of failed training",
    watch:
      "In the phase portrait every unit moves along a hyperbola a² − b² = const: those starting below the separatrix b = −a reach a = 0 first and die with the wrong sign. " +
      "The error settles at the fraction of points that started in the orange failure region (¼ on average).",
    config: {
      name: "C3 failed training",
      seed: 3,
      data: { kind: "orthogonal", norms: ones(32), labels: "alternating" },
      model: { hidden: [32], activation: "relu", bias: false },
      init: diagonalInit(0.1),
      loss: { kind: "ce", reduction: "sum" },
      optimizer: { kind: "gd", lr: 0.02 },
      train: { steps: 1000 },
      probes: { schedule: { kind: "every", every: 5 }, include: [] },
    },
  },
  {
    id: "c4",
    claim: "C4",
    title: "C4 · Input norm sets the speed",
    watch:
      "Points of norm 4 flip to the right side first, points of norm ½ last: the flip time t* is proportional to 1/‖x‖. " +
      "Switch the time axis to log: the per-norm margin curves are the same curve shifted by log ‖x‖.",
    config: {
      name: "C4 input norm",
      seed: 4,
      data: {
        kind: "orthogonal",
        norms: [0.5, 0.5, 0.5, 0.5, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4],
        labels: "alternating",
      },
      model: { hidden: [16], activation: "relu", bias: false },
      init: diagonalInit(0.01),
      loss: { kind: "ce", reduction: "sum" },
      optimizer: { kind: "gd", lr: 0.01 },
      train: { steps: 2000 },
      probes: { schedule: { kind: "every", every: 10 }, include: [] },
    },
  },
  {
    id: "c5",
    claim: "C5",
    title: "C5 · Feature frequency sets the speed",
    watch:
      "Each feature has its own carriers (no point has two) and its own unit of a diagonal linear network, so its strength f(u_j) grows like ε·e^{p·r·t} on its own: the frequent feature A (p = 0.4) is learned long before the rare feature C (p = 0.1). " +
      "The dotted lines mark each feature's predicted learning time ≈ ln(1/(rε))/(p r), the moment r·f(u_j) reaches 1; halve a frequency and its time doubles. " +
      "(The 60 points that carry no feature keep f = 0, so the training error stays at 0.3.)",
    config: {
      name: "C5 feature frequency",
      seed: 5,
      data: {
        kind: "features",
        n: 200,
        features: [
          { name: "A", norm: 1, frequency: 0.4 },
          { name: "B", norm: 1, frequency: 0.2 },
          { name: "C", norm: 1, frequency: 0.1 },
        ],
        carriers: "disjoint",
        noiseDims: 0,
        noiseStd: 0,
      },
      model: { hidden: [3], activation: "linear", bias: false, diagonalLayers: [0] },
      // Balanced chains a_j = v_j = 0.1: every feature starts at strength ε = 0.01 (THEORY.md §5's mode).
      init: {
        scheme: "explicit",
        weights: [
          {
            W: [
              [0.1, 0, 0],
              [0, 0.1, 0],
              [0, 0, 0.1],
            ],
          },
          { W: [[0.1, 0.1, 0.1]] },
        ],
      },
      loss: { kind: "ce", reduction: "mean" },
      optimizer: { kind: "gd", lr: 0.1 },
      train: { steps: 800 },
      probes: { schedule: { kind: "every", every: 4 }, include: [] },
    },
    view: { logY: ["modes"] },
  },
  {
    id: "c6",
    claim: "C6",
    title: "C6 · Cross-entropy vs hinge",
    watch:
      "Under hinge loss every wrong point flips in half the cross-entropy time, E(t) = ½[1 − gd(2rt)/π], and each margin stops dead at 1 in finite time. " +
      "Switch the loss to ce: margins then keep growing like ln t and never stop.",
    config: {
      name: "C6 hinge",
      seed: 6,
      data: { kind: "orthogonal", norms: ones(32), labels: "alternating" },
      model: { hidden: [32], activation: "relu", bias: false },
      init: diagonalInit(0.01),
      loss: { kind: "hinge", reduction: "sum", margin: 1 },
      optimizer: { kind: "gd", lr: 0.01 },
      train: { steps: 1000 },
      probes: { schedule: { kind: "every", every: 5 }, include: [] },
    },
  },
  {
    id: "c7",
    claim: "C7",
    title: "C7 · Gradient starvation",
    watch:
      "Feature A is in every point, B in half of them, and both predict the label perfectly: once A is learned the loss is small and B's response stops growing. " +
      "On the log y axis B stalls two orders of magnitude below A (theory: ε^{1−ρ}, ρ = p·r_B/r_A = ½); a smaller start √ε in init.weights starves it more.",
    config: {
      name: "C7 gradient starvation",
      seed: 7,
      data: {
        kind: "features",
        n: 100,
        features: [
          { name: "A", norm: 1, frequency: 1 },
          { name: "B", norm: 1, frequency: 0.5 },
        ],
        noiseDims: 0,
        noiseStd: 0,
      },
      // THEORY.md §7's diagonal linear network, balanced at u(0) = ε = 10⁻³ (√ε = 0.0316…), as in the C7 claim.
      model: { hidden: [2], activation: "linear", bias: false, diagonalLayers: [0] },
      init: {
        scheme: "explicit",
        weights: [
          {
            W: [
              [Math.sqrt(1e-3), 0],
              [0, Math.sqrt(1e-3)],
            ],
          },
          { W: [[Math.sqrt(1e-3), Math.sqrt(1e-3)]] },
        ],
      },
      loss: { kind: "ce", reduction: "mean" },
      optimizer: { kind: "gd", lr: 0.5 },
      train: { steps: 4000 },
      probes: { schedule: { kind: "log", perDecade: 40 }, include: ["test-accuracy"] },
    },
    view: { logY: ["modes"] },
  },
  {
    id: "saxe",
    claim: "Saxe",
    title: "Saxe · Linear modes under squared loss",
    watch:
      "A linear diagonal net under squared loss: each point is its own mode, and its margin rises on a sigmoid to exactly 1 and stops there, later for smaller ‖x‖ (Saxe et al.'s linear case, m' = 2rm(1 − m): time ∝ 1/r). " +
      "Switch the loss to ce and the same modes never stop growing (the paper's C2); `learndyn reproduce saxe` puts the theory over deep linear nets.",
    config: {
      name: "Saxe linear modes",
      seed: 2,
      data: { kind: "orthogonal", norms: [2, 1, 0.5], labels: "positive" },
      model: { hidden: [3], activation: "linear", bias: false, diagonalLayers: [0] },
      init: diagonalInit(0.1),
      loss: { kind: "squared", reduction: "sum" },
      optimizer: { kind: "gd", lr: 0.02 },
      train: { steps: 1500 },
      probes: { schedule: { kind: "every", every: 5 }, include: [] },
    },
    view: { logX: true },
  },
  {
    id: "implicit-bias",
    claim: "IB",
    title: "Implicit bias · CE keeps going, hinge stops",
    watch:
      "Separable blobs and a bias-free 2-layer ReLU net on cross-entropy: on the log axes the loss keeps falling like 1/t and the margins keep growing like ln t long after every point is right, while the boundary settles to the max-margin direction. " +
      "Switch the loss to hinge: once every margin passes 1 the gradient is exactly zero and everything stops (`learndyn reproduce implicit-bias` checks both against the SVM).",
    config: {
      name: "implicit bias",
      seed: 9,
      data: { kind: "blobs", n: 40, d: 2, std: 1, separation: 3, margin: 0.3, direction: "random" },
      model: { hidden: [20], activation: "relu", bias: false },
      init: { scheme: "gaussian", scale: 0.1 },
      loss: { kind: "ce", reduction: "sum" },
      optimizer: { kind: "gd", lr: 0.01 },
      train: { steps: 20000 },
      probes: { schedule: { kind: "every", every: 50 }, include: [] },
    },
    view: { logX: true },
  },
  {
    id: "moons",
    claim: "C7",
    title: "C7 · Two moons (starvation in 2-D)",
    watch:
      "The moons are separable along one axis with a small margin: the network finds that easy direction and its boundary stays almost a straight line. " +
      "Set regularization → spectral decoupling to 0.003 and watch the boundary curve around the moons instead.",
    config: {
      name: "moons",
      seed: 8,
      data: { kind: "moons", n: 300, noise: 0.1, margin: 0.1 },
      model: { hidden: [100], activation: "relu", bias: true },
      init: { scheme: "he-normal", scale: 0.1 },
      loss: { kind: "ce", reduction: "mean" },
      optimizer: { kind: "gd", lr: 0.1, momentum: 0.9 },
      train: { steps: 1000 },
      probes: { schedule: { kind: "every", every: 5 }, include: [] },
    },
  },
  {
    id: "spiral",
    claim: "—",
    title: "Playground · Spiral",
    watch:
      "A hard 2-D set: the decision boundary has to wind around twice, which takes width, depth and a bias in every layer. " +
      "Try removing a layer or the biases and watch the error plateau.",
    config: {
      name: "spiral",
      seed: 9,
      data: { kind: "playground", set: "spiral", n: 300, noise: 0 },
      model: { hidden: [32, 32], activation: "tanh", bias: true },
      init: { scheme: "xavier-normal", scale: 0.1 },
      loss: { kind: "ce", reduction: "mean" },
      optimizer: { kind: "adam", lr: 0.01 },
      train: { steps: 3000 },
      probes: { schedule: { kind: "every", every: 10 }, include: [] },
    },
  },
  {
    id: "eos",
    claim: "—",
    title: "Edge of stability · spiral",
    watch:
      "Full-batch GD at η = 0.1 on a squared loss: Cohen et al. (2021) predict that the sharpness λ_max rises until η·λ_max reaches 2 and then hovers there, while the loss keeps falling with small spikes. " +
      "No chart here draws the sharpness: the sharpness probe records η·λ_max every 20 steps into the history (History CSV, column lrSharpness: ≈ 0.9 at the start, ≈ 2 from step ~1000 on), and the status line's regime meter says the theory breaks at stability (hover it for the largest η·λ_max recorded), where GD no longer follows the gradient flow the theory solves.",
    config: {
      name: "edge of stability",
      seed: 3,
      data: { kind: "playground", set: "spiral", n: 100, noise: 0 },
      model: { hidden: [32, 32], activation: "tanh", bias: true },
      init: { scheme: "xavier-normal", scale: 1 },
      loss: { kind: "squared", reduction: "mean" },
      optimizer: { kind: "gd", lr: 0.1 },
      train: { steps: 4000 },
      probes: { schedule: { kind: "every", every: 20 }, include: ["sharpness"] },
    },
  },
  saddlePreset(),
  ...STUDY_PRESETS,
];

/** The preset with this id, or undefined. */
export function findPreset(id: string): Preset | undefined {
  return PRESETS.find((p) => p.id === id);
}
