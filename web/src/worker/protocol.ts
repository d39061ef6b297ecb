/** Messages between the lab page and its training worker (structured-clone plain data only). */
import type { DataInfo, DecisionGrid, Progress, WeightSnapshot } from "./run-types.js";
import type { TheoryOverlay } from "./theory-overlay.js";

/** Page → worker. */
export type ToWorker =
  /** Set up a run from a raw config (replaces the current one); `id` tags the replies. */
  /** `threads`: for the wasm backend's large products (1: none); used where the page is cross-origin isolated. */
  | { type: "load"; id: number; config: unknown; threads: number }
  /** Train continuously at `stepsPerSecond` (Infinity: as fast as possible, in time slices). */
  | { type: "play"; stepsPerSecond: number }
  | { type: "pause" }
  /** Run exactly `steps` more steps, then pause. */
  | { type: "step"; steps: number }
  | { type: "speed"; stepsPerSecond: number };

/** Worker → page. */
export type FromWorker =
  | { type: "loaded"; id: number; info: DataInfo; totalSteps: number }
  | { type: "load-error"; id: number; message: string }
  | { type: "theory"; id: number; overlay: TheoryOverlay }
  /** `grid` and `weights` come at most every GRID_MS (and at pauses and the end); null in between. */
  | {
      type: "progress";
      id: number;
      progress: Progress;
      grid: DecisionGrid | null;
      weights: WeightSnapshot | null;
      playing: boolean;
    }
  | { type: "crash"; id: number; message: string };
