/**
 * The a-priori checks of the regime meter: what the config, the data and the initial weights decide
 * (the optimizer, the step against the flow's time scale, λ_max, the init scale, the geometry of inputs
 * and units). Each cites the part of docs/THEORY.md that needs it.
 */
import type { RunConfig } from "../config/run-config.js";
import type { Dataset } from "../data/dataset.js";
import type { MlpSpec } from "../engine/mlp.js";
import { atMost, type RegimeCheck, show, unmeasured } from "./check.js";
import { maxAbsLogit } from "./curvature.js";
import type { InputGeometry } from "./geometry.js";
import { firstLayer, offDiagonalShare } from "./modes.js";

/** The largest learning rate the run uses (the constant, or the largest value of its schedule). */
export function largestLr(config: RunConfig): number {
  const s = config.schedules?.lr;
  return s ? Math.max(...s.values) : config.optimizer.lr;
}

const FLOW = "gradient descent stays on the gradient flow the theory solves";

/** Plain full-batch GD without momentum or weight decay discretizes the flow θ' = −∇L. */
export function optimizerCheck(config: RunConfig): RegimeCheck {
  const o = config.optimizer;
  const problems: string[] = [];
  if (o.kind === "adam")
    problems.push("Adam rescales every coordinate's step, so it follows no gradient flow");
  if (o.kind === "sgd" && o.batchSize !== null)
    problems.push(`minibatches of ${o.batchSize}: the flow describes the mean gradient, not each step`);
  if (o.momentum > 0) problems.push(`momentum ${o.momentum}: heavy-ball dynamics, a second-order ODE`);
  if (o.weightDecay > 0) problems.push(`weight decay ${o.weightDecay}: the flow of a different objective`);
  const batch = o.kind === "sgd" && o.batchSize !== null ? `, batch ${o.batchSize}` : "";
  return {
    id: "optimizer",
    assumption: "full-batch gradient descent (θ ← θ − η∇L), the flow's discretization",
    quantity: `optimizer ${o.kind}${batch}${o.momentum > 0 ? `, momentum ${o.momentum}` : ""}`,
    value: null,
    bound: null,
    holds: problems.length === 0,
    why: problems.length ? problems.join("; ") : "plain gradient descent",
  };
}

/**
 * The step against the flow's time scale. On one mode (a, b) of norm r a GD step multiplies the conserved
 * a² − b² by exactly 1 − (η r σ(−m))², σ(−m) ≤ 1: below η r = 1 its sign, hence every mode's fate
 * (THEORY.md §4), is the flow's; above, one step can carry a unit the flow recovers across a = 0. For
 * dense inputs the same bound holds for η·max_i Σ_k |x_i·x_k|/‖x_i‖ (the pre-activation's move per step in
 * units of the weight along x_i); η is divided by the batch under a mean loss.
 */
export function flowStepCheck(config: RunConfig, data: Dataset, g: InputGeometry): RegimeCheck {
  const lr = largestLr(config);
  const batch = config.optimizer.kind === "gd" ? data.n : Math.min(data.n, config.optimizer.batchSize ?? 32);
  const perPoint = config.loss.reduction === "mean" ? lr / batch : lr;
  const orthogonal = g.maxCos === 0;
  const eta = config.loss.reduction === "mean" ? `η/${batch}` : "η";
  const quantity = orthogonal ? `${eta}·max‖x‖` : `${eta}·max_i Σ_k|x_i·x_k|/‖x_i‖`;
  const value = perPoint * (orthogonal ? g.maxNorm : g.flowRow);
  return atMost(
    "flowStep",
    `${FLOW}: the step is small against the modes' time scale 1/‖x‖`,
    quantity,
    value,
    1,
    `${quantity} = ${show(value)} ≤ 1: no single step can change a mode's fate (a² − b² keeps its sign)`,
    `${quantity} = ${show(value)} > 1: a GD step multiplies a mode's a² − b² by 1 − (η‖x‖σ(−m))², which turns negative, so a unit the flow recovers can be killed in one step (in raw weights the pre-activation moves by η‖x‖²|b|σ per step against its size ‖x‖·a)`,
  );
}

/**
 * η·λ_max against 1: along the top Hessian direction a GD step multiplies the deviation by 1 − ηλ, which
 * keeps the flow's sign only below 1 and is unstable above 2 (where full-batch GD sits at the edge of
 * stability, ηλ ≈ 2: Cohen et al. 2021). The largest of the meter's own measurements and the recorded
 * sharpness probe's.
 */
