/**
 * A finished run seen at an earlier record k: the history and measurements up to k, and (for nets whose
 * parameters are kept per record) the weights and decision function at k, recomputed from those
 * parameters. Every view then draws step k: the phase portrait's units end where they were, the boundary
 * and the network diagram are those of step k.
 */
import type { RunView } from "../components/run-view.js";
import { gridFor, netFor } from "./net-cache.js";

let last: { run: RunView; k: number; length: number; out: RunView } | null = null;

/** `run` at record index k (0-based; clamped); the same object for the same run and k. */
export function runAt(run: RunView, k: number): RunView {
  const n = run.history.length;
  const at = Math.max(0, Math.min(n - 1, Math.floor(k)));
  if (last && last.run === run && last.k === at && last.length === n) return last.out;
  const extras = run.extras.slice(0, at + 1);
  const params = extras[at]?.params;
  let { grid, weights } = run;
  if (params) {
    const net = netFor(run);
    const step = extras[at].step;
    weights = { step, layers: net.layers(params) };
    const g = gridFor(run.info);
    grid = g ? { step, x: g.x, y: g.y, values: Array.from(net.plane(params, g).logit) } : null;
  }
  const out: RunView = { ...run, history: run.history.slice(0, at + 1), extras, grid, weights };
  last = { run, k: at, length: n, out };
  return out;
}

/** Whether a run keeps what scrubbing needs (its parameters at every record). */
export const canScrub = (run: RunView) => run.extras.length > 1 && run.extras[0].params !== undefined;
