/** The Data group of the control panel: the data set and its knobs, input features of 2-D data, CSV upload. */
import { DATA_KINDS, INPUT_FEATURES } from "../../../src/index.js";
import { defaultDataSpec, getAt } from "../state/config-edit.js";
import {
  type Bound,
  type ControlsProps,
  Group,
  ListField,
  NumberField,
  Problems,
  SelectField,
  str,
} from "./fields.js";
import { LmsFields, ToyFields } from "./study-data-fields.js";

/** Playground's names of the input features. */
const FEATURE_LABELS: Record<string, string> = {
  x1: "x₁",
  x2: "x₂",
  "x1^2": "x₁²",
  "x2^2": "x₂²",
  "x1*x2": "x₁x₂",
  "sin(x1)": "sin x₁",
  "sin(x2)": "sin x₂",
};

/** Whether the data the config names is 2-D (input features apply). */
export function isPlaneData(raw: ControlsProps["raw"]): boolean {
  const kind = getAt(raw, ["data", "kind"]);
  if (kind === "playground" || kind === "moons") return true;
  if (kind === "blobs") return (getAt(raw, ["data", "d"]) ?? 2) === 2;
  if (kind === "inline") return ((getAt(raw, ["data", "x", 0]) as unknown[] | undefined)?.length ?? 0) === 2;
  return false;
}

/** Checkboxes of the input features the network sees (none checked: the coordinates themselves). */
function InputFeatures(p: Bound) {
  const chosen = (getAt(p.raw, ["inputs"]) as string[] | undefined) ?? [];
  const toggle = (f: string, on: boolean) => {
    const next = INPUT_FEATURES.filter((g) => (g === f ? on : chosen.includes(g)));
    p.set(["inputs"], next.length ? next : undefined);
  };
  return (
    <div class="field">
      <span
        class="label"
        title="Playground's feature crosses: the network's inputs are these functions of (x₁, x₂)"
      >
        input features
      </span>
      <div class="probe-chips" data-testid="input-features">
        {INPUT_FEATURES.map((f) => (
          <label key={f} class="chip">
            <input
              type="checkbox"
              data-testid={`input-${f}`}
              checked={chosen.includes(f)}
              onChange={(e) => toggle(f, (e.currentTarget as HTMLInputElement).checked)}
            />
            {FEATURE_LABELS[f]}
          </label>
        ))}
      </div>
      <p class="hint">
        {chosen.length ? `the network sees ${chosen.length} inputs` : "none checked: x₁ and x₂ as they are"}
      </p>
      <Problems v={p.v} path={["inputs"]} />
    </div>
  );
}

