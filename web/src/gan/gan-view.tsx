/**
 * The lab's GAN view (issue 6, item 5): choose the data (ring/grid), loss, optimizer and seed; train in a
 * Web Worker; watch the generated samples move over the true modes on the discriminator's surface, and
 * the modes captured over time. The run is the GAN bench's default scale (`learndyn reproduce gan`).
 */
import { useEffect, useRef, useState } from "preact/hooks";
import { GAN_LOSSES } from "../../../src/gan/losses.js";
import type { GanRecord } from "../../../src/gan/train.js";
import { LineChart } from "../plot/line-chart.js";
import { GanPlane } from "./gan-plane.js";
import type { FromGanWorker, ToGanWorker } from "./gan-protocol.js";
import { DEFAULT_GAN_CHOICE, type GanChoice, type GanFrame, type GanInfo } from "./gan-session.js";

const LOSS_LABELS: Record<string, string> = {
  minimax: "minimax cross-entropy",
  nonsaturating: "non-saturating cross-entropy",
  hinge: "hinge",
};

interface GanRunState {
  id: number;
  info: GanInfo | null;
  frame: GanFrame | null;
  history: GanRecord[];
  error: string | null;
}

export function GanView() {
  const [choice, setChoice] = useState<GanChoice>(DEFAULT_GAN_CHOICE);
  const [seedText, setSeedText] = useState(String(DEFAULT_GAN_CHOICE.seed));
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
  useEffect(() => load(choice), [choice]);

  const choose = (patch: Partial<GanChoice>) => setChoice((c) => ({ ...c, ...patch }));
  const toggle = () => {
    if (playing) {
      post({ type: "pause" });
      setPlaying(false);
    } else if (run.frame?.status === "running") {
      post({ type: "play" });
      setPlaying(true);
    }
  };

  const { info, frame, history } = run;
  const K = info ? info.means.length / 2 : 0;
  const last = history[history.length - 1];
  const seedBad = !/^-?\d+$/.test(seedText.trim());
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
      {run.error && (
        <div class="banner invalid" role="alert">
          <b>Training stopped with an error:</b> {run.error}
        </div>
      )}
      <main class="layout">
        <aside class="side">
          <section class="group gan-controls" aria-label="GAN run">
            <div class="group-body">
              <h3 class="group-title">GAN run</h3>
              <div class="field">
                <label for="gan-data">data</label>
                <select
                  id="gan-data"
                  data-testid="gan-data"
                  value={choice.data}
                  onChange={(e) =>
                    choose({ data: (e.currentTarget as HTMLSelectElement).value as GanChoice["data"] })
                  }
                >
                  <option value="ring">ring, 8 modes</option>
                  <option value="grid">grid, 25 modes</option>
                </select>
              </div>
              <div class="field">
                <label for="gan-loss">loss</label>
                <select
                  id="gan-loss"
                  data-testid="gan-loss"
                  value={choice.loss}
                  onChange={(e) =>
                    choose({ loss: (e.currentTarget as HTMLSelectElement).value as GanChoice["loss"] })
                  }
                >
                  {GAN_LOSSES.map((l) => (
                    <option key={l} value={l}>
                      {LOSS_LABELS[l] ?? l}
                    </option>
                  ))}
                </select>
              </div>
              <div class="field">
                <label for="gan-opt">optimizer</label>
                <select
                  id="gan-opt"
                  data-testid="gan-optimizer"
                  value={choice.optimizer}
                  onChange={(e) =>
                    choose({
                      optimizer: (e.currentTarget as HTMLSelectElement).value as GanChoice["optimizer"],
                    })
                  }
                >
                  <option value="adam">Adam</option>
                  <option value="sgd">SGD</option>
                </select>
              </div>
              <div class={seedBad ? "field invalid" : "field"}>
                <label for="gan-seed">seed</label>
                <input
                  id="gan-seed"
                  type="text"
                  inputMode="numeric"
                  data-testid="gan-seed"
                  value={seedText}
                  onInput={(e) => {
                    const t = (e.currentTarget as HTMLInputElement).value;
                    setSeedText(t);
                    if (/^-?\d+$/.test(t.trim())) choose({ seed: Number(t.trim()) });
                  }}
                />
                {seedBad && (
                  <ul class="problems" role="alert">
                    <li>seed: an integer, e.g. 0</li>
                  </ul>
                )}
              </div>
              <p class="hint">
                The GAN bench's default scale: generator 2 → 32 → 32 → 2 and discriminator 2 → 32 → 32 → 1
                (ReLU), batch 64, 4000 generator updates, one D update per G update; Adam at lr 10⁻³ (β₁ 0.5,
                β₂ 0.999), SGD at lr 0.05. Ring: radius 2, σ 0.02; grid: spacing 2, σ 0.05. The same runs,
                over 10 seeds each: <code>npx learndyn reproduce gan</code>.
              </p>
            </div>
          </section>
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
