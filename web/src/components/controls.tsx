/** The control panel: one group per part of the run config, every field a control. */
import { useState } from "preact/hooks";
import { ACTIVATIONS, LAYER_INIT_SCHEMES, LOSSES, OPTIMIZERS, PROBES } from "../../../src/index.js";
import { getAt } from "../state/config-edit.js";
import { DataGroup } from "./data-controls.js";
import {
  CheckField,
  type ControlsProps,
  Group,
  ListField,
  NumberField,
  Problems,
  SelectField,
  str,
} from "./fields.js";
import { QuickSliders } from "./sliders.js";

function ModelGroup(p: ControlsProps) {
  const hidden = (getAt(p.raw, ["model", "hidden"]) as unknown[] | undefined) ?? [];
  const act = str(getAt(p.raw, ["model", "activation"]));
  const setDepth = (layers: number) => {
    const w = typeof hidden[0] === "number" ? (hidden[0] as number) : 16;
    p.set(
      ["model", "hidden"],
      Array.from({ length: layers }, (_, i) => (i < hidden.length ? hidden[i] : w)),
    );
  };
  return (
    <Group title="Architecture" summary={`${hidden.length} hidden · ${act}`}>
      <div class="field inline-buttons">
        <span class="label">hidden layers: {hidden.length}</span>
        <button
          type="button"
          class="small"
          onClick={() => setDepth(Math.max(0, hidden.length - 1))}
          title="remove a layer"
        >
          −
        </button>
        <button
          type="button"
          class="small"
          onClick={() => setDepth(Math.min(8, hidden.length + 1))}
          title="add a layer"
        >
          +
        </button>
      </div>
      <ListField
        b={p}
        path={["model", "hidden"]}
        label="widths"
        hint="units per hidden layer, e.g. 64, 64 (empty: linear model)"
      />
      <SelectField b={p} path={["model", "activation"]} label="activation" options={ACTIVATIONS} />
      {act === "leaky-relu" && <NumberField b={p} path={["model", "leakySlope"]} label="leaky slope" />}
      <CheckField
        b={p}
        path={["model", "bias"]}
        label="bias in every layer"
        hint="the theory's nets have none"
      />
    </Group>
  );
}

function InitGroup(p: ControlsProps) {
  const scheme = str(getAt(p.raw, ["init", "scheme"]));
  const layers = getAt(p.raw, ["init", "layers"]) as unknown[] | undefined;
  return (
    <Group title="Initialization" summary={layers ? `${scheme} + per-layer` : scheme}>
      <SelectField b={p} path={["init", "scheme"]} label="scheme" options={LAYER_INIT_SCHEMES} />
      <NumberField
        b={p}
        path={["init", "scale"]}
        label="scale ε"
        hint="std (gaussian, half-normal, diagonal) or half-width (uniform)"
      />
      {/^(xavier|he|orthogonal)/.test(scheme) && <NumberField b={p} path={["init", "gain"]} label="gain" />}
      {scheme === "diagonal" && (
        <SelectField
          b={p}
          path={["init", "diagonal"]}
          label="diagonal"
          options={["half-normal", "gaussian"]}
        />
      )}
      <CheckField b={p} path={["init", "balanced"]} label="balanced (|b| = ‖w‖ per unit)" />
      {layers && (
        <div class="field">
          <p class="hint">
            Per layer:{" "}
            {layers
              .map(
                (l, i) =>
                  `L${i + 1} ${str((l as Record<string, unknown>).scheme)} ε=${str((l as Record<string, unknown>).scale ?? "")}`,
              )
              .join(" · ")}{" "}
            (edit in the JSON below)
          </p>
          <button type="button" class="small" onClick={() => p.set(["init", "layers"], undefined)}>
            use one scheme for all layers
          </button>
        </div>
      )}
      <Problems v={p.v} path={["init", "layers"]} />
    </Group>
  );
}

