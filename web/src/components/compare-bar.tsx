/**
 * Comparing runs and going back in one: pin the run on screen (its curves stay on the loss and error
 * charts), pin it and start the next seed, unpin; and a slider over a stopped run's records that shows
 * every view at the chosen step.
 */

import type { RunConfig } from "../../../src/index.js";
import { formatValue } from "../plot/scale.js";
import { MAX_PINS, type PinnedRun, pinLabel } from "../run/pins.js";

export function PinBar(props: {
  pins: readonly PinnedRun[];
  current: RunConfig | null;
  canPin: boolean;
  onPin: () => void;
  onPinNextSeed: () => void;
  onUnpin: (id: number) => void;
}) {
  const full = props.pins.length >= MAX_PINS;
  return (
    <div class="pin-bar" data-testid="pin-bar">
      <button
        type="button"
        class="small"
        disabled={!props.canPin || full}
        onClick={props.onPin}
        data-testid="pin"
      >
        Pin this run
      </button>
      <button
        type="button"
        class="small"
        disabled={!props.canPin || full}
        onClick={props.onPinNextSeed}
        data-testid="pin-next-seed"
        title="pin this run and start the same config with the next seed"
      >
        Pin, then next seed
      </button>
      {props.pins.map((p) => (
        <span key={p.id} class="pin-chip" data-testid="pin-chip">
          <i style={{ background: p.color }} />
          {pinLabel(p, props.current)}
          <button type="button" class="tiny" onClick={() => props.onUnpin(p.id)} aria-label={`unpin ${p.id}`}>
            ×
          </button>
        </span>
      ))}
      {props.pins.length === 0 && <span class="hint">pinned runs stay on the loss and error charts</span>}
    </div>
  );
}

/** The record slider of a stopped run: `at` null is the latest record. */
export function Scrubber(props: {
  records: readonly { step: number; t: number }[];
  at: number | null;
  setAt: (k: number | null) => void;
  rewindsWeights: boolean;
}) {
  const n = props.records.length;
  const k = props.at ?? n - 1;
  const rec = props.records[k];
  return (
    <div class="scrubber" data-testid="scrubber">
      <label for="scrub">history</label>
      <input
        id="scrub"
        type="range"
        min={0}
        max={n - 1}
        value={k}
        data-testid="scrub"
        onInput={(e) => {
          const v = Number((e.currentTarget as HTMLInputElement).value);
          props.setAt(v >= n - 1 ? null : v);
        }}
      />
      <span data-testid="scrub-label">
        {props.at === null ? "latest: " : ""}step {rec?.step ?? 0} · t = {formatValue(rec?.t ?? 0, 3)}
      </span>
      {props.at !== null && (
        <button type="button" class="tiny" onClick={() => props.setAt(null)} data-testid="scrub-latest">
          latest
        </button>
      )}
      {props.at !== null && !props.rewindsWeights && (
        <span class="hint">
          {" "}
          (this net is too large to keep its weights per record: boundary and weights stay at the end)
        </span>
      )}
    </div>
  );
}
