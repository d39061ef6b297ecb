/// <reference lib="webworker" />
/**
 * The lab's training worker: owns one LabSession and advances it in time slices, posting new history
 * records (and a decision-boundary grid at most every GRID_MS) back to the page. The page never trains.
 */
import { useWebThreads } from "../../../src/index.js";
import type { FromWorker, ToWorker } from "./protocol.js";
import { LabSession } from "./session.js";

/** Longest slice of training between two posts (ms): keeps the worker responsive to pause. */
const SLICE_MS = 30;
/** Tick period while playing (ms). */
const TICK_MS = 40;
/** Least time between two decision grids (ms). */
const GRID_MS = 150;

const post = (m: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

let session: LabSession | null = null;
let id = 0;
let playing = false;
let stepsPerSecond = 200;
let budget = 0;
/** When the last tick counted what is owed (performance.now()). */
let lastTick = 0;
let timer: ReturnType<typeof setTimeout> | null = null;
let lastGrid = 0;

function send(force = false): void {
  if (!session) return;
  const progress = session.drain();
  const now = performance.now();
  let grid = null;
  let weights = null;
  if (force || now - lastGrid > GRID_MS || progress.status !== "running") {
    grid = session.decisionGrid();
    weights = session.weights();
    lastGrid = now;
  }
  if (progress.records.length === 0 && !grid && !weights && !force) return;
  post({ type: "progress", id, progress, grid, weights, playing });
}

/** Advances by up to `steps` but no longer than SLICE_MS; returns the steps taken. */
function slice(steps: number): number {
  return session ? session.advanceFor(SLICE_MS, steps) : 0;
}

function tick(): void {
  timer = null;
  if (!playing || !session) return;
  // The steps owed for the time since the last tick, by the clock (at most one second's worth): a tick
  // lasts its slice, the posts and the decision grid besides TICK_MS, so a fixed TICK_MS's worth per tick
  // and a fixed wait after it held "fast · 1000 steps/s" at 189/s where max made 1038/s.
  const now = performance.now();
  if (Number.isFinite(stepsPerSecond))
    budget = Math.min(stepsPerSecond, budget + ((now - lastTick) * stepsPerSecond) / 1000);
  lastTick = now;
  const want = Number.isFinite(stepsPerSecond) ? Math.floor(budget) : 1e9;
  if (want >= 1) budget -= slice(want);
  if (!Number.isFinite(stepsPerSecond)) budget = 0;
  if (session.status !== "running") playing = false;
  send(!playing);
  // Wait TICK_MS only when nothing is owed; steps still owed (the worker is behind) go on at once.
  if (playing) timer = setTimeout(tick, Number.isFinite(stepsPerSecond) && budget < 1 ? TICK_MS : 0);
}

/** Starts the clock of what is owed: one tick's worth at once, then by the time that passes. */
function startPacing(): void {
  lastTick = performance.now();
  budget = Number.isFinite(stepsPerSecond) ? (stepsPerSecond * TICK_MS) / 1000 : 0;
}

function stop(): void {
  playing = false;
  if (timer !== null) clearTimeout(timer);
  timer = null;
  budget = 0;
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const msg = event.data;
  try {
    switch (msg.type) {
      case "load": {
        stop();
        id = msg.id;
        session?.dispose();
        session = null;
        // Large products split across helper threads where the page is cross-origin isolated (`learndyn
        // lab` sends COOP/COEP); helpers start only at the first product big enough to gain. Same bits.
        useWebThreads(msg.threads);
        try {
          session = new LabSession(msg.config);
        } catch (e) {
          post({ type: "load-error", id, message: (e as Error).message });
          return;
        }
        post({ type: "loaded", id, info: session.info, totalSteps: session.config.train.steps });
        send(true);
        try {
          post({ type: "theory", id, overlay: session.theory() });
        } catch (e) {
          post({
            type: "theory",
            id,
            overlay: {
              t: [],
              modes: [],
              error: null,
              errorPopulation: null,
              notes: [`theory overlay failed: ${(e as Error).message}`],
            },
          });
        }
        return;
      }
      case "play":
        stepsPerSecond = msg.stepsPerSecond;
        if (!playing && session && session.status === "running") {
          playing = true;
          startPacing();
          tick();
        }
        return;
      case "pause":
        stop();
        send(true);
        return;
      case "speed":
        stepsPerSecond = msg.stepsPerSecond;
        startPacing();
        return;
      case "step":
        stop();
        if (session) {
          let left = msg.steps;
          while (left > 0 && session.status === "running") left -= Math.max(1, slice(left));
        }
        send(true);
        return;
    }
  } catch (e) {
    stop();
    post({ type: "crash", id, message: `${(e as Error).name}: ${(e as Error).message}` });
  }
};