function LossOptGroup(p: ControlsProps) {
  const loss = str(getAt(p.raw, ["loss", "kind"]));
  const opt = str(getAt(p.raw, ["optimizer", "kind"]));
  return (
    <>
      <Group title="Loss" summary={loss}>
        <SelectField
          b={p}
          path={["loss", "kind"]}
          label="loss"
          options={LOSSES.map((l) => ({
            value: l,
            label: { ce: "cross-entropy", hinge: "hinge", squared: "squared" }[l] ?? l,
          }))}
        />
        <SelectField
          b={p}
          path={["loss", "reduction"]}
          label="reduction"
          options={["sum", "mean"]}
          hint="sum: t = lr·steps is the theory's time"
        />
        {loss === "hinge" && <NumberField b={p} path={["loss", "margin"]} label="hinge margin κ" />}
      </Group>
      <Group title="Optimizer" summary={`${opt} · lr ${str(getAt(p.raw, ["optimizer", "lr"]))}`}>
        <SelectField b={p} path={["optimizer", "kind"]} label="optimizer" options={OPTIMIZERS} />
        <NumberField b={p} path={["optimizer", "lr"]} label="learning rate η" />
        {opt !== "adam" && <NumberField b={p} path={["optimizer", "momentum"]} label="momentum" />}
        {opt !== "adam" && <CheckField b={p} path={["optimizer", "nesterov"]} label="Nesterov" />}
        <NumberField
          b={p}
          path={["optimizer", "batchSize"]}
          label="batch size"
          nullable
          placeholder="full batch"
        />
        {opt === "adam" && (
          <>
            <NumberField b={p} path={["optimizer", "beta1"]} label="β₁" />
            <NumberField b={p} path={["optimizer", "beta2"]} label="β₂" />
          </>
        )}
        <NumberField b={p} path={["optimizer", "weightDecay"]} label="weight decay" />
        <NumberField
          b={p}
          path={["regularization", "spectralDecoupling"]}
          label="spectral decoupling λ"
          hint="penalty λ/2·mean(f(x)²) on the logits (Pezeshki et al. 2021)"
        />
      </Group>
    </>
  );
}

function TrainGroup(p: ControlsProps) {
  const sched = str(getAt(p.raw, ["probes", "schedule", "kind"]));
  const include = (getAt(p.raw, ["probes", "include"]) as string[] | undefined) ?? [];
  return (
    <Group
      title="Training & probes"
      summary={`${str(getAt(p.raw, ["train", "steps"]))} steps · seed ${str(getAt(p.raw, ["seed"]))}`}
    >
      <NumberField b={p} path={["seed"]} label="seed" />
      <NumberField b={p} path={["train", "steps"]} label="steps" />
      <NumberField b={p} path={["train", "stop", "targetError"]} label="stop at error ≤" nullable />
      <NumberField b={p} path={["train", "stop", "targetLoss"]} label="stop at loss ≤" nullable />
      <NumberField b={p} path={["train", "stop", "divergeAbove"]} label="diverged if loss >" />
      <SelectField
        b={p}
        path={["probes", "schedule", "kind"]}
        label="record"
        options={[
          { value: "every", label: "every k steps" },
          { value: "log", label: "log-spaced" },
        ]}
        onChange={(v) =>
          p.set(
            ["probes", "schedule"],
            v === "log" ? { kind: "log", perDecade: 20 } : { kind: "every", every: 10 },
          )
        }
      />
      {sched === "every" ? (
        <NumberField b={p} path={["probes", "schedule", "every"]} label="every k" />
      ) : (
        <NumberField b={p} path={["probes", "schedule", "perDecade"]} label="points per decade" />
      )}
      <div class="field">
        <span class="label">probes in the history</span>
        <div class="probe-chips">
          {PROBES.map((pr) => (
            <label key={pr.name} class="chip" title={pr.description}>
              <input
                type="checkbox"
                checked={include.includes(pr.name)}
                onChange={(e) =>
                  p.set(
                    ["probes", "include"],
                    (e.currentTarget as HTMLInputElement).checked
                      ? [...include, pr.name]
                      : include.filter((x) => x !== pr.name),
                  )
                }
              />
              {pr.name}
            </label>
          ))}
        </div>
        <Problems v={p.v} path={["probes"]} />
      </div>
    </Group>
  );
}

function JsonGroup(p: ControlsProps) {
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = text ?? JSON.stringify(p.raw, null, 2);
  return (
    <Group title="Run config (JSON)" summary="everything, as the CLI reads it" open={false}>
      <textarea
        class="json"
        rows={14}
        spellcheck={false}
        value={shown}
        aria-label="run config JSON"
        onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)}
      />
      <div class="inline-buttons">
        <button
          type="button"
          class="small"
          disabled={text === null}
          onClick={() => {
            try {
              const parsed = JSON.parse(shown);
              if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
                throw new Error("expected a JSON object");
              setError(null);
              setText(null);
              p.replace(parsed);
            } catch (e) {
              setError(`not applied: ${(e as Error).message}`);
            }
          }}
        >
          apply
        </button>
        <button
          type="button"
          class="small"
          disabled={text === null}
          onClick={() => {
            setText(null);
            setError(null);
          }}
        >
          discard edits
        </button>
      </div>
      {error && (
        <p class="problems" role="alert">
          {error}
        </p>
      )}
    </Group>
  );
}

/** Every control of the run config. */
export function Controls(props: ControlsProps) {
  return (
    <div class="controls">
      <QuickSliders {...props} />
      <DataGroup {...props} />
      <ModelGroup {...props} />
      <InitGroup {...props} />
      <LossOptGroup {...props} />
      <TrainGroup {...props} />
      <JsonGroup {...props} />
    </div>
  );
}
