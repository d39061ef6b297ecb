/**
 * A run's memory, estimated before anything is allocated: a model too large for the machine is refused
 * with its size and the fix, instead of a bare "Invalid typed array length" or an out-of-memory abort
 * after minutes of allocation.
 */
import { totalmem } from "node:os";
import type { RunConfig } from "../config/run-config.js";
import { layoutOf } from "../engine/mlp.js";
import { toEngineSpecs } from "../train/engine-specs.js";

/** float64 arrays of parameter size a run holds: weights, gradient, a chunk gradient, initial copy. */
const BASE_COPIES = 4;

/** Bytes a run's parameter-sized arrays take (optimizer state included; activations are smaller). */
export function estimateRunBytes(config: RunConfig, inputDim: number): { params: number; bytes: number } {
  const params = layoutOf(toEngineSpecs(config, inputDim).model).size;
  const opt = config.optimizer;
  const state = opt.kind === "adam" ? 2 : (opt as { momentum?: number }).momentum ? 1 : 0;
  return { params, bytes: params * 8 * (BASE_COPIES + state) };
}

/** Throws when the run cannot fit in this machine's memory (or a float64 array cannot hold the model). */
export function checkRunMemory(config: RunConfig, inputDim: number, available = totalmem()): void {
  const { params, bytes } = estimateRunBytes(config, inputDim);
  const gib = (b: number) => (b / 2 ** 30).toFixed(1);
  // V8's largest typed array (2^32 elements on 64-bit Node 20).
  if (params > 2 ** 32 - 1 || bytes > available) {
    throw new Error(
      `the model has ${params.toLocaleString("en")} parameters: about ${gib(bytes)} GiB for weights, gradients and optimizer state, more than this machine's ${gib(available)} GiB; make model.hidden smaller`,
    );
  }
}
