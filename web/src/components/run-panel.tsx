/** The right-hand side of the lab: what went wrong with the run (if anything), then its views. */
import { runAt } from "../run/scrub.js";
import type { RunState } from "../run/use-lab-run.js";
import type { Validation } from "../state/config-edit.js";
import { noTestNote } from "./run-view.js";
import { cardsFor, type RunView, type ViewOptions, Views } from "./views.js";

/** Banners for a config that cannot run, a failed load, a crash or a divergence; then the views. */
export function RunPanel(props: {
  r: RunState;
  shown: RunState | null;
  canRun: boolean;
  o: ViewOptions;
  /** The record the history slider shows, or null for the latest. */
  at: number | null;
}) {
  const { r, shown } = props;
  const live: RunView | null = shown?.config && shown.info ? (shown as RunView) : null;
  const view = live && props.at !== null ? runAt(live, props.at) : live;
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
          <b>Training diverged</b> at step {r.step}: {r.stopReason}. The loss is no longer a finite number, so
          the curves stop at the red line. Try a smaller learning rate or init scale.
        </div>
      )}
      {view ? <Views run={view} o={props.o} /> : props.canRun && <p class="muted">setting up the run…</p>}
      {view && <p class="footnote">Views: {cardsFor(view).join(" · ")}. Hover a chart to read values.</p>}
      {view && noTestNote(view) && (
        <p class="footnote" data-testid="no-test-note">
          {noTestNote(view)}
        </p>
      )}
    </>
  );
}

/** The config's problems, listed above the views while it cannot run. */
export function InvalidBanner(props: { v: Validation }) {
  if (props.v.config) return null;
  return (
    <div class="banner invalid" role="alert" data-testid="invalid-banner">
      <b>This config cannot run yet.</b> Fix the fields marked in red:
      <ul>
        {props.v.messages.slice(0, 6).map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </div>
  );
}
