/** The training toolbar's buttons, shared by the network lab and the GAN view: reset, play/pause, step, speed. */

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

/** A choice of the speed menu. */
export interface Speed {
  /** Steps (or updates) per second; Infinity: as fast as the worker goes. */
  value: number;
  label: string;
}

export interface TransportProps {
  /** Prefix of the buttons' data-testid ("" for the lab, "gan-" for the GAN view). */
  prefix: string;
  playing: boolean;
  /** Whether play and step are enabled. */
  canRun: boolean;
  onReset: () => void;
  onToggle: () => void;
  onStep: () => void;
  /** What a reset does, and what one press of step advances (the buttons' titles). */
  resetTitle: string;
  stepTitle: string;
  speeds: readonly Speed[];
  speed: number;
  onSpeed: (stepsPerSecond: number) => void;
}

export function Transport(p: TransportProps) {
  return (
    <>
      <button
        type="button"
        class="round"
        onClick={p.onReset}
        title={p.resetTitle}
        aria-label="reset"
        data-testid={`${p.prefix}reset`}
      >
        <Icon d={ICON.reset} />
      </button>
      <button
        type="button"
        class="round play"
        onClick={p.onToggle}
        disabled={!p.canRun}
        aria-label={p.playing ? "pause" : "play"}
        data-testid={`${p.prefix}play`}
        title={p.playing ? "pause" : "train"}
      >
        <Icon d={p.playing ? ICON.pause : ICON.play} />
      </button>
      <button
        type="button"
        class="round"
        onClick={p.onStep}
        disabled={!p.canRun}
        aria-label="step"
        title={p.stepTitle}
        data-testid={`${p.prefix}step`}
      >
        <Icon d={ICON.step} />
      </button>
      <select
        aria-label="speed"
        data-testid={`${p.prefix}speed`}
        value={String(p.speed)}
        onChange={(e) => p.onSpeed(Number((e.currentTarget as HTMLSelectElement).value))}
      >
        {p.speeds.map((s) => (
          <option key={s.label} value={String(s.value)}>
            {s.label}
          </option>
        ))}
      </select>
    </>
  );
}

/** A dismissable one-line message under the toolbar. */
export function Notice(props: { text: string | null; onDismiss: () => void; testId: string }) {
  if (!props.text) return null;
  return (
    <p class="notice" role="status" data-testid={props.testId}>
      {props.text}
      <button type="button" class="tiny" onClick={props.onDismiss} aria-label="dismiss">
        ×
      </button>
    </p>
  );
}
