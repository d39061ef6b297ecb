import { parseSweepSpec, type SweepSpec, type SweepSpecInput } from "./spec.js";

/**
 * Built-in sweeps for the claims of THEORY.md: the failure phase diagram (C3, P7) and its depth-D version
 * (P9), time to learn vs norm × frequency (C4, C5, P10) and the starvation exponent (C7, P11).
 * Sizes are chosen so each runs in about a minute or less on 2 cores.
 */

/** A built-in sweep. */
export interface BuiltinSweep {
  /** Name for `learndyn sweep --builtin NAME`. */
  name: string;
  /** One line for the help. */
  description: string;
  /** The spec. */
  spec: SweepSpecInput;
}

/** THEORY.md §4: one ReLU unit on one point (y = +1, ‖x‖ = 1); fails iff a0 ≤ 0 or b0 < −a0. */
function failure2(): SweepSpecInput {
  return {
    name: "failure",
    description:
      "THEORY §4 (C3, P7): one ReLU unit, one point x = e1 with y = +1, start (a0, b0); training fails iff a0 ≤ 0 or b0 < −a0",
    base: {
      data: { kind: "orthogonal", norms: [1], labels: "positive" },
      model: { hidden: [1], activation: "relu", bias: false },
      init: { scheme: "explicit", weights: [{ W: [[0.5]] }, { W: [[0.5]] }] },
      loss: { kind: "ce", reduction: "sum" },
      optimizer: { kind: "gd", lr: 0.05 },
      train: { steps: 2000 },
      probes: { schedule: { kind: "log", perDecade: 10 }, include: ["margins"] },
    },
    // a0 on odd multiples of 0.025, b0 on multiples of 0.05: no point sits on the separatrix b0 = −a0.
    axes: [
      { name: "a0", field: "init.weights.0.W.0.0", range: { from: -1.175, to: 1.175, count: 48 } },
      { name: "b0", field: "init.weights.1.W.0.0", range: { from: -1.2, to: 1.2, count: 49 } },
    ],
    seeds: 1,
    keep: { scalars: ["error", "marginMin", "loss"], history: false },
    report: {
      heatmaps: [
        {
          x: "a0",
          y: "b0",
          value: "error",
          title: "Final error over the start (a0, b0): fails iff a0 ≤ 0 or b0 < −a0",
        },
        { x: "a0", y: "b0", value: "marginMin", title: "Final margin over (a0, b0)", center: 0 },
      ],
      scaling: [],
    },
  };
}

/**
 * THEORY.md §4 refined adaptively (`sweep --adaptive`): the failure unit over a0 > 0, where the only
 * boundary is the separatrix b0 = −a0. b0 starts at −1.24 so no lattice point at any level sits on it
 * (a0 + b0 = −1.19 + k·0.2/2^level is never 0).
 */
function failureAdaptive(): SweepSpecInput {
  const flat = failure2();
  return {
    ...flat,
    name: "failure-adaptive",
    description:
      "THEORY §4 (C3, P7) adaptively: the failure unit over a0 in [0.05, 1.25], b0 in [-1.24, 0.76], cells split near the boundary to 1/320; theory: fails iff b0 < −a0",
    axes: [
      { name: "a0", field: "init.weights.0.W.0.0", range: { from: 0.05, to: 1.25, count: 7 } },
      { name: "b0", field: "init.weights.1.W.0.0", range: { from: -1.24, to: 0.76, count: 11 } },
    ],
    report: undefined,
    adaptive: {
      resolution: 0.2 / 64,
      outcome: { scalar: "error", cuts: [0.5], labels: ["learned", "failed"] },
      theory: [{ slope: -1, intercept: 0, label: "theory (§4): b0 = −a0" }],
    },
  };
}

/** THEORY.md §4, depth D: chain a_1..a_{D−1} > 0 and a_D; recovers iff |a_D| < min a_l. */
function failureDepth(depth: number): SweepSpecInput {
  const hidden = Array.from({ length: depth - 1 }, () => 1);
  const weights = Array.from({ length: depth }, () => ({ W: [[0.5]] }));
  const chain = hidden.map((_, l) => `init.weights.${l}.W.0.0`);
  return {
    name: `failure-depth${depth}`,
    description: `THEORY §4 (P9): a depth-${depth} chain of single ReLU units on one point (y = +1); a_1 = a, a_l = a·(1 + l/2) for l < ${depth}, so min a_l = a; a wrong start recovers iff a_D > −a`,
    base: {
      data: { kind: "orthogonal", norms: [1], labels: "positive" },
      model: { hidden, activation: "relu", bias: false },
      init: { scheme: "explicit", weights },
      loss: { kind: "ce", reduction: "sum" },
      optimizer: { kind: "gd", lr: 0.05 },
      train: { steps: 2000 },
      probes: { schedule: { kind: "log", perDecade: 10 }, include: ["margins"] },
    },
    axes: [
      {
        name: "a",
        fields: chain,
        derive: chain.map((_, l) => ({ times: 1 + l / 2 })),
        range: { from: 0.05, to: 1.15, count: 12 },
      },
      { name: "aD", field: `init.weights.${depth - 1}.W.0.0`, range: { from: -1.2, to: 1.2, count: 25 } },
    ],
    seeds: 1,
    keep: { scalars: ["error", "marginMin", "loss"], history: false },
    report: {
      heatmaps: [
        {
          x: "a",
          y: "aD",
          value: "error",
          title: `Depth ${depth}: final error over (min a_l, a_D): fails iff a_D < −min a_l`,
        },
      ],
      scaling: [],
    },
  };
}

