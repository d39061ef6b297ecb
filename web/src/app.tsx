/** The network lab: config controls on the left, live views on the right, training in a Web Worker. */
import { useEffect, useMemo, useState } from "preact/hooks";
import { historyToCsv } from "../../src/index.js";
import { PinBar, Scrubber } from "./components/compare-bar.js";
import { Controls } from "./components/controls.js";
import { InvalidBanner, RunPanel } from "./components/run-panel.js";
import { RunStateOutput, StatusLine } from "./components/run-status.js";
import type { RunView } from "./components/run-view.js";
import { TakeAway } from "./components/take-away.js";
import { Notice, type Speed, Transport } from "./components/transport.js";
import { download, figureSpec, renderFigure } from "./export/figures.js";
import { networkFigure } from "./export/network-figure.js";
import { PRESETS } from "./presets.js";
import { Live } from "./run/live.js";
import { pinLabel, pinRun } from "./run/pins.js";
import { canScrub } from "./run/scrub.js";
import { useLabRun } from "./run/use-lab-run.js";
import { usePins } from "./run/use-pins.js";
import { cliCommand } from "./state/cli-command.js";
import {
  type FieldPath,
  normalizeConfig,
  type RawConfig,
  setAt,
  validateConfig,
} from "./state/config-edit.js";
import { configForUrl, neutralConfig, neutralNotice, readCsvAsInline } from "./state/csv-upload.js";
import { presetOf } from "./state/preset-of.js";
import { initialRaw, labThreads, presetView } from "./state/start-state.js";
import { decodeState, encodeState } from "./state/url-state.js";

const SPEEDS: Speed[] = [
  { value: 20, label: "slow · 20 steps/s" },
  { value: 100, label: "normal · 100 steps/s" },
  { value: 1000, label: "fast · 1000 steps/s" },
  { value: Number.POSITIVE_INFINITY, label: "max" },
];

const LAB_THREADS = labThreads(window.location.search, navigator.hardwareConcurrency);

/** The preset menu in the header. */
function PresetMenu(props: { value: string; choose: (id: string) => void }) {
  return (
    <div class="preset">
      <label for="preset">Claim preset</label>
      <select
        id="preset"
        data-testid="preset"
        value={props.value}
        onChange={(e) => props.choose((e.currentTarget as HTMLSelectElement).value)}
      >
        <option value="">custom run</option>
        {PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.title}
          </option>
        ))}
      </select>
    </div>
  );
}

