/** The run's progress line in the toolbar, and the hidden #run-state element tests and tools read. */
import { formatValue } from "../plot/scale.js";
import type { RunState } from "../run/use-lab-run.js";

/** Progress bar, step, time, loss, error, backend and the run's end state. */
export function StatusLine(props: { r: RunState; lr: number }) {
  const { r } = props;
  const last = r.history?.[r.history.length - 1];
  const progress = r.totalSteps > 0 ? Math.min(1, r.step / r.totalSteps) : 0;
  return (
    <div class="status" data-testid="status">
      <div class="bar">
        <div style={{ width: `${progress * 100}%` }} />
      </div>
      <span>
        step <b>{r.step}</b> / {r.totalSteps || "–"} · t = <b>{formatValue(r.step * props.lr, 3)}</b> · loss{" "}
        <b>{last ? formatValue(last.loss) : "–"}</b> · error <b>{last ? formatValue(last.error, 3) : "–"}</b>
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
        {r.regime && (
          <span
            class={`regime ${r.regime.holds ? "holds" : "breaks"}`}
            data-testid="regime"
            title={[
              r.regime.summary,
              ...r.regime.checks.filter((c) => c.holds === false).map((c) => `${c.id}: ${c.why}`),
            ].join("\n")}
          >
            {" "}
            · theory {r.regime.holds ? "applies" : `breaks: ${r.regime.breaks.join(", ")}`}
          </span>
        )}
      </span>
    </div>
  );
}

/** A hidden element whose data attributes say where the run is (for browser tests and scripts). */
export function RunStateOutput(props: { r: RunState; extra?: Record<string, string> }) {
  const { r } = props;
  const last = r.history?.[r.history.length - 1];
  const theory = r.theory
    ? String((r.theory.error ? 1 : 0) + (r.theory.errorPopulation ? 1 : 0) + r.theory.modes.length)
    : "";
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(props.extra ?? {})) attrs[`data-${k}`] = v;
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
      data-theory={theory}
      {...attrs}
    />
  );
}
