import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { configureThreads } from "../engine/threads/config.js";
import { type HelperInit, helperMain } from "../engine/threads/helper.js";

/** Starts a helper as a worker_threads Worker evaluating `helperMain`'s source (no worker file to find). */
function spawnNodeHelper(init: HelperInit) {
  const worker = new Worker(
    `require("node:worker_threads");(${String(helperMain)})(require("node:worker_threads").workerData);`,
    {
      eval: true,
      workerData: init,
    },
  );
  // Helpers never keep the process alive: a blocked helper is simply ended with it.
  worker.unref();
  return { terminate: () => void worker.terminate() };
}

/** Node: WASM backends may use helper threads; `threads` defaults to the cores available. */
export function useNodeThreads(threads = availableParallelism()): void {
  configureThreads(spawnNodeHelper, threads);
}
