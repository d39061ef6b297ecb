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
export { type SecondOrderOptions, secondOrderSchema } from "./config/second-order-spec.js";
export { ConfigError, describeIssues, parseRunConfig } from "./config/validate.js";

// Data: generators, CSV/JSON loading and writing, the data-spec registry.
export { type BlobsOptions, blobs } from "./data/blobs.js";
export {
  type CorrelatedData,
  type CorrelatedOptions,
  correlatedData,
  correlations,
} from "./data/correlated.js";
export { type CsvOptions, parseCsv, type ToCsvOptions, toCsv } from "./data/csv.js";
export type { DataBundle, Dataset, DatasetMetaValue } from "./data/dataset.js";
// Types the functions above take or return (so a reader of the API documentation can follow every name).
export type { FeatureCorrelation } from "./data/feature-mixture.js";
export { type FeatureMixtureOptions, type FeatureSpec, featureMixture } from "./data/feature-mixture.js";
export type { GaussianMixture } from "./data/gaussian-mixtures.js";
export { type HierarchicalData, type HierarchicalOptions, hierarchicalData } from "./data/hierarchical.js";
export { INPUT_FEATURES, type InputFeature, planeFeatures } from "./data/input-features.js";
export {
  type DatasetJson,
  fromJsonValue,
  type JsonOptions,
  parseJson,
  type ToJsonOptions,
  toJson,
} from "./data/json.js";
export { type LmsOptions, lmsData, randomizeColumns } from "./data/lms.js";
export { type OrthogonalOptions, orthogonal } from "./data/orthogonal.js";
export { type PlaygroundOptions, type PlaygroundSet, playground } from "./data/playground.js";
export { DATA_KINDS, type DataKind, type DataSpec, type InlineOptions, makeData } from "./data/registry.js";
export { type TwoMoonsOptions, twoMoons } from "./data/two-moons.js";
export {
  type TwoPointToy,
  type TwoPointToyOptions,
  toyCoordinates,
  twoPointToy,
} from "./data/two-point-toy.js";
export { oneClassWarning } from "./data/validate.js";
export type { ActivationKind } from "./engine/activation.js";
// The engine's vocabulary (the names a config may use) and what a reader of a trained network needs.
export { ACTIVATIONS } from "./engine/activation.js";
export type { Backend } from "./engine/backend.js";
export { jsBackend } from "./engine/backend-js.js";
export type { WasmBackend } from "./engine/backend-wasm.js";
export { BACKENDS, type BackendName, createBackend } from "./engine/backends.js";
export type { InitSpec, LayerInit, LayerInitScheme } from "./engine/init.js";
export { LAYER_INIT_SCHEMES } from "./engine/init.js";
export type { LossKind, LossSpec } from "./engine/loss.js";
export { LOSSES, pointLoss } from "./engine/loss.js";
export type { LayerLayout } from "./engine/mlp.js";
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
export type { OptimizerKind, OptimizerSpec, OptimizerState } from "./engine/optimizer.js";
export { OPTIMIZERS } from "./engine/optimizer.js";
export { forward } from "./engine/propagate.js";
export { Rng, type RngState } from "./engine/rng.js";
export { useWebThreads } from "./engine/threads/web.js";
export type { LayerViews } from "./engine/workspace.js";
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
  Published,
  Scale,
} from "./experiments/experiment.js";
export type { Checkpoint, CheckpointStore, ExperimentIo, MnistBytes } from "./experiments/experiment-io.js";
// Figures: plain data in, Vega-Lite spec out (rendered by learndyn/node or by vega-embed).
export * from "./figures/index.js";
export {
  type GanCheckpoint,
  ganCheckpointFromJson,
  ganCheckpointToJson,
} from "./gan/checkpoint.js";
// The GAN bench.
export { type GanConfig, ganConfigSchema, parseGanConfig } from "./gan/config.js";
export type { GanMeasurements } from "./gan/gan-steps.js";
export { ganHistoryCsv } from "./gan/history-csv.js";
export { GAN_LOSSES, type GanLoss } from "./gan/losses.js";
export type { ModeMetrics, ModeMetricsOptions } from "./gan/mode-metrics.js";
export { modeMetrics } from "./gan/mode-metrics.js";
export type { GanRunOptions, GanStatus } from "./gan/train.js";
export { createGanRun, type GanRecord, type GanRun } from "./gan/train.js";
export { absoluteCheck, boundCheck, relativeCheck } from "./kit/checks.js";
export { type Claim, type ClaimContext, type ClaimSpec, defineClaim } from "./kit/claim.js";
export type { FitPoint, FitScale } from "./math/fit.js";
// The max-margin separator (implicit bias of cross-entropy).
export { type HardMarginSvm, hardMarginSvm } from "./math/hard-margin-svm.js";
// Probes: what is measured during training.
export { type Direction, directionTo } from "./probes/direction.js";
export { normalizedMargin, smoothedMargin } from "./probes/normalized-margin.js";
export type { Probe, ProbeContext, ProbeValues } from "./probes/probe.js";
export { PROBES, resolveProbes } from "./probes/registry.js";
export { modeStrengths, type Svd, svd } from "./probes/svd-modes.js";
// The regime meter.
export type { RegimeCheck, RegimeVerdict } from "./regime/check.js";
export type { RegimeOptions, RegimeRun } from "./regime/meter.js";
export { measureRegime } from "./regime/meter.js";
export { trainerRegime } from "./regime/trainer-regime.js";
export type { SweepPlan, SweepPoint } from "./sweep/expand.js";
export type { BatchOptions } from "./sweep/group-tasks.js";
export type { PointResult, SweepRunStatus } from "./sweep/run-point.js";
export type { Shard } from "./sweep/shard.js";
// Theory: every closed form and ODE of THEORY.md, by name and as the `theory` namespace.
export * from "./theory/index.js";
export * as theory from "./theory/index.js";
export type { BatchTrainingOptions } from "./train/batched/run-batch.js";
// Training: one trainer, a whole run, batched runs, histories.
export { runTrainingBatch } from "./train/batched/run-batch.js";
export { batchSignature } from "./train/batched/signature.js";
export type { BatchOrderState } from "./train/batches.js";
export { buildData } from "./train/build-data.js";
export type { TrainerCheckpoint } from "./train/checkpoint.js";
export type { EngineSpecs } from "./train/engine-specs.js";
export { toEngineSpecs } from "./train/engine-specs.js";
export { type HistoryRecord, historyToCsv, type RunStatus } from "./train/history.js";
export { type RunResult, runTraining } from "./train/run.js";
export { createTrainer, type Trainer, type TrainerOptions } from "./train/trainer.js";
