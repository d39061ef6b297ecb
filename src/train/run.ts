import type { RunConfig } from "../config/run-config.js";
import type { DataBundle } from "../data/dataset.js";
import { exportWeights, type LayerWeights } from "../engine/mlp.js";
import type { RegimeVerdict } from "../regime/check.js";
import type { RegimeOptions } from "../regime/meter.js";
import { trainerRegime } from "../regime/trainer-regime.js";
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
  /** Whether the theory's assumptions held on this run (with `regime` in the options). */
  regime?: RegimeVerdict;
}

/** Trains a validated config to the end (data built from the config unless given). */
export function runTraining(
  config: RunConfig,
  options: TrainerOptions & {
    data?: DataBundle;
    /** Measure the regime verdict at the end (src/regime/meter.ts): true, or the meter's options. */
    regime?: boolean | RegimeOptions;
  } = {},
): RunResult {
  const data = options.data ?? buildData(config);
  const trainer = createTrainer(config, data, options);
  const status = trainer.run();
  const regime = options.regime
    ? trainerRegime(trainer, options.regime === true ? {} : options.regime)
    : undefined;
  return {
    config,
    status: status === "running" ? "done" : status,
    stopReason: trainer.stopReason,
    steps: trainer.step,
    history: trainer.history,
    weights: exportWeights(trainer.mlp),
    ...(regime ? { regime } : {}),
  };
}
