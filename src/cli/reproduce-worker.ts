// Worker entry: lets a native backend load here too (nothing loads until one is asked for).
import "../node/native-addon.js";
import type { ExperimentOptions, ExperimentResult } from "../experiments/experiment.js";
import { selectExperiments } from "../experiments/registry.js";
import { validateOutput } from "../kit/validate.js";
import { nodeExperimentIo } from "../node/experiment-io.js";
import { useNodeThreads } from "../node/threads.js";
import { loadClaimFile } from "./claim-file.js";

/**
 * Worker-thread entry (piscina): runs one experiment — a built-in one by id, or the claim of a user's file —
 * and returns its plain-data result. With `out`, the experiment gets Node services: MNIST files,
 * checkpoints under `out/checkpoints`, progress on stderr.
 */
export default async function runExperiment(task: {
  id: string;
  /** Absolute path of a claim file (then `id` is only for messages). */
  file?: string;
  options: ExperimentOptions;
  out?: string;
  quiet?: boolean;
  /** Threads for the wasm backends this experiment creates (the bits do not depend on it). */
  threads?: number;
}): Promise<ExperimentResult> {
  useNodeThreads(task.threads ?? 1);
  const experiment = task.file ? await loadClaimFile(task.file) : selectExperiments([task.id])[0];
  const io = task.out ? nodeExperimentIo(task.out, task.quiet) : undefined;
  const result = experiment.run({ ...task.options, io });
  // Every experiment, however it was built, reports checks the report can read (each with its basis).
  validateOutput(result, experiment.id);
  return result;
}
