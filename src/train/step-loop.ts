/**
 * The one training loop: a run is a step function and an end, and this is the only code that repeats
 * them. The trainer (one net) and the GAN bench (two nets, its own step) both hand their step here, so
 * "advance k steps", "advance for N ms" (advance-for.ts, at a measured pace) and "run to the end" mean
 * the same thing, and cut the same way, for both. How a run is cut into calls never changes its bits.
 */
import { advanceFor, newPace } from "./advance-for.js";
import type { RunStatus } from "./history.js";

/** What the loop repeats: a run's state as the loop reads it, its step and its end. */
export interface LoopBody {
  /** Steps taken so far. */
  readonly step: number;
  /** "running" until the run ends (its step or its end may change it). */
  readonly status: RunStatus;
  /** Steps of the whole run. */
  readonly total: number;
  /** Takes one step (and may end the run: a stop condition, divergence). */
  oneStep(): void;
  /** Ends a run that took all `total` steps (the final record; status "done" unless it says otherwise). */
  finish(): void;
}

/** The ways to drive a run. */
export interface StepLoop {
  /** Runs up to `maxSteps` more steps (the end of the run once all are taken); returns the status afterwards. */
  advance(maxSteps: number): RunStatus;
  /**
   * Runs for about `ms` milliseconds (at least one step, at most `maxSteps`), in chunks sized from the
   * measured pace; returns the steps taken.
   */
  advanceFor(ms: number, maxSteps?: number): number;
  /** Runs to the end; returns the final status. */
  run(): RunStatus;
}

/** The loop over `body`, with its own pace for {@link StepLoop.advanceFor}. */
export function createStepLoop(body: LoopBody): StepLoop {
  const pace = newPace();
  const advance = (maxSteps: number): RunStatus => {
    const target = Math.min(body.total, body.step + maxSteps);
    while (body.status === "running" && body.step < target) body.oneStep();
    if (body.status === "running" && body.step >= body.total) body.finish();
    return body.status;
  };
  const steppable = {
    get step() {
      return body.step;
    },
    get status() {
      return body.status;
    },
    advance,
  };
  return {
    advance,
    advanceFor: (ms, maxSteps) => advanceFor(steppable, ms, pace, maxSteps),
    run: () => advance(Number.POSITIVE_INFINITY),
  };
}