export function App() {
  const init = useMemo(() => initialRaw(window.location.hash), []);
  const [raw, setRaw] = useState<RawConfig>(init.raw);
  const [notice, setNotice] = useState<string | null>(init.error);
  const [csvError, setCsvError] = useState<string | null>(null);
  const [csvName, setCsvName] = useState<string | null>(null);
  const startView = useMemo(() => presetView(init.raw), [init.raw]);
  const [logX, setLogX] = useState(startView.logX);
  const [logY, setLogY] = useState<Record<string, boolean>>(startView.logY);
  const v = useMemo(() => validateConfig(raw), [raw]);
  const lab = useLabRun(LAB_THREADS);
  const { run, load } = lab;
  const pinned = usePins(v.config, setNotice);
  const { pins, setPins } = pinned;
  // The record shown by the history slider (null: the latest). It lasts only while the run stands still:
  // play, step and reset go back to the latest, or the charts would stay at that record as the run trains
  // on (on a log record schedule half the slider lies before t = 1, so a scrubbed chart "stopped" early).
  const [scrubAt, setScrubAt] = useState<number | null>(null);

  useEffect(() => {
    setScrubAt(null);
    const t = setTimeout(() => load(v.config), 150);
    return () => clearTimeout(t);
  }, [raw, v.config, load]);

  useEffect(() => {
    history.replaceState(null, "", `#${encodeState(configForUrl(raw))}${pinned.fragment}`);
  }, [raw, pinned.fragment]);

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
    const res = readCsvAsInline(await file.text(), file.name);
    if ("error" in res) {
      setCsvError(res.error);
      return;
    }
    setCsvError(null);
    setCsvName(file.name);
    const data = raw.data as { kind?: string; path?: string } | undefined;
    if (data?.kind === "file" && data.path === file.name) {
      // The file a link names (too large for the link): its config is kept, only the points come in.
      setNotice(res.warning && `Warning: ${res.warning}`);
      setRaw((r) => setAt(r, ["data"], res.data));
      return;
    }
    setLogX(false);
    setLogY({ loss: true });
    const loaded = neutralNotice(file.name, res.data.x.length, res.data.x[0]?.length ?? 0);
    setNotice(res.warning ? `${loaded} Warning: ${res.warning}` : loaded);
    setRaw(normalizeConfig(neutralConfig(res.data, file.name, raw.seed)) as RawConfig);
  };
  const flash = (msg: string) => {
    setNotice(msg);
    setTimeout(() => setNotice((n) => (n === msg ? null : n)), 4000);
  };
  // Large uploaded data goes to the CLI as the file it came from (`data.kind: "file"` reads the same CSV).
  const urlConfig = configForUrl(raw);
  const command = useMemo(() => cliCommand(configForUrl((v.config ?? raw) as RawConfig)), [v.config, raw]);
  const copyCli = async () => {
    try {
      await navigator.clipboard.writeText(command);
      flash("Copied the CLI command: paste it into a terminal in a learndyn checkout.");
    } catch {
      window.prompt("Copy the CLI command:", command);
    }
  };
  const exportFigure = async (card: string, format: "svg" | "png") => {
    const r = run.current;
    if (!r.config || !r.info) return;
    try {
      const out =
        card === "network"
          ? await networkFigure(format, r.config.name ?? "run")
          : await renderFigure(figureSpec(card, r as RunView, logX, logY[card] ?? false), format);
      download(`learndyn-${card}.${format}`, out, "image/svg+xml");
    } catch (e) {
      flash(`figure export failed: ${(e as Error).message}`);
    }
  };
  const preset = presetOf(raw);
  const canRun = v.config !== null && !run.current.loadError;
  const viewOptions = {
    logX,
    logY,
    toggleLogY: (c: string) => setLogY((l) => ({ ...l, [c]: !l[c] })),
    exportFigure: (c: string, f: "svg" | "png") => void exportFigure(c, f),
    pins: pins.map((p) => ({ ...p, label: pinLabel(p, v.config) })),
  };
  const pin = () => {
    const r = run.current;
    if (!r.config || !r.info || !r.history?.length) return;
    const id = (pins[pins.length - 1]?.id ?? 0) + 1;
    setPins((ps) => [...ps, pinRun(r as RunView, id)]);
    return r;
  };
  const pinNextSeed = () => {
    if (pin()) setRaw((r) => setAt(r, ["seed"], Number(r.seed ?? 0) + 1));
  };

  return (
    <div class="app">
      <header class="top">
        <div class="brand">
          <h1>
            learndyn <span>lab</span>
          </h1>
          <p>Watch a network learn — and check every curve against the theory.</p>
        </div>
        <PresetMenu value={preset?.id ?? ""} choose={choosePreset} />
      </header>
      {preset && (
        <p class="watch" data-testid="watch">
          <b>What to watch.</b> {preset.watch}
        </p>
      )}
      <div class="toolbar" role="toolbar" aria-label="training">
        <Transport
          prefix=""
          playing={lab.playing}
          canRun={canRun}
          onReset={() => {
            setScrubAt(null);
            load(v.config);
          }}
          resetTitle="reset: new run from step 0"
          onToggle={() => {
            setScrubAt(null);
            lab.togglePlay(v.config);
          }}
          onStep={() => {
            setScrubAt(null);
            lab.step(10);
          }}
          stepTitle="advance 10 steps"
          speeds={SPEEDS}
          speed={lab.speed}
          onSpeed={lab.setSpeed}
        />
        <Live sub={lab.listeners}>
          {() => <StatusLine r={run.current} lr={v.config?.optimizer.lr ?? 0} />}
        </Live>
        <label class="toggle">
          <input type="checkbox" checked={logX} onChange={() => setLogX(!logX)} data-testid="log-x" /> log
          time
        </label>
      </div>
      <Live sub={lab.listeners}>
        {() => {
          const r = run.current;
          const stopped = !lab.playing && (r.history?.length ?? 0) > 1 && !!r.info;
          return (
            <>
              <RunStateOutput
                r={r}
                extra={{
                  at: scrubAt === null ? "" : String(scrubAt),
                  pins: String(pins.length),
                  "pin-final-loss": pins.map((p) => String(p.loss.y[p.loss.y.length - 1])).join(" "),
                  "pins-restoring": pinned.restoring ? "1" : "0",
                }}
              />
              <div class="compare">
                <PinBar
                  pins={pins}
                  current={v.config}
                  canPin={(r.history?.length ?? 0) > 0}
                  onPin={pin}
                  onPinNextSeed={pinNextSeed}
                  onUnpin={(id) => setPins((ps) => ps.filter((p) => p.id !== id))}
                />
                {stopped && (
                  <Scrubber
                    records={r.history ?? []}
                    at={scrubAt}
                    setAt={setScrubAt}
                    rewindsWeights={canScrub(r as RunView)}
                  />
                )}
              </div>
            </>
          );
        }}
      </Live>
      <Notice text={notice} onDismiss={() => setNotice(null)} testId="notice" />
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
          <TakeAway
            prefix=""
            onCopy={copyCli}
            command={command}
            files={[
              {
                label: "Config JSON",
                name: "learndyn-run.json",
                content: () => `${JSON.stringify(v.config, null, 2)}\n`,
                disabled: !v.config,
              },
              {
                label: "History JSON",
                name: "history.json",
                content: () => `${JSON.stringify(run.current.history ?? [])}\n`,
              },
              {
                label: "History CSV",
                name: "history.csv",
                content: () => historyToCsv([...(run.current.history ?? [])]),
                type: "text/csv",
              },
            ]}
          >
            {urlConfig !== raw && (
              <p class="hint" data-testid="data-not-in-url">
                The uploaded data is too large for the page's link, so the link (and the command) name the
                file it came from, {String((urlConfig.data as { path: string }).path)}. "Config JSON" holds
                everything, the points included.
              </p>
            )}
          </TakeAway>
        </aside>
        <section class="main">
          <InvalidBanner v={v} />
          <Live sub={lab.listeners}>
            {() => {
              const r = run.current;
              const shown = r.config && r.info ? r : !v.config || r.loadError ? lab.lastShown.current : null;
              return (
                <RunPanel
                  r={r}
                  shown={shown}
                  canRun={canRun}
                  o={viewOptions}
                  at={lab.playing ? null : scrubAt}
                />
              );
            }}
          </Live>
        </section>
      </main>
    </div>
  );
}
