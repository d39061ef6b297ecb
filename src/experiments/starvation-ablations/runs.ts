/**
 * One seed of one ablation: the two-moons data (rotated for the 45° panel), the net of their script with
 * PyTorch's nn.Linear init, mean logistic loss, the ablation's optimizer, trained by the engine's trainer
 * from a JSON config; then the decision function on the grid and the accuracies.
 */
import type { RunConfigInput } from "../../config/run-config.js";
import { parseRunConfig } from "../../config/validate.js";
import { makeData } from "../../data/registry.js";
import { jsBackend } from "../../engine/backend-js.js";
import { forward } from "../../engine/propagate.js";
import { Rng } from "../../engine/rng.js";
import { createWorkspace } from "../../engine/workspace.js";
import { decisionGrid } from "../../kit/measure/decision-grid.js";
import { torchLinearInit } from "../../kit/measure/torch-init.js";
import { createTrainer } from "../../train/trainer.js";
import type { Ablation } from "./ablations.js";
import { type AblationSettings, MARGIN } from "./settings.js";

/** The widths of an ablation's net, input first. */
export function netSizes(a: Ablation, s: AblationSettings): number[] {
  const width = a.hiddenLayers > 1 ? s.deepWidth : s.width;
  return [2, ...Array.from({ length: a.hiddenLayers }, () => width), 1];
}

/** The optimizer block of the run config (torch's SGD weight_decay is coupled L2, as learndyn's). */
function optimizerOf(a: Ablation): RunConfigInput["optimizer"] {
  const o = a.optimizer;
  return o.kind === "adam"
    ? { kind: "adam", lr: o.lr, beta1: 0.9, beta2: 0.999, eps: 1e-8 }
    : { kind: "gd", lr: o.lr, momentum: o.momentum, weightDecay: o.weightDecay };
}

/** The run config of one seed of one ablation (records only at the start and the end). */
export function ablationConfig(a: Ablation, s: AblationSettings, seed: number): RunConfigInput {
  const sizes = netSizes(a, s);
  const steps = s.epochs * a.epochFactor;
  return {
    name: `moons ablation ${a.id} seed ${seed}`,
    seed,
    data: { kind: "moons", n: 300, noise: 0.1, margin: MARGIN, rotation: a.rotation, nTest: s.nTest },
    model: { hidden: sizes.slice(1, -1), activation: "relu", bias: true },
    init: { scheme: "explicit", weights: torchLinearInit(sizes, new Rng(seed).fork("torch-init")) },
    loss: { kind: "ce", reduction: "mean" },
    optimizer: optimizerOf(a),
    // Their sd_coef·mean(f²) is learndyn's λ/2·mean(f²) with λ = 2·sd_coef.
    regularization: { spectralDecoupling: 2 * a.sdCoef },
    train: { steps },
    probes: { schedule: { kind: "every", every: steps }, include: ["test-accuracy"] },
  };
}

/** What one seed of one ablation gives. */
export interface AblationRun {
  /** Training points (n × 2, in the ablation's own frame: rotated for the rotation panel) and labels. */
  x: Float64Array;
  y: Float64Array;
  /** f on the grid (values[j·g + i] at (coords[i], coords[j])). */
  grid: Float64Array;
  /** f at the training points. */
  logits: Float64Array;
  /** Final training and test accuracy, training loss (the data term). */
  trainAccuracy: number;
  testAccuracy: number;
  loss: number;
}

/** Trains one seed of an ablation and evaluates it on coords × coords. */
export function runAblation(
  a: Ablation,
  s: AblationSettings,
  seed: number,
  coords: readonly number[],
): AblationRun {
  const config = parseRunConfig(ablationConfig(a, s, seed), `starvation-ablations config (${a.id})`);
  const data = makeData(config.data as Parameters<typeof makeData>[0], new Rng(config.seed).fork("data"));
  const trainer = createTrainer(config, data);
  try {
    trainer.run();
    const last = trainer.history[trainer.history.length - 1];
    const { x, y, n } = data.train;
    const ws = createWorkspace(trainer.mlp, n, jsBackend);
    const f = forward(trainer.mlp, trainer.mlp.params, x, n, ws, jsBackend);
    return {
      x,
      y,
      grid: decisionGrid(trainer.mlp, coords),
      logits: Float64Array.from(f.subarray(0, n)),
      trainAccuracy: 1 - last.error,
      testAccuracy: last["accuracy:test"] as number,
      loss: last.loss,
    };
  } finally {
    trainer.dispose();
  }
}
