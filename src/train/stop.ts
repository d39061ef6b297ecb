import type { RunConfig } from "../config/run-config.js";
import type { HistoryRecord } from "./history.js";

/** Why a run ends at this record: divergence, a target reached, a plateau; null to go on. */
export function stopCondition(
  stop: RunConfig["train"]["stop"],
  rec: HistoryRecord,
  history: readonly HistoryRecord[],
  step: number,
): { status: "diverged" | "stopped"; reason: string } | null {
  if (!Number.isFinite(rec.loss) || rec.loss > stop.divergeAbove)
    return { status: "diverged", reason: `loss ${rec.loss} at step ${step} (limit ${stop.divergeAbove})` };
  if (stop.targetLoss !== null && rec.loss <= stop.targetLoss)
    return { status: "stopped", reason: `target loss ${stop.targetLoss} reached at step ${step}` };
  if (stop.targetError !== null && rec.error <= stop.targetError)
    return { status: "stopped", reason: `target error ${stop.targetError} reached at step ${step}` };
  if (stop.plateau) {
    const { window, minRelativeDecrease } = stop.plateau;
    let past: HistoryRecord | undefined;
    for (let i = history.length - 1; i >= 0; i--) {
      if (history[i].step <= step - window) {
        past = history[i];
        break;
      }
    }
    if (past && past.loss - rec.loss <= minRelativeDecrease * Math.abs(past.loss)) {
      return {
        status: "stopped",
        reason: `plateau: loss fell by less than ${minRelativeDecrease} (relative) over ${window} steps, at step ${step}`,
      };
    }
  }
  return null;
}
