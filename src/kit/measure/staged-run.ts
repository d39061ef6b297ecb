import type { RunConfigInput } from "../../config/run-config.js";
import { parseRunConfig } from "../../config/validate.js";
import { exportWeights, type LayerWeights } from "../../engine/mlp.js";
import type { Probe } from "../../probes/probe.js";
import { buildData } from "../../train/build-data.js";
import type { TrainerCheckpoint } from "../../train/checkpoint.js";
import type { HistoryRecord, RunStatus } from "../../train/history.js";
import { createTrainer } from "../../train/trainer.js";

/** One stage of a staged run: a constant learning rate for a number of steps. */
export interface Stage {
  /** Learning rate η of this stage (time advances by η per step). */
  lr: number;
  /** Steps of this stage. */
  steps: number;
  /** Record every k steps (default: log schedule of the base config, or every 10 steps). */
  every?: number;
}

/** How a staged run passes from one stage to the next. */
export interface StagedRunOptions {
  /**
   * "keep": the optimizer's state (momentum buffer, Adam's moments and step count) and the minibatch
   * order carry on into the next stage, as in one run whose learning rate changes; "reset": every stage
   * starts them afresh (a new optimizer, the batch order from the seed again). Plain gradient descent has
   * no state but its step count, so for it the two give the same bits.
   */
  optimizer: "keep" | "reset";
  /** Extra probes for every record (measurements a config cannot name, e.g. accuracy on a test set built in code). */
  probes?: Probe[];
}

/** The concatenated result of a staged run. */
export interface StagedRun {
  /** Records of every stage, with `step` and `t` continued across stages (t = Σ η·steps). */
  history: HistoryRecord[];
  /** Status of the last stage run ("diverged" stops the chain). */
  status: Exclude<RunStatus, "running">;
  /** The configs run, one per stage (the later ones start from the earlier ones' final weights). */
  configs: RunConfigInput[];
  /** Weights at the end of the last stage run. */
  weights: LayerWeights[];
}

/**
 * Runs `base` as a chain of constant-learning-rate stages, each starting from the previous stage's final
 * weights, so gradient flow can be followed over many decades of time with a step that grows with t
 * (late-phase dynamics under cross-entropy slow down like 1/t, so η ∝ t keeps η·c small at a fixed
 * cost per decade). The GD error of each stage is O(η·c) relative, where c is the mode's gain.
 *
 * The first stage keeps the base config's init; each later stage uses explicit weights. Records of later
 * stages drop their step-0 record (it duplicates the previous stage's last one). Whether the optimizer's
 * state carries over is the caller's explicit choice (`options.optimizer`).
 */
export function runStaged(
  base: RunConfigInput,
  stages: readonly Stage[],
  options: StagedRunOptions,
): StagedRun {
  if (stages.length === 0) throw new Error("runStaged: give at least one stage");
  const history: HistoryRecord[] = [];
  const configs: RunConfigInput[] = [];
  let init = base.init;
  let t0 = 0;
  let step0 = 0;
  let status: StagedRun["status"] = "done";
  let weights: LayerWeights[] = [];
  let last: TrainerCheckpoint | undefined;
  for (const [i, stage] of stages.entries()) {
    const schedule = stage.every
      ? { kind: "every" as const, every: stage.every }
      : (base.probes?.schedule ?? { kind: "every" as const, every: 10 });
    const config: RunConfigInput = {
      ...base,
      init,
      optimizer: { ...(base.optimizer ?? {}), lr: stage.lr },
      train: { ...(base.train ?? {}), steps: stage.steps },
      probes: { ...(base.probes ?? {}), schedule },
    };
    configs.push(config);
    const parsed = parseRunConfig(config, `stage ${i + 1}`);
    const carry =
      options.optimizer === "keep" && last ? { optimizer: last.optimizer, batches: last.batches } : undefined;
    const trainer = createTrainer(parsed, buildData(parsed), { probes: options.probes, carry });
    trainer.run();
    last = trainer.checkpoint();
    const result = {
      history: trainer.history,
      status: trainer.status,
      steps: trainer.step,
      weights: exportWeights(trainer.mlp),
    };
    trainer.dispose();
    for (const [j, record] of result.history.entries()) {
      if (i > 0 && j === 0) continue;
      history.push({ ...record, step: record.step + step0, t: t0 + stage.lr * record.step });
    }
    status = result.status === "running" ? "done" : result.status;
    weights = result.weights;
    if (status === "diverged") break;
    t0 += stage.lr * result.steps;
    step0 += result.steps;
    init = { scheme: "explicit", weights: result.weights };
  }
  return { history, status, configs, weights };
}

/**
 * Geometric stages covering t ∈ [0, tEnd]: a first stage at `lr` up to `tSwitch`, then one stage per
 * decade with η growing by ×10 per decade (η = lr · tStart/tSwitch), each `stepsPerDecade` long
 * (≈ 9 tStart/η steps cover the decade).
 */
export function logTimeStages(o: {
  /** Learning rate of the first stage. */
  lr: number;
  /** End of the first (constant-η) stage. */
  tSwitch: number;
  /** Final time. */
  tEnd: number;
  /** Records per stage (the recording interval is steps / recordsPerStage). */
  recordsPerStage?: number;
}): Stage[] {
  const records = o.recordsPerStage ?? 100;
  const firstSteps = Math.round(o.tSwitch / o.lr);
  const stages: Stage[] = [
    { lr: o.lr, steps: firstSteps, every: Math.max(1, Math.floor(firstSteps / records)) },
  ];
  let t = o.tSwitch;
  while (t < o.tEnd * (1 - 1e-12)) {
    const tNext = Math.min(10 * t, o.tEnd);
    const lr = (o.lr * t) / o.tSwitch;
    const steps = Math.max(1, Math.round((tNext - t) / lr));
    stages.push({ lr, steps, every: Math.max(1, Math.floor(steps / records)) });
    t += lr * steps;
  }
  return stages;
}
