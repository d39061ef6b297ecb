/**
 * learndyn's front door: `import { parseRunConfig, runTraining } from "learndyn"`. Everything here runs in
 * Node and in a browser (the lab bundles it); what needs Node (the run store, reports, the sweep runner,
 * config files, worker threads, the native addon) is `learndyn/node` (src/node/index.ts). Everything not
 * exported by one of the two is internal.
 *
 * @module
 */

// Run configs: parse (with defaults), the zod schema (its JSON Schema: `learndyn schema`), errors.
export type { DataSpecConfig } from "./config/data-spec.js";
export { dataSpecSchema } from "./config/data-spec.js";
export type { RunConfig, RunConfigInput } from "./config/run-config.js";
export { runConfigSchema } from "./config/run-config.js";
export type { SecondOrderOptions } from "./config/second-order-spec.js";
export { ConfigError, describeIssues, parseRunConfig } from "./config/validate.js";

// Data: generators, CSV/JSON loading and writing, the data-spec registry.
export { type BlobsOptions, blobs } from "./data/blobs.js";
export { type CsvOptions, parseCsv, type ToCsvOptions, toCsv } from "./data/csv.js";
export type { DataBundle, Dataset, DatasetMetaValue } from "./data/dataset.js";
export { type FeatureMixtureOptions, type FeatureSpec, featureMixture } from "./data/feature-mixture.js";
export { INPUT_FEATURES, type InputFeature, planeFeatures } from "./data/input-features.js";
export { type DatasetJson, type JsonOptions, parseJson, type ToJsonOptions, toJson } from "./data/json.js";
export { type OrthogonalOptions, orthogonal } from "./data/orthogonal.js";
export { type PlaygroundOptions, type PlaygroundSet, playground } from "./data/playground.js";
export { DATA_KINDS, type DataKind, type DataSpec, type InlineOptions, makeData } from "./data/registry.js";

// The engine's vocabulary (the names a config may use) and what a reader of a trained network needs.
export { ACTIVATIONS } from "./engine/activation.js";
export type { Backend } from "./engine/backend.js";
export { jsBackend } from "./engine/backend-js.js";
export type { WasmBackend } from "./engine/backend-wasm.js";
export { BACKENDS, type BackendName, createBackend } from "./engine/backends.js";
export { LAYER_INIT_SCHEMES } from "./engine/init.js";
export { LOSSES, pointLoss } from "./engine/loss.js";
export {
  biasView,
  createMlp,
  exportWeights,
  importWeights,
  type LayerWeights,
  type Mlp,
  type MlpSpec,
  weightView,
} from "./engine/mlp.js";
export { OPTIMIZERS } from "./engine/optimizer.js";
export { forward } from "./engine/propagate.js";
export { Rng, type RngState } from "./engine/rng.js";
export { useWebThreads } from "./engine/threads/web.js";
export { createWorkspace, type Workspace } from "./engine/workspace.js";

// Claims: the experiment kit (define a claim, its checks) and the result types reports read.
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

// Figures: plain data in, Vega-Lite spec out (rendered by learndyn/node or by vega-embed).
export * from "./figures/index.js";

// The GAN bench.
export { type GanConfig, ganConfigSchema, parseGanConfig } from "./gan/config.js";
export { ganHistoryCsv } from "./gan/history-csv.js";
export { GAN_LOSSES, type GanLoss } from "./gan/losses.js";
export { modeMetrics } from "./gan/mode-metrics.js";
export { createGanRun, type GanRecord, type GanRun } from "./gan/train.js";
export { absoluteCheck, boundCheck, relativeCheck } from "./kit/checks.js";
export { type Claim, type ClaimContext, type ClaimSpec, defineClaim } from "./kit/claim.js";

// Probes: what is measured during training.
export type { Probe, ProbeContext, ProbeValues } from "./probes/probe.js";
export { PROBES, resolveProbes } from "./probes/registry.js";

// The regime meter.
export type { RegimeVerdict } from "./regime/check.js";
export { measureRegime } from "./regime/meter.js";
export { trainerRegime } from "./regime/trainer-regime.js";

// Theory: every closed form and ODE of THEORY.md, by name and as the `theory` namespace.
export * from "./theory/index.js";
export * as theory from "./theory/index.js";

// Training: one trainer, a whole run, batched runs, histories.
export { runTrainingBatch } from "./train/batched/run-batch.js";
export { batchSignature } from "./train/batched/signature.js";
export { buildData } from "./train/build-data.js";
export { toEngineSpecs } from "./train/engine-specs.js";
export { type HistoryRecord, historyToCsv, type RunStatus } from "./train/history.js";
export { type RunResult, runTraining } from "./train/run.js";
export { createTrainer, type Trainer, type TrainerOptions } from "./train/trainer.js";
