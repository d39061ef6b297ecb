/// <reference lib="webworker" />
/**
 * The GAN view's worker: owns one GanSession and trains it in slices of at most SLICE_MS, posting a frame
 * (samples, D's surface, new records) at most every FRAME_MS. The page never trains.
 */
import type { FromGanWorker, ToGanWorker } from "./gan-protocol.js";
import { GanSession } from "./gan-session.js";

const SLICE_MS = 25;
const FRAME_MS = 120;

const post = (m: FromGanWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

let session: GanSession | null = null;
let id = 0;
let playing = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastFrame = 0;

function tick(): void {
  timer = null;
  if (!playing || !session) return;
  const start = performance.now();
  while (performance.now() - start < SLICE_MS && session.status === "running") session.advance(10);
  if (session.status !== "running") playing = false;
  const now = performance.now();
  if (!playing || now - lastFrame >= FRAME_MS) {
    lastFrame = now;
    post({ type: "frame", id, frame: session.frame(), playing });
  }
  if (playing) timer = setTimeout(tick, 0);
}

function stop(): void {
  playing = false;
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

self.onmessage = (event: MessageEvent<ToGanWorker>) => {
  const msg = event.data;
  try {
    if (msg.type === "load") {
      stop();
      id = msg.id;
      session = new GanSession(msg.choice);
      post({ type: "loaded", id, info: session.info, frame: session.frame() });
    } else if (msg.type === "play") {
      if (!playing && session && session.status === "running") {
        playing = true;
        tick();
      }
    } else if (msg.type === "pause") {
      stop();
      if (session) post({ type: "frame", id, frame: session.frame(), playing: false });
    }
  } catch (e) {
    stop();
    post({ type: "error", id, message: `${(e as Error).name}: ${(e as Error).message}` });
  }
};
