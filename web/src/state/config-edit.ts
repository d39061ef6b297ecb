/**
 * Editing a run config as plain JSON: read and write a field by path (immutably), turn text typed into a
 * control into a value, and validate with the run-config schema, keeping each problem next to its field.
 */
import { dataSpecSchema, describeIssues, type RunConfig, runConfigSchema } from "../../../src/index.js";

/** A field path such as ["optimizer", "lr"] or ["data", "features", 0, "norm"]. */
export type FieldPath = readonly (string | number)[];

/** A raw (possibly invalid) config: plain JSON. */
export type RawConfig = Record<string, unknown>;

/** The value at `path`, or undefined. */
export function getAt(obj: unknown, path: FieldPath): unknown {
  let node: unknown = obj;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** A copy of `obj` with `path` set to `value` (undefined deletes the field); objects on the way are copied. */
export function setAt<T>(obj: T, path: FieldPath, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  const base: unknown = obj ?? (typeof key === "number" ? [] : {});
  const copy = (Array.isArray(base) ? [...base] : { ...(base as object) }) as Record<
    string | number,
    unknown
  >;
  const child = setAt(copy[key], rest, value);
  if (child === undefined && rest.length === 0) {
    if (Array.isArray(copy)) copy.splice(key as number, 1);
    else delete copy[key];
  } else copy[key] = child;
  return copy as T;
}

/**
 * Text typed into a number field: a number when it reads as a finite number, otherwise the text itself
 * (so validation says "expected number" next to the field instead of silently dropping it).
 */
export function parseNumberText(text: string): number | string {
  const s = text.trim();
  if (s === "") return text;
  const v = Number(s);
  return Number.isFinite(v) ? v : text;
}

/** A comma- or space-separated list of numbers ("1, 2, 4"); entries that are not numbers stay text. */
export function parseNumberList(text: string): (number | string)[] {
  const parts = text
    .split(/[,\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");
  return parts.map(parseNumberText);
}

/** A number list as text for a control. */
export function formatList(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join(", ") : value === undefined ? "" : String(value);
}

/** The result of validating a raw config. */
export interface Validation {
  /** The config with defaults filled in, when valid. */
  config: RunConfig | null;
  /** Every problem as "path: message" (describeIssues), in schema order. */
  messages: string[];
  /** Problems by dotted path ("optimizer.lr"), for showing next to controls. */
  byPath: Map<string, string[]>;
}

/** Validates a raw config against the run-config schema. */
export function validateConfig(raw: unknown): Validation {
  const result = runConfigSchema.safeParse(raw);
  if (result.success) return { config: result.data, messages: [], byPath: new Map() };
  const byPath = new Map<string, string[]>();
  const messages: string[] = [];
  for (const issue of result.error.issues) {
    const [message] = describeIssues([issue]);
    messages.push(message);
    const key = issue.path.map(String).join(".");
    byPath.set(key, [...(byPath.get(key) ?? []), message]);
  }
  return { config: null, messages, byPath };
}

/** Problems at `path` or below it (e.g. "data.features" also gets "data.features.1.norm"). */
export function problemsAt(v: Validation, path: FieldPath): string[] {
  const key = path.map(String).join(".");
  const out: string[] = [];
  for (const [p, msgs] of v.byPath) if (p === key || p.startsWith(`${key}.`)) out.push(...msgs);
  return out;
}

/** The default data spec of a kind (what the data menu switches to). Inline and file data have no defaults. */
export function defaultDataSpec(kind: string): Record<string, unknown> {
  if (kind === "inline")
    return {
      kind,
      x: [
        [1, 0],
        [0, 1],
      ],
      y: [1, -1],
    };
  if (kind === "file") return { kind, path: "data.csv" };
  return dataSpecSchema.parse({ kind }) as Record<string, unknown>;
}

/** A config with every default filled in (for a valid input), else the input unchanged. */
export function normalizeConfig(raw: unknown): unknown {
  const r = runConfigSchema.safeParse(raw);
  return r.success ? r.data : raw;
}
