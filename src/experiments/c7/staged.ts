/**
 * A staged run (../c2/staged-run.ts) that also hands back the final weights and takes extra probes (here:
 * accuracy on test sets the data generator cannot express), so every C7 number comes from engine runs.
 */
import type { RunConfigInput } from "../../config/run-config.js";
import { parseRunConfig } from "../../config/validate.js";
import type { LayerWeights } from "../../engine/mlp.js";
import type { Probe } from "../../probes/probe.js";
import type { HistoryRecord, RunStatus } from "../../train/history.js";
import { runTraining } from "../../train/run.js";
import type { Stage } from "../c2/staged-run.js";

/** The concatenated result of a staged run. */
export interface StagedResult {
  /** Records of every stage, `step` and `t` continued across stages (t = Σ η·steps). */
  history: HistoryRecord[];
  status: Exclude<RunStatus, "running">;
  /** One config per stage; each later one starts from the previous stage's final weights (explicit init). */
  configs: RunConfigInput[];
  /** Weights at the end of the last stage run. */
  weights: LayerWeights[];
}

/**
 * Runs `base` as a chain of constant-η stages (the first keeps base's init and schedule; the later ones
 * record `every` steps, or with base's schedule), with `probes` added to every record.
 */
export function runStagedWithProbes(
  base: RunConfigInput,
  stages: readonly Stage[],
  probes: Probe[] = [],
): StagedResult {
  if (stages.length === 0) throw new Error("runStagedWithProbes: give at least one stage");
  const history: HistoryRecord[] = [];
  const configs: RunConfigInput[] = [];
  let init = base.init;
  let t0 = 0;
  let step0 = 0;
  let status: StagedResult["status"] = "done";
  let weights: LayerWeights[] = [];
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
    const result = runTraining(parseRunConfig(config, `c7 stage ${i + 1}`), { probes });
    for (const [j, record] of result.history.entries()) {
      if (i > 0 && j === 0) continue;
      history.push({ ...record, step: record.step + step0, t: t0 + stage.lr * record.step });
    }
    status = result.status;
    weights = result.weights;
    if (status === "diverged") break;
    t0 += stage.lr * result.steps;
    step0 += result.steps;
    init = { scheme: "explicit", weights: result.weights };
  }
  return { history, status, configs, weights };
}
