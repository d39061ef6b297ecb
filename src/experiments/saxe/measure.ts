import { correlatedData, correlations } from "../../data/correlated.js";
import { hierarchicalData } from "../../data/hierarchical.js";
import { modeStrengths, svd } from "../../probes/svd-modes.js";
import { marginAtTime } from "../../theory/balanced-ei.js";
import { saxeDeepLearningTime, saxeDeepStrengths, saxeLearningTime } from "../../theory/saxe.js";
import { type LinearInit, trainLinear } from "./linear-net.js";
import type { SaxeSettings } from "./settings.js";

/** One net's modes over time, beside the theory. */
export interface ModeRun {
  /** Label, e.g. "D = 2, decoupled". */
  label: string;
  depth: number;
  /** Singular value per mode (or per tree level). */
  s: number[];
  /** Initial strength per mode the theory starts from. */
  u0: number[];
  t: number[];
  /** strengths[α][record] measured and by the theory. */
  strengths: number[][];
  theory: number[][];
  /** Half-times (u = s/2) measured (interpolated between records; NaN if never) and predicted. */
  halfMeasured: number[];
  halfPredicted: number[];
}

/** The ReLU mode of the paper (C1/C2: one point of norm r, CE) beside the linear mode of s = r. */
export interface ReluContrast {
  r: number;
  m0: number;
  t: number[];
  /** GD margin r·a·b and marginAtTime (THEORY.md §3, P5). */
  margin: number[];
  theory: number[];
}

export interface SaxeMeasurement {
  /** Decoupled runs, one per depth, on the correlated task. */
  decoupled: ModeRun[];
  /** Depth 2 from a random small start, theory restarted where each mode reaches 5 % of s. */
  random: ModeRun;
  /** Hierarchical task: singular value per level, multiplicity, decoupled and random-start level strengths. */
  tree: { levelValues: number[]; multiplicity: number[]; decoupled: ModeRun; random: ModeRun };
  relu: ReluContrast[];
}

/** First time the series crosses `level` (linear interpolation between records), NaN if never. */
export function crossingTime(t: readonly number[], y: readonly number[], level: number): number {
  if (y[0] >= level) return t[0];
  for (let i = 1; i < y.length; i++)
    if (y[i] >= level) return t[i - 1] + ((level - y[i - 1]) * (t[i] - t[i - 1])) / (y[i] - y[i - 1]);
  return Number.NaN;
}

interface Task {
  xx: Float64Array;
  yx: Float64Array;
  inputs: number;
  outputs: number;
  u: Float64Array;
  v: Float64Array;
  /** Mode groups: indices of the singular vectors averaged into one strength (one per level, or each alone). */
  groups: number[][];
  s: number[];
}

function runModes(
  task: Task,
  depth: number,
  init: LinearInit,
  s: SaxeSettings,
  seed: number,
  label: string,
): ModeRun {
  const u0 = init.kind === "decoupled" ? init.a0 ** depth : Number.NaN;
  const horizon = Math.max(
    ...task.s.map((sv) =>
      saxeDeepLearningTime(
        { s: sv, u0: init.kind === "decoupled" ? u0 : s.randomScale ** 2, depth },
        s.endFraction,
      ),
    ),
  );
  const steps = Math.ceil((1.3 * horizon) / s.lr);
  const run = trainLinear({ ...task, hidden: s.hidden, depth, init, lr: s.lr, steps, every: s.every, seed });
  const all = run.maps.map((w) => modeStrengths(w, task.outputs, task.inputs, task.u, task.v));
  const strengths = task.groups.map((g) => all.map((m) => g.reduce((a, j) => a + m[j], 0) / g.length));
  const halfMeasured = strengths.map((y, a) => crossingTime(run.t, y, task.s[a] / 2));
  if (init.kind === "decoupled") {
    const p = (a: number) => ({ s: task.s[a], u0, depth });
    return {
      label,
      depth,
      s: task.s,
      u0: task.s.map(() => u0),
      t: run.t,
      strengths,
      theory: task.s.map((_, a) => saxeDeepStrengths(run.t, p(a))),
      halfMeasured,
      halfPredicted: task.s.map((_, a) => saxeDeepLearningTime(p(a))),
    };
  }
  // Random start: no closed form before the modes align, so the theory starts at the measured state the
  // first time the mode reaches 5 % of s (depth 2 only: the closed form shifted to that time).
  const starts = strengths.map((y, a) => crossingTime(run.t, y, 0.05 * task.s[a]));
  return {
    label,
    depth,
    s: task.s,
    u0: task.s.map((sv) => 0.05 * sv),
    t: run.t,
    strengths,
    theory: task.s.map((sv, a) =>
      run.t.map((t) =>
        t < starts[a] ? Number.NaN : saxeDeepStrengths([t - starts[a]], { s: sv, u0: 0.05 * sv, depth })[0],
      ),
    ),
    halfMeasured,
    halfPredicted: task.s.map((sv, a) => starts[a] + saxeLearningTime({ s: sv, u0: 0.05 * sv })),
  };
}

