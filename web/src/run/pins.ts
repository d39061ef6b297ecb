/**
 * Runs pinned for comparison (TensorBoard's overlaid runs): a pinned run keeps its loss and error curves
 * and its config, and is labelled by what differs from the run on screen ("seed 0", "optimizer.lr 0.05").
 */
import type { RunConfig } from "../../../src/index.js";
import type { RunView } from "../components/run-view.js";
import { col, column } from "../components/run-view.js";
import { leafValues } from "../state/pin-url.js";

/** A finished (or paused) run kept on the charts beside the current one. */
export interface PinnedRun {
  id: number;
  config: RunConfig;
  /** The step its last record was at (a pin re-trained from a link runs this far). */
  steps: number;
  color: string;
  loss: { t: number[]; y: number[] };
  error: { t: number[]; y: number[] };
}

/** Most runs pinned at once (more would crowd the charts' legends). */
export const MAX_PINS = 4;

/** Keeps `run`'s curves as pin number `id` (colours after the current run's). */
export function pinRun(run: RunView, id: number): PinnedRun {
  return {
    id,
    config: run.config,
    steps: run.history[run.history.length - 1]?.step ?? 0,
    color: col(2 + (id % MAX_PINS)),
    loss: column(run.history, "loss"),
    error: column(run.history, "error"),
  };
}

/** The fields in which `pinned` differs from `current`, as "path value" of the pinned run (name left out). */
export function configDiff(pinned: RunConfig, current: RunConfig): string[] {
  const a = leafValues(pinned);
  const b = leafValues(current);
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const [va, vb] = [JSON.stringify(a.get(key)), JSON.stringify(b.get(key))];
    if (key === '["name"]' || va === vb) continue;
    out.push(`${(JSON.parse(key) as string[]).join(".")} ${va ?? "unset"}`);
  }
  return out;
}

/** A pin's legend label: what differs from the run on screen, at most two fields. */
export function pinLabel(pin: PinnedRun, current: RunConfig | null): string {
  if (!current) return `pinned ${pin.id}`;
  const diff = configDiff(pin.config, current);
  if (diff.length === 0) return `pinned ${pin.id} (same config)`;
  return `pinned ${pin.id}: ${diff.slice(0, 2).join(", ")}${diff.length > 2 ? ` +${diff.length - 2} more` : ""}`;
}
