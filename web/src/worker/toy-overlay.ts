/**
 * The two-point toy's theory for the lab (Pezeshki et al. 2021, Fig. 6): where GD on a bias-free linear
 * model ends in the feature coordinates z = Λ ⊙ Vθ, the exact minimiser z* of the run's own objective
 * (src/theory/starvation-toy.ts), drawn dashed under the measured z_j(t).
 */
import type { RunConfig, ToyPenalty } from "../../../src/index.js";
import { penaltyName, toyFixedPoint, twoPointToy } from "../../../src/index.js";

/** The toy's fixed point, or why there is none for this config. */
export type ToyOverlay = { zStar: [number, number]; penalty: string } | { gap: string };

/** Why a config is not the toy's setting (a linear model under summed CE and plain GD), or "". */
function toyGap(config: RunConfig): string {
  const gaps: string[] = [];
  if (config.model.hidden.length > 0) gaps.push("the model has hidden layers (the toy is linear: hidden [])");
  if (config.model.bias) gaps.push("biases are on");
  if (config.loss.kind !== "ce") gaps.push("the loss is not cross-entropy");
  if (config.loss.reduction !== "sum") gaps.push("the loss is not summed over the two points");
  const opt = config.optimizer;
  if (opt.kind !== "gd" || opt.momentum > 0) gaps.push("the optimizer is not plain gradient descent");
  if (config.schedules) gaps.push("a schedule is set");
  const l2 = opt.weightDecay > 0;
  const sd = config.regularization.spectralDecoupling > 0;
  if (l2 === sd)
    gaps.push("the objective needs exactly one penalty: weight decay (L2) or spectral decoupling");
  return gaps.join(", ");
}

/**
 * The penalty of the run in the theory's terms: coupled weight decay λ is L2 (λ/2)‖θ‖²; the trainer's
 * spectral decoupling λ/2·mean(f²) over the 2 points is the paper's form (λ'/2)·Σŷ² with λ' = λ/2.
 */
function toyPenalty(config: RunConfig): ToyPenalty {
  const wd = config.optimizer.weightDecay;
  if (wd > 0) return { kind: "l2", lambda: wd };
  return { kind: "sd-paper", lambda: config.regularization.spectralDecoupling / 2 };
}

/** The overlay of a two-point-toy run (null for other data). */
export function toyOverlay(config: RunConfig): ToyOverlay | null {
  const data = config.data;
  if (data.kind !== "two-point-toy") return null;
  const gap = toyGap(config);
  if (gap) return { gap };
  const penalty = toyPenalty(config);
  return { zStar: toyFixedPoint(twoPointToy(data), penalty), penalty: penaltyName(penalty) };
}