export function stabilityCheck(
  config: RunConfig,
  measured: { at: string; value: number }[],
  recorded: { value: number; step: number } | null,
  overBudget: boolean,
): RegimeCheck {
  const assumption = `${FLOW}: η·λ_max(Hessian) ≤ 1`;
  if (config.optimizer.kind === "adam")
    return unmeasured(
      "stability",
      assumption,
      "η·λ_max",
      "Adam's steps are preconditioned: η·λ_max has no fixed bound",
    );
  const lr = largestLr(config);
  const candidates = measured.map((m) => ({ value: lr * m.value, at: `at ${m.at}` }));
  if (recorded) candidates.push({ value: recorded.value, at: `recorded at step ${recorded.step}` });
  if (!candidates.length)
    return unmeasured(
      "stability",
      assumption,
      "η·λ_max",
      overBudget
        ? "n × parameters is above the meter's budget for measuring λ_max; include the sharpness probe to record it"
        : "no parameters to measure",
    );
  const top = candidates.reduce((a, b) => (b.value > a.value ? b : a));
  const v = show(top.value);
  return atMost(
    "stability",
    assumption,
    "η·λ_max",
    top.value,
    1,
    `η·λ_max = ${v} (${top.at}) ≤ 1: steps keep the flow's direction along every Hessian eigenvector`,
    top.value > 2
      ? `η·λ_max = ${v} (${top.at}) > 2: GD is unstable along the top Hessian direction (the edge of stability: it oscillates and self-stabilises at ηλ ≈ 2 instead of following the flow)`
      : `η·λ_max = ${v} (${top.at}) in (1, 2]: GD overshoots and oscillates along the top Hessian direction, which no gradient flow does`,
  );
}

/** Small init: σ(−m) ≈ ½ until a mode flips (P3, P4 and §5's times need it; THEORY.md §9.1). */
export function initScaleCheck(
  config: RunConfig,
  spec: MlpSpec,
  initial: Float64Array,
  data: Dataset,
): RegimeCheck {
  const value = maxAbsLogit(spec, initial, data);
  const scale = "scale" in config.init ? ` (init.scale ${show(config.init.scale)})` : "";
  return atMost(
    "initScale",
    "small initialization: |f(x)| ≪ 1 at init, so σ(−m) ≈ ½ until a mode flips",
    "max|f(x)| at init",
    value,
    0.1,
    `max|f(x)| = ${show(value)} at init${scale} ≤ 0.1: σ(−m) within 2.5% of ½, the small-init regime of P3, P4 and §5`,
    `max|f(x)| = ${show(value)} at init${scale} > 0.1: outside the small-init regime; the closed-form flip and learning times (P3, P4, P10) are off (THEORY.md §9.1: the CE flip time is 0.924 of the closed form at scale 1, 0.52 at 10)`,
  );
}

function diagonalFirst(spec: MlpSpec): boolean {
  return (spec.diagonalLayers ?? []).includes(0);
}

/**
 * Orthogonal inputs: unit k never fires on x_j (§2). A diagonal first layer makes orthogonality
 * unnecessary but not everything: its coordinates are the modes only when each is one of the theory's
 * features (§5, §7), entering its points with one sign against the label; see {@link diagonalInputsCheck}.
 */
export function inputsCheck(spec: MlpSpec, g: InputGeometry): RegimeCheck {
  const assumption = "independent modes: orthogonal inputs, or a diagonal first layer";
  const sampled = g.sampled < 2 ? "" : ` (over ${g.sampled} points)`;
  if (diagonalFirst(spec)) return diagonalInputsCheck(spec, g, sampled);
  return atMost(
    "inputs",
    assumption,
    "max|cos(x_i, x_j)|",
    g.maxCos,
    1e-12,
    `orthogonal inputs${sampled}: each point has its own mode (THEORY.md §2)`,
    `inputs are not orthogonal: max|cos(x_i, x_j)| = ${show(g.maxCos)}${sampled}, so a unit's weights move along every point it fires on and the per-point modes are coupled`,
  );
}

/**
 * Bound on the coupled share of a coordinate's drive (geometry.ts, labelSignMixing). §5's learning time
 * ln(1/(rε))/(p r) is inversely proportional to the net drive p·r, so a share q of the drive that other
 * modes can switch off or reverse moves that time by up to a factor 1/(1 − q) and more once the coupled
 * points are learned: at 0.1 the closed form is good to ~10%, the scale of the per-feature checks.
 */
const MIXING_BOUND = 0.1;

/**
 * Diagonal first layer: coordinate k has its own parameters, but the loss still couples the coordinates
 * through every point that carries several of them. §5 and §7 cover that coupling only for features (each
 * coordinate's y·x of one sign); a coordinate whose y·x changes sign across points (Gaussian inputs,
 * noise dimensions, uncorrelated features) is driven by a sum whose terms other coordinates switch off as
 * they learn the points, so no per-coordinate law holds (a diagonal linear net there jumps saddle to
 * saddle instead: `learndyn reproduce saddle-to-saddle`). Only coordinates the layer keeps (k < min(d, h₁)).
 */
