/**
 * What the theory predicts for the run being watched, when the run is in a setting the theory covers.
 * Computed once per run in the worker (ODE solves would block the page) from the run's own initial
 * weights, with the closed forms and mode solver of src/theory. The lab only draws it.
 */
import type { RegimeVerdict, RunConfig } from "../../../src/index.js";
import { errorCurve, simulateMode } from "../../../src/index.js";
import type { FeatureTime } from "./feature-times.js";
import type { DataInfo, LabExtra } from "./run-types.js";
import { type ToyOverlay, toyOverlay } from "./toy-overlay.js";

/** Theory curves for the lab's views. Empty arrays where the theory does not apply; `notes` say why. */
export interface TheoryOverlay {
  /** Times at which the curves are given. */
  t: number[];
  /** Per mode k (unit k on point k): predicted margin m_k(t), a_k(t) and y·b_k(t). */
  modes: { k: number; m: number[]; a: number[]; yb: number[] }[];
  /** Predicted training error of this very initialization: fraction of modes with m ≤ 0. */
  error: number[] | null;
  /** The population error curve E(t) = mean_k ½[1 − gd(c r_k t)/π] (P8), when the init is the theory's. */
  errorPopulation: number[] | null;
  /** Short statements of what is overlaid, or why nothing is. */
  notes: string[];
  /** Features data where each feature is its own mode: each one's predicted learning time (C5, P10). */
  featureTimes?: FeatureTime[];
  /** Two-point-toy data: the exact minimiser z* of the run's objective, or why there is none. */
  toy?: ToyOverlay;
}

/** Why the exact mode theory does not apply to a config, or "" when it does. */
export function modeTheoryGap(config: RunConfig, info: DataInfo): string {
  const gaps: string[] = [];
  if (config.data.kind !== "orthogonal") gaps.push("data are not orthogonal points");
  if (config.model.hidden.length !== 1) gaps.push("the net does not have exactly one hidden layer");
  else if (config.model.hidden[0] < info.n) gaps.push("fewer hidden units than points");
  if (config.model.activation !== "relu") gaps.push("activation is not relu");
  if (config.model.bias) gaps.push("biases are on");
  if (config.loss.kind === "squared") gaps.push("squared loss");
  if (config.optimizer.kind !== "gd" || config.optimizer.momentum > 0 || config.optimizer.weightDecay > 0)
    gaps.push("optimizer is not plain gradient descent");
  if (config.regularization.spectralDecoupling > 0) gaps.push("spectral decoupling is on");
  const init = config.init;
  const first = "layers" in init && init.layers ? init.layers[0] : init;
  if (init.scheme === "explicit" || first.scheme !== "diagonal") gaps.push("first layer is not diagonal");
  return gaps.join(", ");
}

function times(T: number): number[] {
  const out = new Set<number>([0]);
  const lin = 120;
  for (let i = 1; i <= lin; i++) out.add((T * i) / lin);
  for (let i = 0; i <= 80; i++) out.add(T * 10 ** (-4 + (4 * i) / 80));
  return [...out].sort((a, b) => a - b);
}

/** The overlay for a run, given its data and the views' measurements at step 0. */
export function theoryOverlay(
  config: RunConfig,
  info: DataInfo,
  first: Pick<LabExtra, "a" | "yb"> | undefined,
  regime?: RegimeVerdict,
): TheoryOverlay {
  const T = config.optimizer.lr * config.train.steps;
  const empty: TheoryOverlay = { t: [], modes: [], error: null, errorPopulation: null, notes: [] };
  const toy = toyOverlay(config);
  if (toy) return { ...empty, toy };
  const gap = modeTheoryGap(config, info);
  if (gap) {
    empty.notes.push(
      `No closed-form overlay: ${gap}. The theory's exact setting is orthogonal points, one hidden ReLU layer with diagonal init, CE or hinge, plain GD.`,
    );
    return empty;
  }
  // GD off the flow (src/regime): a flow curve would show what this run does not do.
  const offFlow = regime?.checks.filter(
    (c) => (c.id === "flowStep" || c.id === "stability") && c.holds === false,
  );
  if (offFlow?.length) {
    empty.notes.push(
      `No theory overlay: gradient descent leaves the gradient flow here. ${offFlow.map((c) => c.why).join(". ")}.`,
    );
    return empty;
  }
  const largeInit = regime?.checks.find((c) => c.id === "initScale" && c.holds === false);
  if (!(T > 0)) return empty;
  const t = times(T);
  const loss = config.loss.kind as "ce" | "hinge";
  const weight = config.loss.reduction === "mean" ? 1 / info.n : 1;
  const out: TheoryOverlay = { t, modes: [], error: null, errorPopulation: null, notes: [] };
  if (first?.a && first.yb && first.a.length === Math.min(info.n, first.a.length)) {
    for (let k = 0; k < first.a.length; k++) {
      const y = info.labels[k] > 0 ? 1 : -1;
      const b0 = y * first.yb[k];
      const traj = simulateMode(
        first.a[k],
        b0,
        { r: info.norms[k], y: y as 1 | -1, loss, margin: config.loss.margin, weight },
        t,
        { rtol: 1e-8, atol: 1e-12 },
      );
      out.modes.push({ k, m: traj.m, a: traj.a, yb: traj.b.map((b) => y * b) });
    }
    if (out.modes.length === info.n) {
      out.error = t.map((_, i) => out.modes.filter((md) => md.m[i] <= 0).length / info.n);
      out.notes.push(
        "Orange dashed: each mode's gradient-flow solution from this run's own initial (a, b) (THEORY.md §2).",
      );
    }
  }
  const init = config.init;
  const layers = "layers" in init && init.layers ? init.layers : null;
  const diag = layers ? layers[0].diagonal : "diagonal" in init ? init.diagonal : undefined;
  const gaussianB = layers ? layers[1]?.scheme === "gaussian" : false;
  const balanced = "balanced" in init && init.balanced;
  if (diag && gaussianB && !balanced && largeInit) {
    out.notes.push(`No population error curve (P8 is a small-init result): ${largeInit.why}.`);
  } else if (diag && gaussianB && !balanced) {
    // P8: E(t) = mean over points of ½[1 − gd(c r t)/π], c = 1 (CE) or 2 (hinge), time scaled by 1/n for a mean loss.
    const aInit = diag === "half-normal" ? "halfNormal" : "gaussian";
    out.errorPopulation = t.map((s) => errorCurve(s * weight, info.norms, { loss, aInit }));
    out.notes.push(
      `Green dashed: the population error curve E(t) = ½[1 − gd(‖x‖t)/π]${aInit === "gaussian" ? " (Gaussian a: ½ + ½E)" : ""} (P8; hinge: gd(2‖x‖t)).`,
    );
  }
  return out;
}
