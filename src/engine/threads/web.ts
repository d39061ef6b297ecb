import { configureThreads } from "./config.js";
import { type HelperInit, helperMain } from "./helper.js";

/** Starts a helper as a Web Worker made from `helperMain`'s source (a blob: URL; no extra bundle entry). */
function spawnWebHelper(init: HelperInit) {
  const source = `self.onmessage = (e) => (${String(helperMain)})(e.data);`;
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const worker = new Worker(url);
  worker.postMessage(init);
  return {
    terminate: () => {
      worker.terminate();
      URL.revokeObjectURL(url);
    },
  };
}

/**
 * Browsers: helpers need shared memory, i.e. a cross-origin-isolated page (COOP/COEP headers, as
 * `learndyn lab` serves). Returns the thread count configured (1 where the page is not isolated).
 */
export function useWebThreads(threads = navigator.hardwareConcurrency || 1): number {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true;
  if (!isolated || typeof SharedArrayBuffer !== "function") {
    configureThreads(null, 1);
    return 1;
  }
  configureThreads(spawnWebHelper, Math.max(1, threads));
  return Math.max(1, threads);
}
