/** Reading the shard stores that cluster tasks write, shared by the Slurm and Kubernetes tests. */
import { existsSync } from "node:fs";
import { openStore } from "../../src/node/store/store.js";
import { comparable } from "../node/store/helpers.js";

/** A store's runs in point, then seed order, without the fields that differ between machines. */
export function storeRows(path: string) {
  const store = openStore(path);
  try {
    return comparable(store.runs()).sort((a, b) => a.pointIndex - b.pointIndex || a.seedIndex - b.seedIndex);
  } finally {
    store.close();
  }
}

/**
 * Runs committed in a shard that a task is still writing; 0 while the store is missing or half-made.
 * Counted in the store, not by file size: the file also grows while its schema is written.
 */
export function committedRuns(path: string): number {
  if (!existsSync(path)) return 0;
  try {
    return storeRows(path).length;
  } catch {
    return 0; // created but its schema not yet committed: not a store yet
  }
}
