import type { SpawnHelper } from "./helper.js";

/**
 * How this process starts WASM helper threads, and how many threads a new backend uses by default.
 * The engine itself imports nothing environment-specific: Node entry points call `useNodeThreads`
 * (src/node/threads.ts), the lab's training worker `useWebThreads` (threads/web.ts). Until then every
 * backend runs on the calling thread alone.
 */
let spawner: SpawnHelper | null = null;
let defaultThreads = 1;

/** Sets the spawner and the default thread count (≥ 1; 1 = no helpers). */
export function configureThreads(spawn: SpawnHelper | null, threads: number): void {
  if (!Number.isInteger(threads) || threads < 1 || threads > 64)
    throw new Error(`threads must be an integer from 1 to 64, got ${threads}`);
  spawner = spawn;
  defaultThreads = spawn ? threads : 1;
}

/** The configured spawner (null: helpers cannot be started here). */
export function threadSpawner(): SpawnHelper | null {
  return spawner;
}

/** Threads a new WASM backend uses when its options do not say (1 until configured). */
export function defaultThreadCount(): number {
  return defaultThreads;
}
