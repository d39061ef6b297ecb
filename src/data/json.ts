import { checkTextEncoding, formatNumber } from "./csv.js";
import { assertValidDataset, type Dataset, type DatasetMetaValue } from "./dataset.js";
import { normalizeLabels, show } from "./validate.js";

/**
 * The JSON form of a Dataset: rows of numbers plus labels (−1/+1 or 0/1 on input, −1/+1 on output by
 * default), with the optional parts of a Dataset alongside.
 */
export interface DatasetJson {
  /** Name of the data set. */
  name?: string;
  /** Inputs, one row of d numbers per point. */
  x: number[][];
  /** Labels, one per point: all −1/+1 or all 0/1. */
  y: number[];
  /** Names of the d input columns. */
  columns?: string[];
  /** Named feature directions, k rows of d numbers. */
  features?: { names: string[]; directions: number[][] };
  /** Which features each point carries: n rows of k zeros and ones. */
  featureMask?: number[][];
  /** Facts the generator reported (numbers, strings, booleans, number arrays). */
  meta?: Record<string, DatasetMetaValue>;
}

/** Options of {@link parseJson} and {@link fromJsonValue}. */
export interface JsonOptions {
  /** Name of the file (or other source); every error message starts with it. Default "JSON". */
  source?: string;
  /** Name of the data set when the JSON has none. Default: `source`. */
  name?: string;
}

/** Options of {@link toJson}. */
export interface ToJsonOptions {
  /** Label coding in the output: `"pm1"` (−1/+1, default) or `"01"` (0/1). */
  labels?: "pm1" | "01";
}

const KEYS = ["name", "x", "y", "columns", "features", "featureMask", "meta"];

/** Parses JSON text (a {@link DatasetJson} object) into a Dataset; errors name the source and the path. */
export function parseJson(text: string, options: JsonOptions = {}): Dataset {
  const source = options.source ?? "JSON";
  checkTextEncoding(text, source);
  // A UTF-8 byte-order mark is accepted, as in CSV (editors on Windows write one).
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    let where = "";
    if (pos) {
      const before = body.slice(0, Number(pos[1]));
      const line = before.split("\n").length;
      where = `, line ${line}, column ${Number(pos[1]) - before.lastIndexOf("\n")}`;
    }
    throw new Error(
      `${source}${where}: not valid JSON (${msg}); fix the file there (or save it again from the program that wrote it)`,
    );
  }
  return fromJsonValue(value, options);
}

