/**
 * Re-training a pinned run that came with a link: a worker of its own (the run on screen keeps its
 * worker) loads the pin's config, runs exactly the pin's steps in one go, hands back the records and
 * stops. Same config, same steps: the same curves as when it was pinned, to the bit.
 */
import type { HistoryRecord, RunConfig } from "../../../src/index.js";
import type { FromWorker, ToWorker } from "../worker/protocol.js";

/** The history of `config` trained for `steps` steps, from a fresh training worker. */
export function replayRun(config: RunConfig, steps: number): Promise<HistoryRecord[]> {
  const w = new Worker(new URL("../worker/train-worker.ts", import.meta.url), { type: "module" });
  const post = (m: ToWorker) => w.postMessage(m);
  const history: HistoryRecord[] = [];
  return new Promise<HistoryRecord[]>((resolve, reject) => {
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      if (m.type === "loaded") post({ type: "step", steps });
      else if (m.type === "load-error" || m.type === "crash") reject(new Error(m.message));
      else if (m.type === "progress") {
        history.push(...(m.progress.records as HistoryRecord[]));
        if (m.progress.step >= steps || m.progress.status !== "running") resolve(history);
      }
    };
    w.onerror = (e) => reject(new Error(`the worker re-training a pinned run failed: ${e.message}`));
    post({ type: "load", id: 1, config, threads: 1 });
  }).finally(() => w.terminate());
}
