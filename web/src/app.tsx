/** The lab: config controls on the left, live views on the right, training in a Web Worker. */
import type { ComponentChildren } from "preact";
import { useCallback, useEffect, useMemo, useRef, useState } from "preact/hooks";
import { historyToCsv } from "../../src/train/history.js";
import { Controls } from "./components/controls.js";
import { cardsFor, type RunView, Views } from "./components/views.js";
import { download, figureSpec, renderFigure } from "./export/figures.js";
import { formatValue } from "./plot/scale.js";
import { PRESETS } from "./presets.js";
import { cliCommand } from "./state/cli-command.js";
import {
  type FieldPath,
  normalizeConfig,
  type RawConfig,
  setAt,
  validateConfig,
} from "./state/config-edit.js";
import { configForUrl, neutralConfig, neutralNotice, readCsvAsInline } from "./state/csv-upload.js";
import { decodeState, encodeState } from "./state/url-state.js";
import type { FromWorker, ToWorker } from "./worker/protocol.js";

const SPEEDS = [
  { value: 20, label: "slow · 20 steps/s" },
  { value: 100, label: "normal · 100 steps/s" },
  { value: 1000, label: "fast · 1000 steps/s" },
  { value: Number.POSITIVE_INFINITY, label: "max" },
];

const ICON = {
  reset: "M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z",
  play: "M8 5v14l11-7z",
  pause: "M6 5h4v14H6zm8 0h4v14h-4z",
  step: "M6 6l8.5 6L6 18zM16 6h2v12h-2z",
};
function Icon(props: { d: string }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
      <path d={props.d} fill="currentColor" />
    </svg>
  );
}

interface RunState extends Partial<RunView> {
  id: number;
  step: number;
  totalSteps: number;
  loadError: string | null;
  crash: string | null;
  backend?: { name: string; threads: number; running: number };
}

/**
 * Threads for the training worker's large products: `?threads=N` in the page's address, else one core
 * left for the page itself (on 2 cores: 1, since a spinning helper would take the UI's core), at most 4.
 */
const LAB_THREADS = (() => {
  const asked = Number(new URLSearchParams(window.location.search).get("threads"));
  if (Number.isInteger(asked) && asked >= 1 && asked <= 16) return asked;
  return Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 1) - 1));
})();

function initialRaw(): { raw: RawConfig; error: string | null } {
  const fallback = normalizeConfig(PRESETS[0].config) as RawConfig;
  const state = decodeState(window.location.hash);
  if (
    state.kind === "ok" &&
    state.config &&
    typeof state.config === "object" &&
    !Array.isArray(state.config)
  ) {
    const raw = state.config as RawConfig;
    const data = raw.data as { kind?: string; path?: string } | undefined;
    const error =
      data?.kind === "file"
        ? `This link's data came from ${data.path}, which was too large to put in the link: upload that file (Data → Upload CSV) to run it; the rest of the config is kept.`
        : null;
    return { raw, error };
  }
  if (state.kind === "ok")
    return { raw: fallback, error: "the link's config is not a JSON object; showing preset C1" };
  return {
    raw: fallback,
    error: state.kind === "error" ? `${state.message}. Showing preset C1 instead.` : null,
  };
}

/** The axes a config starts with: its preset's view (matched by name), else linear time and log loss. */
function presetView(raw: RawConfig): { logX: boolean; logY: Record<string, boolean> } {
  const view = PRESETS.find((p) => p.config.name === raw.name)?.view;
  const logY: Record<string, boolean> = { loss: true };
  for (const card of view?.logY ?? []) logY[card] = true;
  return { logX: view?.logX ?? false, logY };
}

/** Re-renders its children (a function) on every frame of the run, without re-rendering the whole app. */
function Live(props: { sub: Set<() => void>; children: () => ComponentChildren }) {
  const [, set] = useState(0);
  useEffect(() => {
    const f = () => set((x) => x + 1);
    props.sub.add(f);
    return () => {
      props.sub.delete(f);
    };
  }, [props.sub]);
  return <>{props.children()}</>;
}

