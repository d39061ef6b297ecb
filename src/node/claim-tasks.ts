import type { Leases, RunRef } from "./store/leases.js";

/** How many tasks are claimed in one transaction. */
const CHUNK = 64;

/**
 * The tasks of `tasks` this process may compute: claimed in the store in chunks (see leases.ts), so two
 * processes on one store share the work instead of both doing all of it. A task another live process has
 * claimed, or stored meanwhile, is left out and counted in `elsewhere.count`.
 */
export function* claimedTasks<T>(
  tasks: Iterable<T>,
  refOf: (task: T) => RunRef,
  leases: Leases,
  retryFailed: boolean,
  elsewhere: { count: number },
): Generator<T> {
  let chunk: T[] = [];
  const flush = function* () {
    const claimed = leases.claim(chunk.map(refOf), retryFailed);
    const mine = chunk.filter((_, i) => claimed[i]);
    elsewhere.count += chunk.length - mine.length;
    chunk = [];
    yield* mine;
  };
  for (const task of tasks) {
    chunk.push(task);
    if (chunk.length >= CHUNK) yield* flush();
  }
  if (chunk.length > 0) yield* flush();
}