export function DataGroup(p: ControlsProps) {
  const kind = str(getAt(p.raw, ["data", "kind"]));
  const features = (getAt(p.raw, ["data", "features"]) as unknown[] | undefined) ?? [];
  const n = (getAt(p.raw, ["data", "x"]) as unknown[] | undefined)?.length;
  return (
    <Group title="Data" summary={kind}>
      <SelectField
        b={p}
        path={["data", "kind"]}
        label="data set"
        options={[
          ...DATA_KINDS.map((k) => ({
            value: k.kind,
            label: k.kind === "inline" ? "inline / uploaded CSV" : k.kind,
          })),
          { value: "file", label: "file (CLI only)" },
        ]}
        hint={DATA_KINDS.find((k) => k.kind === kind)?.description}
        onChange={(v) => p.set(["data"], defaultDataSpec(v))}
      />
      <p class="hint">{DATA_KINDS.find((k) => k.kind === kind)?.description}</p>
      {kind === "orthogonal" && (
        <>
          <ListField
            b={p}
            path={["data", "norms"]}
            label="norms ‖x_k‖"
            hint="one norm per point, e.g. 1, 1, 2, 4"
          />
          <SelectField
            b={p}
            path={["data", "labels"]}
            label="labels"
            options={["alternating", "random", "positive"]}
          />
          <NumberField b={p} path={["data", "dim"]} label="input dim" optional placeholder="= points" />
        </>
      )}
      {kind === "features" && (
        <>
          <NumberField b={p} path={["data", "n"]} label="points n" />
          <div class="feature-table">
            <div class="ft-head">
              <span>feature</span>
              <span>norm r</span>
              <span>freq p</span>
              <span />
            </div>
            {features.map((_, j) => (
              <div class="ft-row" key={j}>
                <input
                  aria-label={`feature ${j + 1} name`}
                  value={str(getAt(p.raw, ["data", "features", j, "name"]))}
                  onInput={(e) =>
                    p.set(["data", "features", j, "name"], (e.currentTarget as HTMLInputElement).value)
                  }
                />
                <NumIn b={p} path={["data", "features", j, "norm"]} label={`feature ${j + 1} norm`} />
                <NumIn
                  b={p}
                  path={["data", "features", j, "frequency"]}
                  label={`feature ${j + 1} frequency`}
                />
                <button
                  type="button"
                  class="icon"
                  title="remove this feature"
                  onClick={() =>
                    p.set(
                      ["data", "features"],
                      features.filter((__, i) => i !== j),
                    )
                  }
                >
                  ×
                </button>
              </div>
            ))}
            <Problems v={p.v} path={["data", "features"]} />
            <button
              type="button"
              class="small"
              onClick={() =>
                p.set(
                  ["data", "features"],
                  [...features, { name: String.fromCharCode(65 + features.length), norm: 1, frequency: 0.5 }],
                )
              }
            >
              + feature
            </button>
          </div>
          <NumberField b={p} path={["data", "noiseDims"]} label="noise dims" />
          <NumberField b={p} path={["data", "noiseStd"]} label="noise std" />
        </>
      )}
      {kind === "blobs" && (
        <>
          <NumberField b={p} path={["data", "n"]} label="points n" />
          <NumberField b={p} path={["data", "d"]} label="dimension d" />
          <NumberField b={p} path={["data", "margin"]} label="margin" />
          <NumberField b={p} path={["data", "std"]} label="std" />
        </>
      )}
      {kind === "moons" && (
        <>
          <NumberField b={p} path={["data", "n"]} label="points n" />
          <NumberField b={p} path={["data", "noise"]} label="noise" />
          <NumberField b={p} path={["data", "margin"]} label="margin Δ" />
        </>
      )}
      {kind === "playground" && (
        <>
          <SelectField
            b={p}
            path={["data", "set"]}
            label="set"
            options={["circle", "xor", "gauss", "spiral"]}
          />
          <NumberField b={p} path={["data", "n"]} label="points n" />
          <NumberField b={p} path={["data", "noise"]} label="noise" />
        </>
      )}
      {kind === "lms" && <LmsFields b={p} />}
      {kind === "two-point-toy" && <ToyFields b={p} />}
      {kind === "inline" && (
        <p class="hint">
          {n ?? 0} points in the config{p.csvName ? ` (from ${p.csvName})` : ""}.
        </p>
      )}
      {kind === "file" && (
        <p class="hint warn">A browser cannot read files named in a config: upload the CSV below instead.</p>
      )}
      {isPlaneData(p.raw) && <InputFeatures {...p} />}
      <Problems v={p.v} path={["data"]} exact />
      <div class="upload-row">
        <label class="upload">
          Upload CSV…
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            data-testid="csv-input"
            onChange={(e) => {
              const f = (e.currentTarget as HTMLInputElement).files?.[0];
              if (f) p.onCsv(f);
              (e.currentTarget as HTMLInputElement).value = "";
            }}
          />
        </label>
        <span class="hint"> header row, a label column y (±1 or 0/1)</span>
        {p.csvError && (
          <p class="problems" role="alert" data-testid="csv-error">
            {p.csvError}
          </p>
        )}
      </div>
    </Group>
  );
}

/** A bare number input inside a table row. */
function NumIn(props: { b: Bound; path: (string | number)[]; label: string }) {
  const v = getAt(props.b.raw, props.path);
  return (
    <input
      aria-label={props.label}
      inputMode="decimal"
      value={str(v)}
      onInput={(e) => {
        const t = (e.currentTarget as HTMLInputElement).value;
        const num = Number(t);
        props.b.set(props.path, t.trim() !== "" && Number.isFinite(num) ? num : t);
      }}
    />
  );
}
