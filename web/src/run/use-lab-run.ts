/**
 * The page's side of a training run: the worker, the run on screen (kept in a ref and grown in place, so a
 * frame re-renders only the live parts), play/pause/step/speed, and redraws throttled to ~10 per second.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { RunConfig } from "../../../src/index.js";
import type { RunView } from "../components/run-view.js";
import type { FromWorker, ToWorker } from "../worker/protocol.js";
import type { Progress } from "../worker/run-types.js";

/** The run on screen: what the views draw, filled in as the worker reports. */
export interface RunState extends Partial<RunView> {
  id: number;
  step: number;
  totalSteps: number;
  loadError: string | null;
  crash: string | null;
  backend?: { name: string; threads: number; running: number };
  /** The regime meter's verdict on the run (src/regime). */
  regime?: Progress["regime"];
}

/** Least time between two redraws of the live views (ms). */
const REDRAW_MS = 100;

const emptyRun = (id: number): RunState => ({ id, step: 0, totalSteps: 0, loadError: null, crash: null });

/** A run's state with a worker behind it; `threads` is passed to the worker's wasm backend. */
export function useLabRun(threads: number) {
  const [playing, setPlayingState] = useState(false);
  const [speed, setSpeedState] = useState(100);
  const listeners = useMemo(() => new Set<() => void>(), []);
  const run = useRef<RunState>(emptyRun(0));
  // The last run that started: it stays on screen while the config on the left cannot run.
  const lastShown = useRef<RunState | null>(null);
  const worker = useRef<Worker | null>(null);
  const playingRef = useRef(false);
  const speedRef = useRef(speed);
  const frame = useRef<{ pending: boolean; last: number }>({ pending: false, last: 0 });

  const post = useCallback((m: ToWorker) => worker.current?.postMessage(m), []);
  const setPlaying = useCallback((p: boolean) => {
    playingRef.current = p;
    setPlayingState(p);
  }, []);

  const redraw = useCallback(() => {
    if (frame.current.pending) return;
    frame.current.pending = true;
    const wait = Math.max(0, REDRAW_MS - (performance.now() - frame.current.last));
    setTimeout(
      () =>
        requestAnimationFrame(() => {
          frame.current.pending = false;
          frame.current.last = performance.now();
          for (const f of listeners) f();
        }),
      wait,
    );
  }, [listeners]);

  useEffect(() => {
    const w = new Worker(new URL("../worker/train-worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      const r = run.current;
      if (m.id !== r.id) return;
      receive(r, m);
      redraw();
    };
    w.onerror = (e) => {
      run.current.crash = `the training worker failed: ${e.message}`;
      redraw();
    };
    return () => w.terminate();
  }, [redraw]);

  /** Applies one message of the worker to the run it belongs to. */
  function receive(r: RunState, m: FromWorker): void {
    if (m.type === "loaded") {
      r.info = m.info;
      lastShown.current = r;
      r.totalSteps = m.totalSteps;
      if (playingRef.current) post({ type: "play", stepsPerSecond: speedRef.current });
    } else if (m.type === "load-error") {
      r.loadError = m.message;
      setPlaying(false);
    } else if (m.type === "theory") {
      r.theory = m.overlay;
    } else if (m.type === "crash") {
      r.crash = m.message;
      setPlaying(false);
    } else if (m.type === "progress") {
      const p = m.progress;
      (r.history as unknown[]).push(...p.records);
      (r.extras as unknown[]).push(...p.extras);
      r.step = p.step;
      r.status = p.status;
      r.stopReason = p.stopReason;
      r.backend = p.backend;
      r.regime = p.regime;
      if (m.grid) r.grid = m.grid;
      if (m.weights) r.weights = m.weights;
      if (!m.playing && playingRef.current) setPlaying(false);
    }
  }

  /** Starts a fresh run of `config` (keeps playing if it was); null (invalid input) keeps the run on screen. */
  const load = useCallback(
    (config: RunConfig | null) => {
      if (!config) {
        setPlaying(false);
        post({ type: "pause" });
        redraw();
        return;
      }
      const id = run.current.id + 1;
      run.current = {
        ...emptyRun(id),
        config,
        history: [],
        extras: [],
        grid: null,
        weights: null,
        theory: null,
        status: "running",
        stopReason: "",
      };
      post({ type: "load", id, config, threads });
      redraw();
    },
    [redraw, post, setPlaying, threads],
  );

  const togglePlay = (config: RunConfig | null) => {
    if (playingRef.current) {
      setPlaying(false);
      post({ type: "pause" });
      return;
    }
    const r = run.current;
    if (r.status && r.status !== "running") load(config);
    setPlaying(true);
    post({ type: "play", stepsPerSecond: speedRef.current });
  };
  const step = (steps: number) => {
    setPlaying(false);
    post({ type: "step", steps });
  };
  const setSpeed = (s: number) => {
    setSpeedState(s);
    speedRef.current = s;
    post({ type: "speed", stepsPerSecond: s });
  };
  return { run, lastShown, listeners, playing, speed, load, togglePlay, step, setSpeed };
}
