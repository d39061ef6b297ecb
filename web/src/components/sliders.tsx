/**
 * Sliders for the numbers people turn most (Playground's row of knobs): learning rate, init scale, width,
 * noise and the train/test ratio. Each writes the same config field its text box in the groups below does.
 */
import { formatValue } from "../plot/scale.js";
import { getAt } from "../state/config-edit.js";
import { LOG_STEPS, logPosition, logValue, splitAt, splitOf } from "../state/slider-math.js";
import type { Bound } from "./fields.js";

function Slider(props: {
  id: string;
  label: string;
  min: number;
  max: number;
  step?: number;
  position: number;
  shown: string;
  onInput: (position: number) => void;
}) {
  return (
    <div class="slider">
      <label for={`slider-${props.id}`}>{props.label}</label>
      <input
        id={`slider-${props.id}`}
        data-testid={`slider-${props.id}`}
        type="range"
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        value={props.position}
        onInput={(e) => props.onInput(Number((e.currentTarget as HTMLInputElement).value))}
      />
      <output for={`slider-${props.id}`} data-testid={`slider-${props.id}-value`}>
        {props.shown}
      </output>
    </div>
  );
}

/** A log slider bound to a positive number field. */
function LogSlider(props: { b: Bound; id: string; label: string; path: string[]; lo: number; hi: number }) {
  const v = Number(getAt(props.b.raw, props.path));
  return (
    <Slider
      id={props.id}
      label={props.label}
      min={0}
      max={LOG_STEPS}
      position={Number.isFinite(v) && v > 0 ? logPosition(v, props.lo, props.hi) : 0}
      shown={Number.isFinite(v) ? formatValue(v, 3) : "–"}
      onInput={(p) => props.b.set(props.path, logValue(p, props.lo, props.hi))}
    />
  );
}

export function QuickSliders(p: Bound) {
  const kind = String(getAt(p.raw, ["data", "kind"]));
  const hidden = (getAt(p.raw, ["model", "hidden"]) as unknown[] | undefined) ?? [];
  const width = Number(hidden[0]);
  const noise = Number(getAt(p.raw, ["data", "noise"]) ?? 0);
  const split = splitOf(p.raw);
  const explicit = getAt(p.raw, ["init", "scheme"]) === "explicit";
  return (
    <section class="group sliders" aria-label="quick controls" data-testid="sliders">
      <div class="group-body">
        <LogSlider b={p} id="lr" label="learning rate η" path={["optimizer", "lr"]} lo={1e-4} hi={10} />
        {!explicit && (
          <LogSlider b={p} id="scale" label="init scale ε" path={["init", "scale"]} lo={1e-4} hi={2} />
        )}
        {hidden.length > 0 && Number.isInteger(width) && (
          <Slider
            id="width"
            label={hidden.length > 1 ? `width (all ${hidden.length} layers)` : "hidden width"}
            min={1}
            max={128}
            position={width}
            shown={String(width)}
            onInput={(w) =>
              p.set(
                ["model", "hidden"],
                hidden.map(() => w),
              )
            }
          />
        )}
        {(kind === "playground" || kind === "moons") && (
          <Slider
            id="noise"
            label="noise"
            min={0}
            max={50}
            position={Math.round(noise * 100)}
            shown={formatValue(noise, 2)}
            onInput={(n) => p.set(["data", "noise"], n / 100)}
          />
        )}
        {split && (
          <Slider
            id="ratio"
            label="training share"
            min={10}
            max={90}
            step={5}
            position={Math.round(split.ratio * 100)}
            shown={`${Math.round(split.ratio * 100)}% · ${split.n} train / ${split.nTest} test`}
            onInput={(r) => {
              const { n, nTest } = splitAt(split.n + split.nTest, r / 100);
              p.set(["data", "n"], n);
              p.set(["data", "nTest"], nTest);
            }}
          />
        )}
      </div>
    </section>
  );
}
