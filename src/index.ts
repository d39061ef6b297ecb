/**
 * learndyn's front door: `import { parseRunConfig, runTraining } from "learndyn"`. This first cut exports
 * the run path (configs, data, training, batched training, probes), the theory, the experiment kit
 * (defineClaim, check builders, claim types) and the line chart a claim draws its figures with; the store
 * and the other figures follow (issue 12). Everything not exported here is internal.
 */
export type { RunConfig } from "./config/run-config.js";
export { runConfigSchema } from "./config/run-config.js";
export { parseRunConfig } from "./config/validate.js";
export type { DataBundle, Dataset } from "./data/dataset.js";
export type {
  Check,
  ClaimId,
  Experiment,
  ExperimentFigure,
  ExperimentOptions,
  ExperimentResult,
  Limit,
  Scale,
} from "./experiments/experiment.js";
export type { ExperimentIo } from "./experiments/experiment-io.js";
export { type LineChartOptions, type LineSeries, lineChart } from "./figures/lineChart.js";
export { absoluteCheck, boundCheck, relativeCheck } from "./kit/checks.js";
export { type Claim, type ClaimContext, type ClaimSpec, defineClaim } from "./kit/claim.js";
export type { Probe, ProbeContext } from "./probes/probe.js";
export { PROBES, resolveProbes } from "./probes/registry.js";
export * as theory from "./theory/index.js";
export { runTrainingBatch } from "./train/batched/run-batch.js";
export { batchSignature } from "./train/batched/signature.js";
export { buildData } from "./train/build-data.js";
export type { HistoryRecord, RunStatus } from "./train/history.js";
export { type RunResult, runTraining } from "./train/run.js";
export { createTrainer, type Trainer, type TrainerOptions } from "./train/trainer.js";
