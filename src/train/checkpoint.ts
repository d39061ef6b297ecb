/**
 * A trainer's checkpoint: everything that decides the rest of a run, as plain data. A run resumed from
 * the checkpoint taken at step k gives the same bits as the run that was never stopped, because the
 * parameters, the optimizer's buffers and step count, the batch order and the record schedule's position
 * are all here, and everything else (data, init, probes) follows from the config. Probes must be pure
 * functions of what they are shown (they are: see probes/), or a resumed run would differ.
 */
import type { OptimizerState } from "../engine/optimizer.js";
import type { BatchOrderState } from "./batches.js";
import type { HistoryRecord, RunStatus } from "./history.js";

export interface TrainerCheckpoint {
  /** Format marker, for a clear error on something else. */
  format: "learndyn-trainer/1";
  /** The config the run was made with, as JSON (a resume with another config is refused). */
  config: string;
  /** Steps taken. */
  step: number;
  /** Gradient-flow time so far, Σ η over the steps (read back only when η follows a schedule). */
  t: number;
  /** The parameters after `step` steps. */
  params: Float64Array;
  optimizer: OptimizerState;
  /** The minibatch order (null for full-batch runs). */
  batches: BatchOrderState | null;
  /** Records so far (the next one comes from the schedule's entry `nextRecord`). */
  history: HistoryRecord[];
  nextRecord: number;
  status: RunStatus;
  stopReason: string;
}

/** The checkpoint as JSON metadata plus float64 arrays (what a CheckpointStore keeps). */
export function splitCheckpoint(ck: TrainerCheckpoint): {
  meta: Record<string, unknown>;
  arrays: Record<string, Float64Array>;
} {
  const { params, optimizer, ...rest } = ck;
  const arrays: Record<string, Float64Array> = { params };
  for (const [name, buffer] of Object.entries(optimizer.buffers)) arrays[`optimizer.${name}`] = buffer;
  return {
    meta: { ...rest, optimizer: { rule: optimizer.rule, steps: optimizer.steps } },
    arrays,
  };
}

/** Puts a checkpoint back together from {@link splitCheckpoint}'s parts (throws on anything else). */
export function joinCheckpoint(
  meta: Record<string, unknown>,
  arrays: Record<string, Float64Array>,
): TrainerCheckpoint {
  if (meta.format !== "learndyn-trainer/1" || !arrays.params)
    throw new Error(
      `not a learndyn trainer checkpoint (format ${JSON.stringify(meta.format)}); delete it to start over`,
    );
  const opt = meta.optimizer as { rule: OptimizerState["rule"]; steps: number };
  const buffers: Record<string, Float64Array> = {};
  for (const [name, a] of Object.entries(arrays))
    if (name.startsWith("optimizer.")) buffers[name.slice("optimizer.".length)] = a;
  return {
    ...(meta as Omit<TrainerCheckpoint, "params" | "optimizer">),
    params: arrays.params,
    optimizer: { rule: opt.rule, steps: opt.steps, buffers },
  };
}

/** Throws a clear error when `ck` cannot continue a run of `configJson` on `size` parameters. */
export function checkResumable(ck: TrainerCheckpoint, configJson: string, size: number): void {
  if (ck.format !== "learndyn-trainer/1")
    throw new Error(`not a learndyn trainer checkpoint (format ${JSON.stringify(ck.format)})`);
  if (ck.config !== configJson) {
    const a = JSON.parse(ck.config) as Record<string, unknown>;
    const b = JSON.parse(configJson) as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const differ = keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
    throw new Error(
      `the checkpoint was made with another config (differs in: ${differ.join(", ")}); resume with the same config or start over`,
    );
  }
  if (ck.params.length !== size)
    throw new Error(`the checkpoint holds ${ck.params.length} parameters, the model ${size}`);
}