function diagonalInputsCheck(spec: MlpSpec, g: InputGeometry, sampled: string): RegimeCheck {
  const assumption =
    "independent modes: orthogonal inputs, or a diagonal first layer on features (y·x of one sign per coordinate)";
  const quantity = "opposing/net label drive max_k min(P_k, N_k)/|P_k − N_k|";
  const kept = Math.min(spec.inputDim, spec.hidden[0]);
  let worst = 0;
  let at = -1;
  let mixed = 0;
  let used = 0;
  for (let k = 0; k < kept; k++) {
    const q = g.signMixing[k];
    if (Number.isNaN(q)) continue;
    used++;
    if (q > MIXING_BOUND) mixed++;
    if (q > worst || at < 0) [worst, at] = [q, k];
  }
  if (!used)
    return unmeasured(
      "inputs",
      assumption,
      quantity,
      "every coordinate the diagonal layer keeps is zero on the data",
    );
  const overlap = `max|cos(x_i, x_j)| = ${show(g.maxCos)}${sampled}`;
  return atMost(
    "inputs",
    assumption,
    quantity,
    worst,
    MIXING_BOUND,
    `a diagonal first layer on features: every coordinate enters its points with one sign against the label (worst coupled share ${show(worst)} ≤ ${MIXING_BOUND}), so points overlap only through the loss as THEORY.md §5, §7 treat it (${overlap})`,
    `${mixed} of ${used} coordinates are not features: y·x changes sign across points (worst: coordinate ${at}, opposing/net drive ${show(worst)} > ${MIXING_BOUND}), so each coordinate's drive is a sum that other coordinates switch off as they learn its points and the per-coordinate modes of §5, §7 do not exist (${overlap}); a diagonal linear net here moves saddle to saddle (Pesme & Flammarion 2023), not along independent sigmoids`,
  );
}

/** ReLU units without biases: a unit off on a point gets no gradient from it (P1). */
export function unitsCheck(spec: MlpSpec): RegimeCheck {
  const assumption = "units switch off: ReLU without biases (P1; a diagonal linear net needs no switch)";
  const quantity = "negative-side slope of φ";
  if (spec.hidden.length === 0)
    return unmeasured("units", assumption, quantity, "a linear model has no hidden units");
  const problems: string[] = [];
  let slope: number | null = 0;
  if (spec.activation === "leaky-relu") {
    slope = spec.leakySlope;
    if (slope !== 0)
      problems.push(
        `leaky-relu slope ${show(slope)}: a unit passes slope × gradient on points where it is off, so off-diagonal weights grow, modes couple and no unit dies`,
      );
  } else if (spec.activation === "linear") {
    slope = 1;
    if (!diagonalFirst(spec))
      problems.push("a linear hidden layer couples the points through the shared output (THEORY.md §2)");
  } else if (spec.activation === "tanh") {
    slope = null;
    problems.push(
      "tanh passes gradient at zero pre-activation, so off-diagonal weights grow (P1 needs ReLU)",
    );
  }
  if (spec.bias) problems.push("biases on: every unit sees every point through its bias");
  return {
    id: "units",
    assumption,
    quantity: `${quantity} (${spec.activation}${spec.bias ? ", biases on" : ""})`,
    value: slope,
    bound: slope === null ? null : 0,
    holds: problems.length === 0,
    why: problems.length ? problems.join("; ") : `${spec.activation} units without biases`,
  };
}

/** Dense vs diagonal first layer: §4's failure fractions and §7's starvation need separate parameters. */
export function firstLayerCheck(spec: MlpSpec, initial: Float64Array, g: InputGeometry): RegimeCheck {
  const assumption = "a diagonal first layer (constrained, or a diagonal init that P1 keeps diagonal)";
  const quantity = "off-diagonal share ‖offdiag W₁‖/‖W₁‖ at init";
  if (spec.hidden.length === 0)
    return unmeasured("firstLayer", assumption, quantity, "a linear model has no hidden layer");
  if (diagonalFirst(spec))
    return {
      id: "firstLayer",
      assumption,
      quantity,
      value: 0,
      bound: 0,
      holds: true,
      why: "diagonal first layer (model.diagonalLayers)",
    };
  const W = firstLayer(spec, initial);
  const share = offDiagonalShare(W.W, W.h, W.d);
  const axis = g.coordinate
    ? ""
    : "; and the inputs are not axis-aligned, so no init makes the modes separate";
  return atMost(
    "firstLayer",
    assumption,
    quantity,
    share,
    0,
    "dense first layer with a diagonal init (stays diagonal only where P1 holds: see offDiagonal)",
    `dense first layer, off-diagonal share ${show(share)} at init: a point fails only if every unit active on it fails, so §4's final errors 1/4 and 5/8 do not apply (THEORY.md §9.9), and a unit learns along every feature (§9.10)${axis}`,
  );
}
