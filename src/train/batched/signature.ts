import type { RunConfig } from "../../config/run-config.js";

/**
 * Which runs can be trained together as one batched computation (runTrainingBatch): full-batch gradient
 * descent without momentum, schedules or chunked passes — the small runs phase
 * diagrams and scaling sweeps are made of. Runs with the same signature share an architecture and a data
 * spec (so a data shape); learning rate, weight decay, spectral decoupling, loss, init, seed, steps,
 * record schedule, probes and stop conditions may differ per run. Returns null for a run that must be
 * trained alone (its trainer does more than the batched loop replicates).
 */
export function batchSignature(config: RunConfig): string | null {
  const o = config.optimizer;
  if (o.kind !== "gd" || o.momentum !== 0) return null;
  const s = config.schedules;
  if (s && Object.values(s).some((v) => v !== undefined)) return null;
  if (config.train.chunk !== undefined) return null;
  return JSON.stringify({ model: config.model, data: config.data });
}
