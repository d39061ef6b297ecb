/** The GAN tab's side panel: the run's choices (data, loss, optimizer, seed) and what to take away. */
import { GAN_LOSSES } from "../../../src/gan/losses.js";
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

export function GanControls(props: GanControlsProps) {
  const { choice, choose, seedText, setSeedText } = props;
  const seedBad = !/^-?\d+$/.test(seedText.trim());
  return (
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
