/** Small form controls bound to a field of the raw config, each with its validation problems beside it. */
import type { ComponentChildren } from "preact";
import { useEffect, useState } from "preact/hooks";
import {
  type FieldPath,
  formatList,
  getAt,
  parseNumberList,
  parseNumberText,
  problemsAt,
  type RawConfig,
  type Validation,
} from "../state/config-edit.js";

/** What every bound control receives. */
export interface Bound {
  raw: RawConfig;
  v: Validation;
  set: (path: FieldPath, value: unknown) => void;
}

/** A config value as text for a control ("" for none). */
export const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));

/** What the control panel receives: the bound config plus the JSON editor and CSV upload hooks. */
export interface ControlsProps extends Bound {
  /** Replace the whole config (JSON editor). */
  replace: (raw: RawConfig) => void;
  /** A CSV file was chosen. */
  onCsv: (file: File) => void;
  /** The last CSV problem, shown under the upload button. */
  csvError: string | null;
  /** Name of the last uploaded CSV. */
  csvName: string | null;
}

const idOf = (path: FieldPath) => `f-${path.join("-")}`;

/** The problems at a path, shown under a control (role=alert so screen readers hear them). */
export function Problems(props: { v: Validation; path: FieldPath; exact?: boolean }) {
  const list = problemsAt(props.v, props.path).filter(
    (m) => !props.exact || m.startsWith(`${props.path.join(".")}: `),
  );
  if (list.length === 0) return null;
  return (
    <ul class="problems" role="alert" data-testid={`problems-${props.path.join(".")}`}>
      {list.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

function Row(props: {
  label: string;
  path: FieldPath;
  hint?: string;
  children: ComponentChildren;
  b: Bound;
}) {
  const bad = problemsAt(props.b.v, props.path).length > 0;
  return (
    <div class={bad ? "field invalid" : "field"}>
      <label for={idOf(props.path)} title={props.hint}>
        {props.label}
      </label>
      {props.children}
      <Problems v={props.b.v} path={props.path} />
    </div>
  );
}

/** A text box that keeps what the user types while it is focused, and writes through `commit` on input. */
function TextBox(props: {
  id: string;
  value: string;
  commit: (text: string) => void;
  inputMode?: "decimal" | "numeric" | "text";
  placeholder?: string;
}) {
  const [text, setText] = useState(props.value);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(props.value);
  }, [props.value, focused]);
  return (
    <input
      id={props.id}
      type="text"
      inputMode={props.inputMode ?? "decimal"}
      spellcheck={false}
      autocomplete="off"
      value={text}
      placeholder={props.placeholder}
      onFocus={() => setFocused(true)}
      onBlur={() => setFocused(false)}
      onInput={(e) => {
        const t = (e.currentTarget as HTMLInputElement).value;
        setText(t);
        props.commit(t);
      }}
    />
  );
}

/** A number field; empty text deletes the field (its default applies) or writes null when `nullable`. */
export function NumberField(props: {
  b: Bound;
  path: FieldPath;
  label: string;
  hint?: string;
  nullable?: boolean;
  optional?: boolean;
  placeholder?: string;
}) {
  const value = getAt(props.b.raw, props.path);
  return (
    <Row b={props.b} path={props.path} label={props.label} hint={props.hint}>
      <TextBox
        id={idOf(props.path)}
        value={value === null || value === undefined ? "" : String(value)}
        placeholder={props.placeholder ?? (props.nullable ? "none" : props.optional ? "default" : "")}
        commit={(t) =>
          props.b.set(
            props.path,
            t.trim() === "" ? (props.nullable ? null : props.optional ? undefined : t) : parseNumberText(t),
          )
        }
      />
    </Row>
  );
}

/** A list of numbers typed as "1, 2, 4". */
export function ListField(props: { b: Bound; path: FieldPath; label: string; hint?: string }) {
  return (
    <Row b={props.b} path={props.path} label={props.label} hint={props.hint}>
      <TextBox
        id={idOf(props.path)}
        inputMode="text"
        value={formatList(getAt(props.b.raw, props.path))}
        commit={(t) => props.b.set(props.path, parseNumberList(t))}
      />
    </Row>
  );
}

/** A menu of fixed choices. */
export function SelectField(props: {
  b: Bound;
  path: FieldPath;
  label: string;
  options: readonly (string | { value: string; label: string })[];
  hint?: string;
  onChange?: (value: string) => void;
}) {
  const value = getAt(props.b.raw, props.path);
  return (
    <Row b={props.b} path={props.path} label={props.label} hint={props.hint}>
      <select
        id={idOf(props.path)}
        value={String(value ?? "")}
        onChange={(e) => {
          const v = (e.currentTarget as HTMLSelectElement).value;
          if (props.onChange) props.onChange(v);
          else props.b.set(props.path, v);
        }}
      >
        {props.options.map((o) => {
          const opt = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option key={opt.value} value={opt.value}>
              {opt.label}
            </option>
          );
        })}
      </select>
    </Row>
  );
}

/** An on/off switch. */
export function CheckField(props: { b: Bound; path: FieldPath; label: string; hint?: string }) {
  const checked = getAt(props.b.raw, props.path) === true;
  return (
    <div class="field check">
      <label title={props.hint}>
        <input
          id={idOf(props.path)}
          type="checkbox"
          checked={checked}
          onChange={(e) => props.b.set(props.path, (e.currentTarget as HTMLInputElement).checked)}
        />{" "}
        {props.label}
      </label>
      <Problems v={props.b.v} path={props.path} />
    </div>
  );
}

/** A titled group of controls that can be folded away. */
export function Group(props: {
  title: string;
  summary?: string;
  open?: boolean;
  children: ComponentChildren;
}) {
  return (
    <details class="group" open={props.open ?? true}>
      <summary>
        <span class="group-title">{props.title}</span>
        {props.summary && <span class="group-summary">{props.summary}</span>}
      </summary>
      <div class="group-body">{props.children}</div>
    </details>
  );
}
