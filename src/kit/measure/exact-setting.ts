import type { RunConfigInput } from "../../config/run-config.js";

/** The theory's exact setting (THEORY.md §1–2): one ReLU unit per orthogonal point, diagonal weights. */
export interface ExactSettingOptions {
  /** Norm r_k of each point x_k = r_k e_k. */
  norms: number[];
  /** Label y_k (±1) of each point. */
  labels: number[];
  /** First-layer diagonal a_k (a_k ≤ 0 means the unit is dead on its point). */
  a: number[];
  /** Output weights b_k. */
  b: number[];
  /** Loss kind (default "ce"). */
  loss?: "ce" | "hinge" | "squared";
  /** Hidden activation (default "relu"; "linear" shows the coupled contrast). */
  activation?: "relu" | "linear" | "tanh" | "leaky-relu";
  /** Learning rate (default 0.01): with the summed loss, t = lr × steps. */
  lr?: number;
  /** Number of GD steps. */
  steps: number;
  /** Records per decade of steps (log schedule), or every k steps when `every` is set. */
  perDecade?: number;
  every?: number;
  /** Probes to record (default diagonal modes, margins, conserved). */
  probes?: string[];
  /** Seed (only matters for ties; the setting itself is deterministic). */
  seed?: number;
}

/**
 * A run config for a 2-layer bias-free net on orthogonal points with W₁ = diag(a) and w₂ = b, written as
 * explicit weights so each point k is mode (a_k, b_k) of THEORY.md §2 with exactly the given start.
 */
export function exactSettingConfig(o: ExactSettingOptions): RunConfigInput {
  const n = o.norms.length;
  if (o.labels.length !== n || o.a.length !== n || o.b.length !== n) {
    throw new Error(`exact setting: norms, labels, a and b must have the same length (${n})`);
  }
  const W = o.a.map((ak, k) => {
    const row = new Array<number>(n).fill(0);
    row[k] = ak;
    return row;
  });
  return {
    seed: o.seed ?? 0,
    data: { kind: "orthogonal", norms: o.norms, labels: o.labels as (1 | -1)[] },
    model: { hidden: [n], activation: o.activation ?? "relu", bias: false },
    init: { scheme: "explicit", weights: [{ W }, { W: [o.b] }] },
    loss: { kind: o.loss ?? "ce", reduction: "sum", margin: 1 },
    optimizer: { kind: "gd", lr: o.lr ?? 0.01 },
    train: { steps: o.steps },
    probes: {
      schedule: o.every ? { kind: "every", every: o.every } : { kind: "log", perDecade: o.perDecade ?? 40 },
      include: o.probes ?? ["diagonal-modes", "margins", "conserved"],
    },
  };
}

/**
 * A deep chain (THEORY.md §4): depth D = a.length layers of one unit each on one point of norm r; the
 * first D−1 weights are the positive a_l, the last carries the sign. One config per point; for many
 * points at once use orthogonal data with diagonal layers (`deepExactSettingConfig`).
 */
export function deepExactSettingConfig(o: {
  norms: number[];
  labels: number[];
  /** layers[l][k]: weight of layer l for point k (l < D−1 diagonal, the last is the output row). */
  layers: number[][];
  loss?: "ce" | "hinge";
  lr?: number;
  steps: number;
  perDecade?: number;
  probes?: string[];
}): RunConfigInput {
  const n = o.norms.length;
  const D = o.layers.length;
  if (D < 2) throw new Error("deep exact setting: need at least 2 layers");
  const weights = o.layers.map((values, l) => {
    if (values.length !== n) throw new Error(`deep exact setting: layers[${l}] needs ${n} values`);
    if (l === D - 1) return { W: [values] };
    return {
      W: values.map((v, k) => {
        const row = new Array<number>(n).fill(0);
        row[k] = v;
        return row;
      }),
    };
  });
  return {
    data: { kind: "orthogonal", norms: o.norms, labels: o.labels as (1 | -1)[] },
    model: { hidden: new Array<number>(D - 1).fill(n), activation: "relu", bias: false },
    init: { scheme: "explicit", weights },
    loss: { kind: o.loss ?? "ce", reduction: "sum", margin: 1 },
    optimizer: { kind: "gd", lr: o.lr ?? 0.01 },
    train: { steps: o.steps },
    probes: { schedule: { kind: "log", perDecade: o.perDecade ?? 40 }, include: o.probes ?? ["margins"] },
  };
}
