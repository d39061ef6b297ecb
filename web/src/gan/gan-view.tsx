/**
 * The lab's GAN view (issue 6, item 5): choose the data (ring/grid), loss, optimizer and seed; train in a
 * Web Worker; watch the generated samples move over the true modes on the discriminator's surface, and
 * the modes captured over time. The run is the GAN bench's default scale (`learndyn reproduce gan`).
 */
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import type { GanRecord } from "../../../src/index.js";
import { ganHistoryCsv } from "../../../src/index.js";
import { FigureButtons } from "../components/card.js";
import { TakeAway } from "../components/take-away.js";
import { Notice, type Speed, Transport } from "../components/transport.js";
import { download, renderFigure } from "../export/figures.js";
import { LineChart } from "../plot/line-chart.js";
import { GanControls } from "./gan-controls.js";
import { ganCliCommand, ganFigureSpec } from "./gan-export.js";
import { GanPlane } from "./gan-plane.js";
import type { FromGanWorker, ToGanWorker } from "./gan-protocol.js";
import { type GanChoice, type GanFrame, type GanInfo, ganLabConfig } from "./gan-session.js";
import { decodeGanHash, encodeGanHash } from "./gan-url.js";

const SPEEDS: Speed[] = [
  { value: 100, label: "slow · 100 updates/s" },
  { value: 500, label: "normal · 500 updates/s" },
  { value: Number.POSITIVE_INFINITY, label: "max" },
];
/** The two curves of the modes card. */
const GAN_CHARTS = [
  {
    key: "modesCaptured",
    label: "modes captured over time",
    testId: "gan-modes-chart",
    name: "modes captured",
    color: "#0072B2",
    height: undefined,
  },
  {
    key: "highQuality",
    label: "share of high-quality samples over time",
    testId: "gan-quality-chart",
    name: "high-quality share",
    color: "#009E73",
    height: 170,
  },
] as const;
/** Generator updates per press of "step" (one record). */
const STEP = 50;

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
        <Transport
          prefix="gan-"
          playing={playing}
          canRun={frame?.status === "running"}
          onReset={() => load(choice)}
          resetTitle="reset: new run from iteration 0"
          onToggle={toggle}
          onStep={() => {
            setPlaying(false);
            post({ type: "step", iterations: STEP });
          }}
          stepTitle={`advance ${STEP} generator updates`}
          speeds={SPEEDS}
          speed={speed}
          onSpeed={(v) => {
            setSpeed(v);
            post({ type: "speed", perSecond: v });
          }}
        />
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
      <Notice text={notice} onDismiss={() => setNotice(null)} testId="gan-notice" />
      {run.error && (
        <div class="banner invalid" role="alert">
          <b>Training stopped with an error:</b> {run.error}
        </div>
      )}
      <main class="layout">
        <aside class="side">
          <GanControls choice={choice} choose={choose} seedText={seedText} setSeedText={setSeedText} />
          <TakeAway
            prefix="gan-"
            onCopy={copyCli}
            command={command}
            files={[
              {
                label: "Config JSON",
                name: "learndyn-gan.json",
                content: () => `${JSON.stringify(config, null, 2)}\n`,
                testId: "gan-config-json",
              },
              {
                label: "History JSON",
                name: "gan-history.json",
                content: () => `${JSON.stringify(history)}\n`,
                testId: "gan-history-json",
              },
              {
                label: "History CSV",
                name: "gan-history.csv",
                content: () => ganHistoryCsv(history),
                type: "text/csv",
                testId: "gan-history-csv",
              },
            ]}
          />
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
                <div class="card-tools">
                  <FigureButtons testPrefix="gan-samples" onExport={(f) => void exportFigure("samples", f)} />
                </div>
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
                <div class="card-tools">
                  <FigureButtons testPrefix="gan-modes" onExport={(f) => void exportFigure("modes", f)} />
                </div>
              </header>
              {GAN_CHARTS.map((c) => (
                <LineChart
                  key={c.key}
                  label={c.label}
                  testId={c.testId}
                  series={[
                    {
                      name: c.name,
                      color: c.color,
                      x: history.map((r) => r.iteration),
                      y: history.map((r) => r[c.key]),
                      width: 2.5,
                    },
                  ]}
                  xLabel="generator updates"
                  yLabel={c.name}
                  xDomain={[0, info?.iterations ?? 4000]}
                  yDomain={[0, c.key === "modesCaptured" ? Math.max(1, K) : 1]}
                  height={c.height}
                />
              ))}
            </section>
          </div>
        </section>
      </main>
    </div>
  );
}