/** Validates an already-parsed value (e.g. an inline config) as a {@link DatasetJson} and converts it. */
export function fromJsonValue(value: unknown, options: JsonOptions = {}): Dataset {
  const source = options.source ?? "JSON";
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${source}: expected an object {"x": [[...], ...], "y": [...]}, got ${show(value)}`);
  }
  const obj = value as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (!KEYS.includes(key))
      throw new Error(`${source}: unknown key "${key}"; allowed keys are ${KEYS.join(", ")}`);
  }
  if (obj.name !== undefined && typeof obj.name !== "string") {
    throw new Error(`${source}: name must be a string, got ${show(obj.name)}`);
  }
  const { rows: n, cols: d, data: x } = matrix(source, "x", obj.x, undefined);
  if (!Array.isArray(obj.y)) throw new Error(`${source}: y must be an array of labels, got ${show(obj.y)}`);
  if (obj.y.length !== n)
    throw new Error(
      `${source}: y has ${obj.y.length} labels but x has ${n} rows; give one label (+1 or -1) per row of x`,
    );
  const raw = obj.y.map((v, i) => {
    if (typeof v !== "number")
      throw new Error(`${source}: y[${i}] is ${show(v)}; labels must be -1/+1 or 0/1`);
    return v;
  });
  const { y } = normalizeLabels(raw, (i) => `${source}: y[${i}]`);
  const data: Dataset = { name: (obj.name as string | undefined) ?? options.name ?? source, n, d, x, y };

  if (obj.columns !== undefined) data.columns = stringList(source, "columns", obj.columns, d);
  if (obj.features !== undefined) {
    const f = obj.features as Record<string, unknown>;
    if (typeof f !== "object" || f === null)
      throw new Error(`${source}: features must be {names, directions}`);
    const names = stringList(source, "features.names", f.names, undefined);
    const dir = matrix(source, "features.directions", f.directions, d);
    if (dir.rows !== names.length) {
      throw new Error(
        `${source}: features.directions has ${dir.rows} rows for ${names.length} feature names`,
      );
    }
    data.features = { names, directions: dir.data };
  }
  if (obj.featureMask !== undefined) {
    const k = data.features?.names.length;
    if (k === undefined)
      throw new Error(`${source}: featureMask needs features (its columns are the features)`);
    const m = matrix(source, "featureMask", obj.featureMask, k);
    if (m.rows !== n) throw new Error(`${source}: featureMask has ${m.rows} rows but x has ${n}`);
    data.featureMask = new Uint8Array(m.data.length);
    m.data.forEach((v, i) => {
      if (v !== 0 && v !== 1) {
        throw new Error(
          `${source}: featureMask[${Math.floor(i / k)}][${i % k}] is ${v}; entries must be 0 or 1`,
        );
      }
      data.featureMask![i] = v;
    });
  }
  if (obj.meta !== undefined) data.meta = meta(source, obj.meta);
  assertValidDataset(data);
  return data;
}

/** Writes a Dataset as JSON text, one row per line; exact float64 round trip (−0 included). */
export function toJson(data: Dataset, options: ToJsonOptions = {}): string {
  assertValidDataset(data);
  const coding = options.labels ?? "pm1";
  if (coding !== "pm1" && coding !== "01")
    throw new Error(`toJson: labels must be "pm1" or "01", got "${coding}"`);
  const rows = (m: ArrayLike<number>, r: number, c: number) =>
    Array.from(
      { length: r },
      (_, i) => `    [${Array.from({ length: c }, (_, j) => formatNumber(m[i * c + j])).join(", ")}]`,
    );
  const parts = [`  "name": ${JSON.stringify(data.name)}`];
  parts.push(`  "x": [\n${rows(data.x, data.n, data.d).join(",\n")}\n  ]`);
  const y = Array.from(data.y, (v) => (v === 1 ? "1" : coding === "01" ? "0" : "-1"));
  parts.push(`  "y": [${y.join(", ")}]`);
  if (data.columns) parts.push(`  "columns": ${JSON.stringify(data.columns)}`);
  if (data.features) {
    const k = data.features.names.length;
    const dirs = rows(data.features.directions, k, data.d).map((r) => `  ${r}`);
    parts.push(
      `  "features": {\n    "names": ${JSON.stringify(data.features.names)},\n    "directions": [\n${dirs.join(",\n")}\n    ]\n  }`,
    );
    if (data.featureMask)
      parts.push(`  "featureMask": [\n${rows(data.featureMask, data.n, k).join(",\n")}\n  ]`);
  }
  if (data.meta) {
    const entries = Object.entries(data.meta).map(([key, v]) => {
      // Non-finite numbers have no JSON form: they are written as strings ("Infinity", "NaN").
      const num = (u: number) => (Number.isFinite(u) ? formatNumber(u) : JSON.stringify(String(u)));
      const text = Array.isArray(v)
        ? `[${v.map(num).join(", ")}]`
        : typeof v === "number"
          ? num(v)
          : JSON.stringify(v);
      return `    ${JSON.stringify(key)}: ${text}`;
    });
    parts.push(`  "meta": {\n${entries.join(",\n")}\n  }`);
  }
  return `{\n${parts.join(",\n")}\n}\n`;
}

function matrix(
  source: string,
  path: string,
  value: unknown,
  cols: number | undefined,
): { rows: number; cols: number; data: Float64Array } {
  if (!Array.isArray(value) || value.length === 0) {
    throw new Error(`${source}: ${path} must be a non-empty array of rows (number[][]), got ${show(value)}`);
  }
  const first = value[0];
  if (!Array.isArray(first))
    throw new Error(`${source}: ${path}[0] must be an array of numbers, got ${show(first)}`);
  const c = cols ?? first.length;
  if (c === 0) throw new Error(`${source}: ${path}[0] is empty; rows need at least one number`);
  const data = new Float64Array(value.length * c);
  value.forEach((row: unknown, i) => {
    if (!Array.isArray(row))
      throw new Error(`${source}: ${path}[${i}] must be an array of numbers, got ${show(row)}`);
    if (row.length !== c) {
      const expected = cols === undefined ? `${path}[0] has ${c}` : `expected ${c}`;
      throw new Error(
        `${source}: ${path}[${i}] has ${row.length} numbers but ${expected}; every row needs the same length`,
      );
    }
    row.forEach((v: unknown, j) => {
      if (typeof v !== "number" || !Number.isFinite(v)) {
        const hint = v === null ? " (JSON writes NaN and Infinity as null)" : "";
        throw new Error(
          `${source}: ${path}[${i}][${j}] is ${show(v)}${hint}; entries must be finite numbers`,
        );
      }
      data[i * c + j] = v;
    });
  });
  return { rows: value.length, cols: c, data };
}

function stringList(source: string, path: string, value: unknown, length: number | undefined): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new Error(`${source}: ${path} must be an array of strings, got ${show(value)}`);
  }
  if (length !== undefined && value.length !== length) {
    throw new Error(`${source}: ${path} has ${value.length} names but x has ${length} columns`);
  }
  return value as string[];
}

function meta(source: string, value: unknown): Record<string, DatasetMetaValue> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${source}: meta must be an object, got ${show(value)}`);
  }
  const out: Record<string, DatasetMetaValue> = {};
  for (const [key, v] of Object.entries(value)) {
    const ok =
      typeof v === "number" ||
      typeof v === "string" ||
      typeof v === "boolean" ||
      (Array.isArray(v) && v.every((e) => typeof e === "number"));
    if (!ok)
      throw new Error(`${source}: meta.${key} must be a number, string, boolean or number[], got ${show(v)}`);
    out[key] = v as DatasetMetaValue;
  }
  return out;
}
