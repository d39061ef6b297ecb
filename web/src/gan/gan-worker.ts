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
let perSecond = Number.POSITIVE_INFINITY;
let budget = 0;
let lastTick = 0;

function tick(): void {
  timer = null;
  if (!playing || !session) return;
  // At a finite speed, the updates owed since the last tick (at most one second's worth).
  const now0 = performance.now();
  if (Number.isFinite(perSecond))
    budget = Math.min(perSecond, budget + ((now0 - lastTick) * perSecond) / 1000);
  lastTick = now0;
  // The library's advanceFor (the trainer's step loop): as many updates as fit in SLICE_MS, and at a
  // finite speed no more than are owed.
  if (!Number.isFinite(perSecond)) session.advanceFor(SLICE_MS);
  else if (budget >= 1) budget -= session.advanceFor(SLICE_MS, Math.floor(budget));
  if (session.status !== "running") playing = false;
  const now = performance.now();
  if (!playing || now - lastFrame >= FRAME_MS) {
    lastFrame = now;
    post({ type: "frame", id, frame: session.frame(), playing });
  }
  // At a finite speed the next tick waits 40 ms unless updates are still owed: a fixed wait after each
  // 25 ms slice capped the worker at ~40% of its pace, so "500 updates/s" ran at ~250/s on a 700/s machine.
  if (playing) timer = setTimeout(tick, Number.isFinite(perSecond) && budget < 10 ? 40 : 0);
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
      perSecond = msg.perSecond;
      if (!playing && session && session.status === "running") {
        playing = true;
        budget = 0;
        lastTick = performance.now();
        tick();
      }
    } else if (msg.type === "speed") {
      perSecond = msg.perSecond;
      budget = 0;
    } else if (msg.type === "step") {
      stop();
      if (session) {
        session.advance(msg.iterations);
        post({ type: "frame", id, frame: session.frame(), playing: false });
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