/** Groups equal singular values (relative 1e-8) into levels, largest first; drops zeros. */
function levelsOf(values: number[]): { groups: number[][]; s: number[] } {
  const groups: number[][] = [];
  const s: number[] = [];
  values.forEach((v, j) => {
    if (v <= 1e-9 * values[0]) return;
    const last = s.length - 1;
    if (last >= 0 && Math.abs(v - s[last]) <= 1e-8 * s[last]) groups[last].push(j);
    else {
      groups.push([j]);
      s.push(v);
    }
  });
  return { groups, s };
}

/** GD on the paper's balanced ReLU mode: f = b·relu(a r), summed CE on one positive point. */
function reluMode(r: number, m0: number, lr: number, steps: number): ReluContrast {
  // Balanced a = b with r·a² = m0: the same start as the linear mode it is drawn beside.
  let a = Math.sqrt(m0 / r);
  let b = a;
  const out: ReluContrast = { r, m0, t: [], margin: [], theory: [] };
  // ~80 records log-spaced in steps: the figure is on log time.
  const records = new Set([0, ...Array.from({ length: 80 }, (_, i) => Math.round(steps ** ((i + 1) / 80)))]);
  for (let k = 0; k <= steps; k++) {
    const f = b * Math.max(0, a * r);
    if (records.has(k)) {
      out.t.push(lr * k);
      out.margin.push(f);
      out.theory.push(marginAtTime(lr * k, out.m0, r));
    }
    const g = 1 / (1 + Math.exp(f)); // −∂ℓ/∂f
    const da = a * r > 0 ? g * b * r : 0;
    const db = g * Math.max(0, a * r);
    a += lr * da;
    b += lr * db;
  }
  return out;
}

/** The study: decoupled runs per depth, a random start, the tree, and the ReLU contrast. */
export function measureSaxe(s: SaxeSettings, seed: number): SaxeMeasurement {
  const data = correlatedData({
    singularValues: s.singularValues,
    inputs: s.inputs,
    outputs: s.outputs,
    seed: seed + s.seed,
  });
  const c = correlations(data.x, data.y, data.count, data.inputs, data.outputs);
  const k = s.singularValues.length;
  const task: Task = {
    ...c,
    inputs: data.inputs,
    outputs: data.outputs,
    u: data.u,
    v: data.v,
    groups: Array.from({ length: k }, (_, j) => [j]),
    s: data.singularValues,
  };
  const decoupled = s.depths.map((D) =>
    runModes(task, D, { kind: "decoupled", a0: s.a0 }, s, seed + s.seed, `D = ${D}`),
  );
  const random = runModes(
    task,
    2,
    { kind: "random", scale: s.randomScale },
    s,
    seed + s.seed + 1,
    "D = 2, random start",
  );

  const tree = hierarchicalData(s.tree);
  const tc = correlations(tree.x, tree.y, tree.count, tree.inputs, tree.outputs);
  const ts = svd(tc.yx, tree.outputs, tree.inputs);
  const lv = levelsOf(ts.values);
  // Only the non-zero modes: the decoupled start puts a0 on each mode it is given.
  const rank = lv.groups.reduce((a, g) => a + g.length, 0);
  const treeTask: Task = {
    ...tc,
    inputs: tree.inputs,
    outputs: tree.outputs,
    u: ts.u.slice(0, rank * tree.outputs),
    v: ts.v.slice(0, rank * tree.inputs),
    ...lv,
  };
  const treeHidden = { ...s, hidden: Math.max(s.hidden, rank) };
  const treeDecoupled = runModes(
    treeTask,
    2,
    { kind: "decoupled", a0: s.a0 },
    treeHidden,
    seed + s.seed,
    "tree, decoupled",
  );
  const treeRandom = runModes(
    treeTask,
    2,
    { kind: "random", scale: s.randomScale },
    treeHidden,
    seed + s.seed + 2,
    "tree, random start",
  );

  const tEnd = decoupled[0].t[decoupled[0].t.length - 1];
  const relu = s.singularValues.map((r) => reluMode(r, s.a0 ** 2, s.lr, Math.ceil((8 * tEnd) / s.lr)));
  return {
    decoupled,
    random,
    tree: {
      levelValues: lv.s,
      multiplicity: lv.groups.map((g) => g.length),
      decoupled: treeDecoupled,
      random: treeRandom,
    },
    relu,
  };
}
