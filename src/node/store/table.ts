import { regimeFromScalars } from "../../regime/check.js";
import type { SweepSpec } from "../../sweep/spec.js";
import { parseSweepSpec } from "../../sweep/spec.js";
import type { StoredRun, SweepStore } from "./store.js";

/** A column of the run table. */
export interface Column {
  name: string;
  /** "integer" and "number" columns hold numbers or null; "string" columns strings or null. */
  kind: "integer" | "number" | "string";
  values: (number | string | null)[];
}

/** One row per run: run number, point index, axis values, seed, status, steps, kept scalars, error, time. */
export interface RunTable {
  columns: Column[];
  rows: number;
}

/** The spec a store was made from. */
export function storeSweepSpec(store: SweepStore): SweepSpec {
  return parseSweepSpec(JSON.parse(store.spec.specJson), `the spec stored in ${store.path}`);
}

function cell(v: unknown): number | string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  return JSON.stringify(v);
}

/**
 * Axis columns of a spec: one per axis (named by the axis), or one per field for an axis whose values are
 * per-field tuples (named by the field path).
 */
function axisColumns(spec: SweepSpec, runs: StoredRun[]): { name: string; get(r: StoredRun): unknown }[] {
  const out: { name: string; get(r: StoredRun): unknown }[] = [];
  spec.axes.forEach((axis, k) => {
    const name = axis.name ?? axis.field ?? (axis.fields ?? []).join("+");
    const fields = axis.fields;
    const tuples =
      fields !== undefined &&
      !axis.derive &&
      runs.length > 0 &&
      runs.every((r) => Array.isArray(r.values[k]) && (r.values[k] as unknown[]).length === fields.length);
    if (tuples && fields)
      fields.forEach((f, j) => {
        out.push({ name: f, get: (r) => (r.values[k] as unknown[])[j] });
      });
    else out.push({ name, get: (r) => r.values[k] });
  });
  return out;
}

/** Columns every run table has; an axis or kept scalar of the same name is renamed (see {@link runTable}). */
const FIXED = [
  "run",
  "point_index",
  "seed_index",
  "seed",
  "status",
  "steps",
  "stop_reason",
  "error_message",
  "seconds",
];

/**
 * The run table of a store (ordered by point, then seed; `run` numbers the rows from 0 and is the key
 * of the history table). Column names are unique: a kept scalar "steps" is the steps column itself
 * (it is not repeated); an axis named like a fixed column becomes "<name>_axis", a kept scalar
 * "<name>_final".
 */
export function runTable(spec: SweepSpec, runs: StoredRun[]): RunTable {
  const used = new Set(FIXED);
  const rename = (name: string, suffix: string) => {
    let n = used.has(name) ? `${name}_${suffix}` : name;
    for (let i = 2; used.has(n); i++) n = `${name}_${suffix}${i}`;
    used.add(n);
    return n;
  };
  const axes = axisColumns(spec, runs).map((a) => ({ ...a, name: rename(a.name, "axis") }));
  const scalars = spec.keep.scalars
    .filter((s) => s !== "steps")
    .map((s) => ({
      name: rename(s, "final"),
      kind: "number" as const,
      get: (r: StoredRun) => r.scalars[s] ?? null,
    }));
  const defs: { name: string; kind?: Column["kind"]; get(r: StoredRun, i: number): unknown }[] = [
    { name: "run", kind: "integer", get: (_r, i) => i },
    { name: "point_index", kind: "integer", get: (r) => r.pointIndex },
    ...axes,
    { name: "seed_index", kind: "integer", get: (r) => r.seedIndex },
    { name: "seed", kind: "integer", get: (r) => r.seed },
    { name: "status", kind: "string", get: (r) => r.status },
    { name: "steps", kind: "integer", get: (r) => r.steps },
    ...scalars,
    // The regime meter's verdict ("holds" / "breaks: flowStep, …"), for stores whose runs carry it.
    ...(runs.some((r) => regimeFromScalars(r.scalars) !== null)
      ? [
          {
            name: rename("regime", "final"),
            kind: "string" as const,
            get: (r: StoredRun) => regimeFromScalars(r.scalars),
          },
        ]
      : []),
    { name: "stop_reason", kind: "string", get: (r) => r.stopReason },
    { name: "error_message", kind: "string", get: (r) => r.error },
    { name: "seconds", kind: "number", get: (r) => r.seconds },
  ];
  const columns = defs.map((d) => {
    const values = runs.map((r, i) => cell(d.get(r, i)));
    const kind = d.kind ?? (values.every((v) => v === null || typeof v === "number") ? "number" : "string");
    return {
      name: d.name,
      kind,
      values: kind === "string" ? values.map((v) => (v === null ? null : String(v))) : values,
    };
  });
  return { columns, rows: runs.length };
}

/**
 * The kept histories in long format, one row per (run, record, metric): run (the run table's `run`),
 * step, t, metric, value. Runs without a kept history contribute no rows.
 */
export function historyTable(runs: StoredRun[]): RunTable {
  const run: number[] = [];
  const step: (number | null)[] = [];
  const t: (number | null)[] = [];
  const metric: string[] = [];
  const value: number[] = [];
  runs.forEach((r, i) => {
    for (const rec of r.history ?? []) {
      for (const [k, v] of Object.entries(rec)) {
        if (k === "step" || k === "t") continue;
        run.push(i);
        step.push(rec.step ?? null);
        t.push(rec.t ?? null);
        metric.push(k);
        value.push(v);
      }
    }
  });
  return {
    columns: [
      { name: "run", kind: "integer", values: run },
      { name: "step", kind: "integer", values: step },
      { name: "t", kind: "number", values: t },
      { name: "metric", kind: "string", values: metric },
      { name: "value", kind: "number", values: value },
    ],
    rows: run.length,
  };
}

function csvField(v: number | string | null): string {
  if (v === null) return "";
  if (typeof v === "number")
    return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? "NaN" : v > 0 ? "inf" : "-inf";
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** RFC 4180 CSV with a header; numbers in shortest round-trip form, NaN/inf/-inf as pandas reads them. */
export function tableToCsv(table: RunTable): string {
  const lines = [table.columns.map((c) => csvField(c.name)).join(",")];
  for (let i = 0; i < table.rows; i++) lines.push(table.columns.map((c) => csvField(c.values[i])).join(","));
  return `${lines.join("\n")}\n`;
}
