/**
 * The lab's GAN view (issue 6, item 5): choose the data (ring/grid), loss, optimizer and seed; train in a
 * Web Worker; watch the generated samples move over the true modes on the discriminator's surface, and
 * the modes captured over time. The run is the GAN bench's default scale (`learndyn reproduce gan`).
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { ganHistoryCsv } from "../../../src/gan/history-csv.js";
import type { GanRecord } from "../../../src/gan/train.js";
import { download, renderFigure } from "../export/figures.js";
import { LineChart } from "../plot/line-chart.js";
import { GanControls } from "./gan-controls.js";
import { ganCliCommand, ganFigureSpec } from "./gan-export.js";
import { GanPlane } from "./gan-plane.js";
import type { FromGanWorker, ToGanWorker } from "./gan-protocol.js";
import { type GanChoice, type GanFrame, type GanInfo, ganLabConfig } from "./gan-session.js";
import { decodeGanHash, encodeGanHash } from "./gan-url.js";

const SPEEDS = [
  { value: 100, label: "slow · 100 updates/s" },
  { value: 500, label: "normal · 500 updates/s" },
  { value: Number.POSITIVE_INFINITY, label: "max" },
];
/** Generator updates per press of "step" (one record). */
const STEP = 50;

/** SVG/PNG download buttons of a GAN card. */
function FigureButtons(props: { onExport: (format: "svg" | "png") => void; id: string }) {
  return (
    <div class="card-tools">
      {(["svg", "png"] as const).map((f) => (
        <button
          key={f}
          type="button"
          class="tiny"
          onClick={() => props.onExport(f)}
          title={`download as ${f.toUpperCase()}`}
          data-testid={`gan-${props.id}-${f}`}
        >
          {f.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

interface GanRunState {
  id: number;
  info: GanInfo | null;
  frame: GanFrame | null;
  history: GanRecord[];
  error: string | null;
}

export function GanView() {
  const start = useMemo(() => decodeGanHash(window.location.hash), []);
  const [choice, setChoice] = useState<GanChoice>(start.choice);
  const [seedText, setSeedText] = useState(String(start.choice.seed));
  const [notice, setNotice] = useState<string | null>(start.error);
  const [speed, setSpeed] = useState(Number.POSITIVE_INFINITY);
  const [playing, setPlaying] = useState(false);
  const [run, setRun] = useState<GanRunState>({ id: 0, info: null, frame: null, history: [], error: null });
  const worker = useRef<Worker | null>(null);
  const idRef = useRef(0);

  const post = (m: ToGanWorker) => worker.current?.postMessage(m);

  useEffect(() => {
    const w = new Worker(new URL("./gan-worker.ts", import.meta.url), { type: "module" });
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromGanWorker>) => {
      const m = e.data;
      if (m.id !== idRef.current) return;
      if (m.type === "loaded") {
        setRun({ id: m.id, info: m.info, frame: m.frame, history: [...m.frame.records], error: null });
      } else if (m.type === "frame") {
        setRun((r) => ({ ...r, frame: m.frame, history: [...r.history, ...m.frame.records] }));
        if (!m.playing) setPlaying(false);
      } else {
        setRun((r) => ({ ...r, error: m.message }));
        setPlaying(false);
      }
    };
    return () => w.terminate();
  }, []);

  // A new run whenever the choice changes (and on reset).
  const load = (c: GanChoice) => {
    idRef.current += 1;
    setPlaying(false);
    setRun({ id: idRef.current, info: null, frame: null, history: [], error: null });
    post({ type: "load", id: idRef.current, choice: c });
  };
  useEffect(() => {
    window.history.replaceState(null, "", encodeGanHash(choice));
    load(choice);
  }, [choice]);

  const choose = (patch: Partial<GanChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const toggle = () => {
    if (playing) {
      post({ type: "pause" });
      setPlaying(false);
    } else if (run.frame?.status === "running") {
      post({ type: "play", perSecond: speed });
      setPlaying(true);
    }
  };

  const { info, frame, history } = run;
  const K = info ? info.means.length / 2 : 0;
  const last = history[history.length - 1];
  const config = ganLabConfig(choice);
  const command = ganCliCommand(config);
  const flash = (msg: string) => {
    setNotice(msg);
    setTimeout(() => setNotice((n) => (n === msg ? null : n)), 4000);
  };
  const exportFigure = async (which: "modes" | "samples", format: "svg" | "png") => {
    if (!info || !frame) return;
    try {
      const out = await renderFigure(ganFigureSpec(which, info, frame, history), format);
      download(`learndyn-gan-${which}.${format}`, out, "image/svg+xml");
    } catch (e) {
      flash(`figure export failed: ${(e as Error).message}`);
    }
  };
  const copyCli = async () => {
    try {
      await navigator.clipboard.writeText(command);
      flash("Copied the CLI command: `learndyn gan` trains the same run.");
    } catch {
      window.prompt("Copy the CLI command:", command);
    }
  };
  return (
    <div class="gan">
      <div class="toolbar" role="toolbar" aria-label="GAN training">
        <button
          type="button"
          class="round"
          onClick={() => load(choice)}
          title="reset: new run from iteration 0"
          aria-label="reset"
          data-testid="gan-reset"
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d="M12 5V2L7 6l5 4V7a5 5 0 1 1-5 5H5a7 7 0 1 0 7-7z" fill="currentColor" />
          </svg>
        </button>
        <button
          type="button"
          class="round play"
          onClick={toggle}
          disabled={frame?.status !== "running"}
          aria-label={playing ? "pause" : "play"}
          data-testid="gan-play"
          title={playing ? "pause" : "train"}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d={playing ? "M6 5h4v14H6zm8 0h4v14h-4z" : "M8 5v14l11-7z"} fill="currentColor" />
          </svg>
        </button>
        <button
          type="button"
          class="round"
          onClick={() => {
            setPlaying(false);
            post({ type: "step", iterations: STEP });
          }}
          disabled={frame?.status !== "running"}
          aria-label="step"
          title={`advance ${STEP} generator updates`}
          data-testid="gan-step"
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
            <path d="M6 6l8.5 6L6 18zM16 6h2v12h-2z" fill="currentColor" />
          </svg>
        </button>
        <select
          aria-label="speed"
          data-testid="gan-speed"
          value={String(speed)}
          onChange={(e) => {
            const v = Number((e.currentTarget as HTMLSelectElement).value);
            setSpeed(v);
            post({ type: "speed", perSecond: v });
          }}
        >
          {SPEEDS.map((s) => (
            <option key={s.label} value={String(s.value)}>
              {s.label}
            </option>
          ))}
        </select>
        <div class="status" data-testid="gan-status">
          <div class="bar">
            <div style={{ width: `${info && frame ? (100 * frame.iteration) / info.iterations : 0}%` }} />
          </div>
          <span>
            iteration <b data-testid="gan-iteration">{frame?.iteration ?? 0}</b> / {info?.iterations ?? "–"} ·
            modes captured{" "}
            <b data-testid="gan-modes">{frame ? `${frame.captured.filter(Boolean).length} / ${K}` : "–"}</b> ·
            high-quality samples <b>{last ? `${Math.round(100 * last.highQuality)}%` : "–"}</b>
            {frame && frame.status !== "running" && (
              <span class={`pill ${frame.status}`}>{frame.status}</span>
            )}
          </span>
        </div>
      </div>
      {notice && (
        <p class="notice" role="status" data-testid="gan-notice">
          {notice}
          <button type="button" class="tiny" onClick={() => setNotice(null)} aria-label="dismiss">
            ×
          </button>
        </p>
      )}
      {run.error && (
        <div class="banner invalid" role="alert">
          <b>Training stopped with an error:</b> {run.error}
        </div>
      )}
      <main class="layout">
        <aside class="side">
          <GanControls choice={choice} choose={choose} seedText={seedText} setSeedText={setSeedText} />
          <div class="actions">
            <h3>Take it with you</h3>
            <button type="button" onClick={copyCli} data-testid="gan-copy-cli">
              Copy CLI command
            </button>
            <button
              type="button"
              onClick={() => download("learndyn-gan.json", `${JSON.stringify(config, null, 2)}\n`)}
              data-testid="gan-config-json"
            >
              Config JSON
            </button>
            <button
              type="button"
              onClick={() => download("gan-history.json", `${JSON.stringify(history)}\n`)}
              data-testid="gan-history-json"
            >
              History JSON
            </button>
            <button
              type="button"
              onClick={() => download("gan-history.csv", ganHistoryCsv(history), "text/csv")}
              data-testid="gan-history-csv"
            >
              History CSV
            </button>
            <code class="cli" data-testid="gan-cli-command">
              {command}
            </code>
          </div>
        </aside>
        <section class="main">
          <div class="views">
            <section class="card" aria-label="Samples and discriminator">
              <header>
                <div>
                  <h3>Generated samples on the discriminator's surface</h3>
                  <p class="sub">
                    2500 samples of G (dots) over the true modes (3σ circles, green once captured); blue where
                    D says real, orange where it says fake
                  </p>
                </div>
                <FigureButtons id="samples" onExport={(f) => void exportFigure("samples", f)} />
              </header>
              {info && frame ? (
                <GanPlane info={info} frame={frame} />
              ) : (
                <p class="muted">setting up the run…</p>
              )}
            </section>
            <section class="card" aria-label="Modes captured over time">
              <header>
                <div>
                  <h3>Modes captured over time</h3>
                  <p class="sub">
                    a mode is captured when ≥ 1 of 2500 samples lies within 3σ of it (VEEGAN, PacGAN); and the
                    share of such high-quality samples
                  </p>
                </div>
                <FigureButtons id="modes" onExport={(f) => void exportFigure("modes", f)} />
              </header>
              <LineChart
                label="modes captured over time"
                testId="gan-modes-chart"
                series={[
                  {
                    name: "modes captured",
                    color: "#0072B2",
                    x: history.map((r) => r.iteration),
                    y: history.map((r) => r.modesCaptured),
                    width: 2.5,
                  },
                ]}
                xLabel="generator updates"
                yLabel="modes captured"
                xDomain={[0, info?.iterations ?? 4000]}
                yDomain={[0, Math.max(1, K)]}
              />
              <LineChart
                label="share of high-quality samples over time"
                testId="gan-quality-chart"
                series={[
                  {
                    name: "high-quality share",
                    color: "#009E73",
                    x: history.map((r) => r.iteration),
                    y: history.map((r) => r.highQuality),
                    width: 2.5,
                  },
                ]}
                xLabel="generator updates"
                yLabel="high-quality share"
                xDomain={[0, info?.iterations ?? 4000]}
                yDomain={[0, 1]}
                height={170}
              />
            </section>
          </div>
        </section>
      </main>
    </div>
  );
}
