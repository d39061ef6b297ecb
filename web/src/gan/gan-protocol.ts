/** Messages between the GAN view and its worker (structured-clone plain data only). */
import type { GanChoice, GanFrame, GanInfo } from "./gan-session.js";

/** Page → worker. `id` tags a run; replies carry it so stale ones are dropped. */
export type ToGanWorker =
  | { type: "load"; id: number; choice: GanChoice }
  /** Train at `perSecond` generator updates per second (Infinity: as fast as the worker can). */
  | { type: "play"; perSecond: number }
  | { type: "pause" }
  /** Take exactly `iterations` more generator updates, then pause. */
  | { type: "step"; iterations: number }
  | { type: "speed"; perSecond: number };

/** Worker → page. */
export type FromGanWorker =
  | { type: "loaded"; id: number; info: GanInfo; frame: GanFrame }
  | { type: "frame"; id: number; frame: GanFrame; playing: boolean }
  | { type: "error"; id: number; message: string };