export function App() {
  const init = useMemo(initialRaw, []);
  const [raw, setRaw] = useState<RawConfig>(init.raw);
  const [notice, setNotice] = useState<string | null>(init.error);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [csvName, setCsvName] = useState<string | null>(null);
  const [speed, setSpeed] = useState(100);
  const [playing, setPlaying] = useState(false);
  const startView = useMemo(() => presetView(init.raw), [init.raw]);
  const [logX, setLogX] = useState(startView.logX);
  const [logY, setLogY] = useState<Record<string, boolean>>(startView.logY);
  const listeners = useMemo(() => new Set<() => void>(), []);
  const v = useMemo(() => validateConfig(raw), [raw]);
  const run = useRef<RunState>({ id: 0, step: 0, totalSteps: 0, loadError: null, crash: null });
  // The last run that started: it stays on screen while the config on the left cannot run.
  const lastShown = useRef<RunState | null>(null);
  const worker = useRef<Worker | null>(null);
  const playingRef = useRef(false);
  const speedRef = useRef(speed);
  const frame = useRef<{ pending: boolean; last: number }>({ pending: false, last: 0 });

  const redraw = useCallback(() => {
    if (frame.current.pending) return;
    frame.current.pending = true;
    const wait = Math.max(0, 100 - (performance.now() - frame.current.last));
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

  const post = (m: ToWorker) => worker.current?.postMessage(m);

  useEffect(() => {
    const w = new Worker(new URL("./worker/train-worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => {
      const m = e.data;
      const r = run.current;
      if (m.id !== r.id) return;
      if (m.type === "loaded") {
        r.info = m.info;
        lastShown.current = r;
        r.totalSteps = m.totalSteps;
        if (playingRef.current) post({ type: "play", stepsPerSecond: speedRef.current });
      } else if (m.type === "load-error") {
        r.loadError = m.message;
        playingRef.current = false;
        setPlaying(false);
      } else if (m.type === "theory") {
        r.theory = m.overlay;
      } else if (m.type === "crash") {
        r.crash = m.message;
        playingRef.current = false;
        setPlaying(false);
      } else if (m.type === "progress") {
        const p = m.progress;
        (r.history as unknown[]).push(...p.records);
        (r.extras as unknown[]).push(...p.extras);
        r.step = p.step;
        r.status = p.status;
        r.stopReason = p.stopReason;
        r.backend = p.backend;
        if (m.grid) r.grid = m.grid;
        if (m.weights) r.weights = m.weights;
        if (!m.playing && playingRef.current) {
          playingRef.current = false;
          setPlaying(false);
        }
      }
      redraw();
    };
    w.onerror = (e) => {
      run.current.crash = `the training worker failed: ${e.message}`;
      redraw();
    };
    return () => w.terminate();
  }, [redraw]);

  /** Starts a fresh run of the current config (keeps playing if it was). */
  const load = useCallback(() => {
    const r = run.current;
    const id = r.id + 1;
    if (!v.config) {
      // Invalid input: the run on screen stays (the fields say what is wrong); nothing new starts.
      playingRef.current = false;
      setPlaying(false);
      post({ type: "pause" });
      redraw();
      return;
    }
    run.current = {
      id,
      step: 0,
      totalSteps: 0,
      loadError: null,
      crash: null,
      history: [],
      extras: [],
      grid: null,
      weights: null,
      theory: null,
      status: "running",
      stopReason: "",
    };
    run.current.config = v.config;
    post({ type: "load", id, config: v.config, threads: LAB_THREADS });
    redraw();
  }, [v.config, redraw]);

  useEffect(() => {
    history.replaceState(null, "", `#${encodeState(configForUrl(raw))}`);
    const t = setTimeout(load, 150);
    return () => clearTimeout(t);
  }, [raw, load]);

  useEffect(() => {
    const onHash = () => {
      const s = decodeState(window.location.hash);
      if (s.kind === "ok" && s.config && typeof s.config === "object") {
        if (JSON.stringify(s.config) !== JSON.stringify(configForUrl(raw))) setRaw(s.config as RawConfig);
      } else if (s.kind === "error") setNotice(s.message);
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, [raw]);

  const set = (path: FieldPath, value: unknown) => setRaw((r) => setAt(r, path, value));
  const togglePlay = () => {
    if (playingRef.current) {
      playingRef.current = false;
      setPlaying(false);
      post({ type: "pause" });
    } else {
      const r = run.current;
      if (r.status && r.status !== "running") load();
      playingRef.current = true;
      setPlaying(true);
      post({ type: "play", stepsPerSecond: speedRef.current });
    }
  };
  const choosePreset = (id: string) => {
    const p = PRESETS.find((x) => x.id === id);
    if (!p) return;
    setNotice(null);
    setCsvError(null);
    const view = presetView(p.config as RawConfig);
    setLogX(view.logX);
    setLogY(view.logY);
    setRaw(normalizeConfig(p.config) as RawConfig);
  };
  const onCsv = async (file: File) => {
    const text = await file.text();
    const res = readCsvAsInline(text, file.name);
    if ("error" in res) {
      setCsvError(res.error);
      return;
    }
    setCsvError(null);
    setCsvName(file.name);
    const data = raw.data as { kind?: string; path?: string } | undefined;
    if (data?.kind === "file" && data.path === file.name) {
      // The file a link names (too large for the link): its config is kept, only the points come in.
      setNotice(null);
      setRaw((r) => setAt(r, ["data"], res.data));
      return;
    }
    setLogX(false);
    setLogY({ loss: true });
    setNotice(neutralNotice(file.name, res.data.x.length, res.data.x[0]?.length ?? 0));
    setRaw(normalizeConfig(neutralConfig(res.data, file.name, raw.seed)) as RawConfig);
  };
  const flash = (msg: string) => {
    setNotice(msg);
    setTimeout(() => setNotice((n) => (n === msg ? null : n)), 4000);
  };
  const copyCli = async () => {
    const cmd = command;
    try {
      await navigator.clipboard.writeText(cmd);
      flash("Copied the CLI command: paste it into a terminal in a learndyn checkout.");
    } catch {
      window.prompt("Copy the CLI command:", cmd);
    }
  };
  const exportFigure = async (card: string, format: "svg" | "png") => {
    const r = run.current;
    const view: RunView | null = r.config && r.info ? (r as RunView) : null;
    if (!view) return;
    try {
      const spec = figureSpec(card, view, logX, logY[card] ?? false);
      const out = await renderFigure(spec, format);
      download(`learndyn-${card}.${format}`, out, "image/svg+xml");
    } catch (e) {
      flash(`figure export failed: ${(e as Error).message}`);
    }
  };
  const preset = PRESETS.find((p) => p.config.name === raw.name);
  const canRun = v.config !== null && !run.current.loadError;
  // Large uploaded data goes to the CLI as the file it came from (`data.kind: "file"` reads the same CSV).
  const command = useMemo(() => cliCommand(configForUrl((v.config ?? raw) as RawConfig)), [v.config, raw]);

  return (
    <div class="app">
      <header class="top">
        <div class="brand">
          <h1>
            learndyn <span>lab</span>
          </h1>
          <p>Watch a network learn — and check every curve against the theory.</p>
        </div>
        <div class="preset">
          <label for="preset">Claim preset</label>
          <select
            id="preset"
            data-testid="preset"
            value={preset?.id ?? ""}
            onChange={(e) => choosePreset((e.currentTarget as HTMLSelectElement).value)}
          >
            <option value="">custom run</option>
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
      </header>
      {preset && (
        <p class="watch" data-testid="watch">
          <b>What to watch.</b> {preset.watch}
        </p>
      )}
      <div class="toolbar" role="toolbar" aria-label="training">
        <button
          type="button"
          class="round"
          onClick={load}
          title="reset: new run from step 0"
          aria-label="reset"
          data-testid="reset"
        >
          <Icon d={ICON.reset} />
        </button>
        <button
          type="button"
          class="round play"
          onClick={togglePlay}
          disabled={!canRun}
          aria-label={playing ? "pause" : "play"}
          data-testid="play"
          title={playing ? "pause" : "train"}
        >
          <Icon d={playing ? ICON.pause : ICON.play} />
        </button>
        <button
          type="button"
          class="round"
          onClick={() => {
            playingRef.current = false;
            setPlaying(false);
            post({ type: "step", steps: 10 });
          }}
          disabled={!canRun}
          aria-label="step"
          title="advance 10 steps"
          data-testid="step"
        >
          <Icon d={ICON.step} />
        </button>
        <select
          aria-label="speed"
          value={String(speed)}
          onChange={(e) => {
            const s = Number((e.currentTarget as HTMLSelectElement).value);
            setSpeed(s);
            speedRef.current = s;
            post({ type: "speed", stepsPerSecond: s });
          }}
        >
          {SPEEDS.map((s) => (
            <option key={s.label} value={String(s.value)}>
              {s.label}
            </option>
          ))}
        </select>
        <Live sub={listeners}>
          {() => {
            const r = run.current;
            const last = r.history?.[r.history.length - 1];
            const progress = r.totalSteps > 0 ? Math.min(1, r.step / r.totalSteps) : 0;
            return (
              <div class="status" data-testid="status">
                <div class="bar">
                  <div style={{ width: `${progress * 100}%` }} />
                </div>
                <span>
                  step <b>{r.step}</b> / {r.totalSteps || "–"} · t ={" "}
                  <b>{formatValue(r.step * (v.config?.optimizer.lr ?? 0), 3)}</b> · loss{" "}
                  <b>{last ? formatValue(last.loss) : "–"}</b> · error{" "}
                  <b>{last ? formatValue(last.error, 3) : "–"}</b>
                  {r.backend && (
                    <span
                      class="backend"
                      title="kernel backend; large products split across threads when the page is cross-origin isolated (same bits)"
                    >
                      {" "}
                      · {r.backend.name}
                      {r.backend.threads > 1 && ` · ${r.backend.running}/${r.backend.threads} threads`}
                    </span>
                  )}
                  {r.status && r.status !== "running" && <span class={`pill ${r.status}`}>{r.status}</span>}
                </span>
              </div>
            );
          }}
        </Live>
        <label class="toggle">
          <input type="checkbox" checked={logX} onChange={() => setLogX(!logX)} data-testid="log-x" /> log
          time
        </label>
      </div>
      <Live sub={listeners}>
        {() => {
          const r = run.current;
          const last = r.history?.[r.history.length - 1];
          return (
            <output
              id="run-state"
              hidden
              data-run={r.id}
              data-loaded={r.info ? "1" : "0"}
              data-name={r.config?.name ?? ""}
              data-records={r.history?.length ?? 0}
              data-step={r.step}
              data-status={r.status ?? ""}
              data-final-loss={last ? String(last.loss) : ""}
              data-threads={r.backend ? `${r.backend.running}/${r.backend.threads}` : ""}
              data-theory={
                r.theory
                  ? String(
                      (r.theory.error ? 1 : 0) + (r.theory.errorPopulation ? 1 : 0) + r.theory.modes.length,
                    )
                  : ""
              }
            />
          );
        }}
      </Live>
      {notice && (
        <p class="notice" role="status" data-testid="notice">
          {notice}
          <button type="button" class="tiny" onClick={() => setNotice(null)} aria-label="dismiss">
            ×
          </button>
        </p>
      )}
      <main class="layout">
        <aside class="side">
          <Controls
            raw={raw}
            v={v}
            set={set}
            replace={setRaw}
            onCsv={onCsv}
            csvError={csvError}
            csvName={csvName}
          />
          <div class="actions">
            <h3>Take it with you</h3>
            <button type="button" onClick={copyCli} data-testid="copy-cli">
              Copy CLI command
            </button>
            <button
              type="button"
              disabled={!v.config}
              onClick={() => download("learndyn-run.json", `${JSON.stringify(v.config, null, 2)}\n`)}
            >
              Config JSON
            </button>
            <button
              type="button"
              onClick={() => download("history.json", `${JSON.stringify(run.current.history ?? [])}\n`)}
            >
              History JSON
            </button>
            <button
              type="button"
              onClick={() =>
                download("history.csv", historyToCsv([...(run.current.history ?? [])]), "text/csv")
              }
            >
              History CSV
            </button>
            <code class="cli" data-testid="cli-command">
              {command}
            </code>
            {configForUrl(raw) !== raw && (
              <p class="hint" data-testid="data-not-in-url">
                The uploaded data is too large for the page's link, so the link (and the command) name the
                file it came from, {String((configForUrl(raw).data as { path: string }).path)}. "Config JSON"
                holds everything, the points included.
              </p>
            )}
          </div>
        </aside>
        <section class="main">
          {!v.config && (
            <div class="banner invalid" role="alert" data-testid="invalid-banner">
              <b>This config cannot run yet.</b> Fix the fields marked in red:
              <ul>
                {v.messages.slice(0, 6).map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          )}
          <Live sub={listeners}>
            {() => {
              const r = run.current;
              const shown = r.config && r.info ? r : !v.config || r.loadError ? lastShown.current : null;
              const view: RunView | null = shown?.config && shown.info ? (shown as RunView) : null;
              return (
                <>
                  {r.loadError && (
                    <div class="banner invalid" role="alert" data-testid="load-error">
                      <b>This config cannot run:</b> {r.loadError}
                    </div>
                  )}
                  {r.crash && (
                    <div class="banner invalid" role="alert">
                      <b>Training stopped with an error:</b> {r.crash}
                    </div>
                  )}
                  {r.status === "diverged" && (
                    <div class="banner diverged" role="alert" data-testid="diverged-banner">
                      <b>Training diverged</b> at step {r.step}: {r.stopReason}. The loss is no longer a
                      finite number, so the curves stop at the red line. Try a smaller learning rate or init
                      scale.
                    </div>
                  )}
                  {view ? (
                    <Views
                      run={view}
                      o={{
                        logX,
                        logY,
                        toggleLogY: (c) => setLogY((l) => ({ ...l, [c]: !l[c] })),
                        exportFigure: (c, f) => void exportFigure(c, f),
                      }}
                    />
                  ) : (
                    canRun && <p class="muted">setting up the run…</p>
                  )}
                  {view && (
                    <p class="footnote">Views: {cardsFor(view).join(" · ")}. Hover a chart to read values.</p>
                  )}
                </>
              );
            }}
          </Live>
        </section>
      </main>
    </div>
  );
}
