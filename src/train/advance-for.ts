/**
 * "Advance for N milliseconds": steps in chunks sized from the measured pace, until the time is up, the
 * step limit is reached or the run ends. The CLI's `train` (progress bar, Ctrl-C between slices) and
 * the lab's worker (posts between slices) both use it. Chunking never changes a run's bits: `advance(k)`
 * then `advance(m)` is `advance(k + m)`.
 */

/** A run that can be advanced by a number of steps. */
export interface Steppable {
  advance(maxSteps: number): unknown;
  /** Steps taken so far. */
  readonly step: number;
  readonly status: string;
}

/** The measured pace, carried from one call to the next (start with {@link newPace}). */
export interface Pace {
  /** Steps per millisecond, smoothed. */
  stepsPerMs: number;
}

export const newPace = (): Pace => ({ stepsPerMs: 0.05 });

/** Advances `run` for about `ms` milliseconds (at least one step) and at most `maxSteps`; returns the steps taken. */
export function advanceFor(
  run: Steppable,
  ms: number,
  pace: Pace,
  maxSteps = Number.POSITIVE_INFINITY,
): number {
  const start = performance.now();
  const from = run.step;
  while (run.status === "running" && run.step - from < maxSteps) {
    const left = Math.max(1, ms - (performance.now() - start));
    // Half the time left at the current pace, so one slow chunk overshoots the budget by little.
    const chunk = Math.max(
      1,
      Math.min(maxSteps - (run.step - from), Math.ceil((pace.stepsPerMs * left) / 2)),
    );
    const t0 = performance.now();
    const before = run.step;
    run.advance(chunk);
    const dt = performance.now() - t0;
    const taken = run.step - before;
    if (dt > 0.5 && taken > 0) pace.stepsPerMs = 0.7 * pace.stepsPerMs + 0.3 * (taken / dt);
    else if (taken > 0) pace.stepsPerMs *= 4; // too quick to time: try a bigger chunk
    if (performance.now() - start >= ms) break;
  }
  return run.step - from;
}