/** THEORY.md §5: one feature of norm r in a fraction p of the points; time until its margins reach ≈ 1. */
function timeToLearn(): SweepSpecInput {
  // Mean loss: (1−p)·ln 2 from the points without the feature (logit 0) + p·ln(1+e^{−m}) from its carriers;
  // stop once the carriers' loss is that of margin 1.
  const ln2 = Math.log(2);
  const atMargin1 = Math.log(1 + Math.exp(-1));
  return {
    name: "time-to-learn",
    description:
      "THEORY §5 (C4, C5, P10): time for a feature of norm r in a fraction p of the points to be learned (its margins ≈ 1); t ∝ 1/(p·r) up to a log factor",
    base: {
      data: { kind: "features", n: 80, features: [{ name: "A", norm: 1, frequency: 1 }] },
      model: { hidden: [10], activation: "relu", bias: false },
      init: { scheme: "gaussian", scale: 0.01 },
      loss: { kind: "ce", reduction: "mean" },
      optimizer: { kind: "gd", lr: 0.05 },
      train: { steps: 40000, stop: { targetLoss: atMargin1 } },
      probes: { schedule: { kind: "log", perDecade: 10 }, include: [] },
    },
    axes: [
      { name: "norm", field: "data.features.0.norm", range: { from: 0.25, to: 4, count: 5, scale: "log" } },
      {
        name: "frequency",
        fields: ["data.features.0.frequency", "train.stop.targetLoss"],
        derive: [{}, { times: -(ln2 - atMargin1), plus: ln2 }],
        values: [0.0625, 0.125, 0.25, 0.5, 1],
      },
    ],
    seeds: 4,
    keep: { scalars: ["t", "steps", "loss", "error"], history: { points: 40 } },
    report: {
      heatmaps: [
        {
          x: "norm",
          y: "frequency",
          value: "t",
          title: "Time to learn a feature over (norm r, frequency p)",
        },
      ],
      scaling: [
        {
          x: ["norm", "frequency"],
          xTitle: "p · r (frequency × norm)",
          y: "t",
          title: "Time to learn vs p·r",
          expectedSlope: "theory: slope ≈ −1 (t ≈ ln(1/(rε))/(p·r))",
        },
      ],
    },
  };
}

/** THEORY.md §7: rare feature B (frequency ρ) vs init strength ε; u_B ∝ ε^{1−ρ}. */
function starvation(): SweepSpecInput {
  // THEORY §7's model: a diagonal linear network (model.diagonalLayers), one pair of weights per feature,
  // a_j = b_j = √ε so each mode u_j = a_j·b_j starts at strength ε. A dense first layer would let A's unit
  // learn along B and no starvation would show (measured: slope ≈ 0 instead of 1 − ρ).
  const fields = [
    "init.weights.0.W.0.0",
    "init.weights.0.W.1.1",
    "init.weights.1.W.0.0",
    "init.weights.1.W.0.1",
  ];
  return {
    name: "starvation",
    description:
      "THEORY §7 (C7, P11): A in every point, B in a fraction ρ; diagonal linear net, modes start at ε; u_B ∝ ε^{1−ρ}",
    base: {
      data: {
        kind: "features",
        n: 100,
        features: [
          { name: "A", norm: 1, frequency: 1 },
          { name: "B", norm: 1, frequency: 0.5 },
        ],
      },
      model: { hidden: [2], activation: "linear", bias: false, diagonalLayers: [0] },
      init: {
        scheme: "explicit",
        weights: [
          {
            W: [
              [0.1, 0],
              [0, 0.1],
            ],
          },
          { W: [[0.1, 0.1]] },
        ],
      },
      loss: { kind: "ce", reduction: "mean" },
      optimizer: { kind: "gd", lr: 0.1 },
      train: { steps: 3000 },
      probes: { schedule: { kind: "log", perDecade: 10 }, include: ["feature-responses", "test-accuracy"] },
    },
    axes: [
      { name: "rho", field: "data.features.1.frequency", values: [0.2, 0.35, 0.5] },
      {
        name: "eps",
        fields,
        derive: fields.map(() => ({ power: 0.5 })),
        range: { from: 1e-8, to: 1e-2, count: 4, scale: "log" },
      },
    ],
    seeds: 2,
    keep: {
      scalars: ["response.0", "response.1", "accuracy:B-only", "loss", "error"],
      history: { points: 40 },
    },
    report: {
      heatmaps: [],
      scaling: [
        {
          x: "eps",
          y: "response.1",
          by: "rho",
          xTitle: "ε (initial mode strength)",
          yTitle: "u_B = f(e_B) after training",
          title: "Rare feature's final strength u_B vs init strength ε",
          expectedSlope: "theory: slope 1 − ρ (P11)",
        },
      ],
    },
  };
}

/** Every built-in sweep. */
export const BUILTIN_SWEEPS: readonly BuiltinSweep[] = [
  failure2(),
  failureAdaptive(),
  failureDepth(3),
  timeToLearn(),
  starvation(),
].map((spec) => ({ name: spec.name, description: spec.description ?? "", spec }));

/** The validated spec of a built-in sweep; throws listing the names when unknown. */
export function builtinSweep(name: string): SweepSpec {
  const found = BUILTIN_SWEEPS.find((b) => b.name === name);
  if (!found) {
    throw new Error(
      `no built-in sweep "${name}"; built-ins: ${BUILTIN_SWEEPS.map((b) => b.name).join(", ")}`,
    );
  }
  return parseSweepSpec(found.spec, `built-in sweep ${name}`);
}
