import type { RunConfigInput } from "../../config/run-config.js";
import { parseRunConfig } from "../../config/validate.js";
import { type RunResult, runTraining } from "../../train/run.js";

/** Validates and runs a config (experiments build configs in code; this keeps them honest JSON configs). */
export function runConfig(config: RunConfigInput): RunResult {
  return runTraining(parseRunConfig(config, "experiment config"));
}
