/** Messages between the GAN view and its worker (structured-clone plain data only). */
import type { GanChoice, GanFrame, GanInfo } from "./gan-session.js";

/** Page → worker. `id` tags a run; replies carry it so stale ones are dropped. */
export type ToGanWorker =
  | { type: "load"; id: number; choice: GanChoice }
  | { type: "play" }
  | { type: "pause" };

/** Worker → page. */
export type FromGanWorker =
  | { type: "loaded"; id: number; info: GanInfo; frame: GanFrame }
  | { type: "frame"; id: number; frame: GanFrame; playing: boolean }
  | { type: "error"; id: number; message: string };
