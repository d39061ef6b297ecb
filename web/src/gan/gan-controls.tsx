/** The GAN tab's side panel: the run's choices (data, loss, optimizer, seed) and what to take away. */
import { GAN_LOSSES } from "../../../src/index.js";
import type { GanChoice } from "./gan-session.js";

const LOSS_LABELS: Record<string, string> = {
  minimax: "minimax cross-entropy",
  nonsaturating: "non-saturating cross-entropy",
  hinge: "hinge",
};

export interface GanControlsProps {
  choice: GanChoice;
  choose: (patch: Partial<GanChoice>) => void;
  seedText: string;
  setSeedText: (t: string) => void;
}

/** A labelled menu of the GAN run's choices (data-testid `gan-${id}`). */
function MenuField(props: {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={`gan-${props.id}`}>{props.label}</label>
      <select
        id={`gan-${props.id}`}
        data-testid={`gan-${props.id}`}
        value={props.value}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value)}
      >
        {props.options.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function GanControls(props: GanControlsProps) {
  const { choice, choose, seedText, setSeedText } = props;
  const seedBad = !/^-?\d+$/.test(seedText.trim());
  return (
    <section class="group gan-controls" aria-label="GAN run">
      <div class="group-body">
        <h3 class="group-title">GAN run</h3>
        <MenuField
          id="data"
          label="data"
          value={choice.data}
          options={[
            ["ring", "ring, 8 modes"],
            ["grid", "grid, 25 modes"],
          ]}
          onChange={(v) => choose({ data: v as GanChoice["data"] })}
        />
        <MenuField
          id="loss"
          label="loss"
          value={choice.loss}
          options={GAN_LOSSES.map((l) => [l, LOSS_LABELS[l] ?? l])}
          onChange={(v) => choose({ loss: v as GanChoice["loss"] })}
        />
        <MenuField
          id="optimizer"
          label="optimizer"
          value={choice.optimizer}
          options={[
            ["adam", "Adam"],
            ["sgd", "SGD"],
          ]}
          onChange={(v) => choose({ optimizer: v as GanChoice["optimizer"] })}
        />
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
          The GAN bench's default scale: generator 2 → 32 → 32 → 2 and discriminator 2 → 32 → 32 → 1 (ReLU),
          batch 64, 4000 generator updates, one D update per G update; Adam at lr 10⁻³ (β₁ 0.5, β₂ 0.999), SGD
          at lr 0.05. Ring: radius 2, σ 0.02; grid: spacing 2, σ 0.05. The same runs, over 10 seeds each:{" "}
          <code>npx learndyn reproduce gan</code>; this one run: "Copy CLI command" (<code>learndyn gan</code>
          ).
        </p>
      </div>
    </section>
  );
}
