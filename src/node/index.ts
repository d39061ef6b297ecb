/**
 * learndyn's Node entry, `import { openStore, runSweep } from "learndyn/node"`: what needs Node — config
 * and data files, the run store and its export, sweeps on a worker pool, reports (SVG/PNG figures, HTML),
 * worker threads for the wasm kernels. Importing it also lets `createBackend("native")` load the optional
 * addon. The platform-neutral API is the main entry, `learndyn` (src/index.ts).
 *
 * @module
 */
import "./native-addon.js";

// Types the functions above take or return (so a reader of the API documentation can follow every name).
export type { NativeAddon } from "../engine/backend-native.js";
export {
  type AdaptiveLevelProgress,
  type AdaptiveSweepSummary,
  type RunAdaptiveOptions,
  runAdaptiveSweep,
} from "./adaptive-runner.js";
export {
  fileCheckpoints,
  mnistDataDir,
  nodeExperimentIo,
  readMnistTrainFiles,
} from "./experiment-io.js";
export type { GroupCommitOptions } from "./group-commit.js";
export { applyOverrides, type LoadedConfig, loadConfig, loadData, readJsonFile } from "./load-config.js";
export { loadNativeAddon, NATIVE_ADDON_PATH } from "./native-addon.js";
export {
  type ExperimentReportOptions,
  type WrittenReport,
  writeExperimentReport,
} from "./report/experiment-report.js";
export * from "./report/index.js";
export type { ReportLinks } from "./report/links.js";
export { writeStoreReport } from "./report/sweep-report.js";
export type { TheoryEntry } from "./report/theory.js";
export { type MergeSummary, mergeStores } from "./store/merge.js";
export { readParquetRows, tableToParquet } from "./store/parquet.js";
export {
  openStore,
  type StoredRun,
  StoreError,
  type StoreSpec,
  type SweepStore,
} from "./store/store.js";
export {
  type Column,
  historyTable,
  type RunTable,
  runTable,
  storeSweepSpec,
  tableToCsv,
} from "./store/table.js";
export {
  type RunSweepOptions,
  runSweep,
  type SweepProgress,
  type SweepSummary,
  storeSpecOf,
} from "./sweep-runner.js";
export { useNodeThreads } from "./threads.js";
