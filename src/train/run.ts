import type { RunConfig } from "../config/run-config.js";
import type { DataBundle } from "../data/dataset.js";
import { exportWeights, type LayerWeights } from "../engine/mlp.js";
import { buildData } from "./build-data.js";
import type { HistoryRecord, RunStatus } from "./history.js";
import { createTrainer, type TrainerOptions } from "./trainer.js";

/** Everything a finished run produced, as plain data. */
export interface RunResult {
  config: RunConfig;
  status: Exclude<RunStatus, "running">;
  /** Why it stopped early (diverged, target reached), or "". */
  stopReason: string;
  steps: number;
  history: HistoryRecord[];
  /** Final weights per layer. */
  weights: LayerWeights[];
}

/** Trains a validated config to the end (data built from the config unless given). */
export function runTraining(
  config: RunConfig,
  options: TrainerOptions & { data?: DataBundle } = {},
): RunResult {
  const data = options.data ?? buildData(config);
  const trainer = createTrainer(config, data, options);
  const status = trainer.run();
  return {
    config,
    status: status === "running" ? "done" : status,
    stopReason: trainer.stopReason,
    steps: trainer.step,
    history: trainer.history,
    weights: exportWeights(trainer.mlp),
  };
}
