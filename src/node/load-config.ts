import { dirname, resolve } from "node:path";
import type { RunConfig } from "../config/run-config.js";
import { checkJsonShape, checkPathKeys } from "../config/safe-input.js";
import { parseRunConfig } from "../config/validate.js";
import type { DataBundle, Dataset } from "../data/dataset.js";
import { bundleWithInputFeatures } from "../data/input-features.js";
import { parseJson } from "../data/json.js";
import type { LayerWeights } from "../engine/mlp.js";
import { buildData } from "../train/build-data.js";
import { readCsvFile } from "./read-csv.js";
import { MAX_DATA_BYTES, readInputText } from "./read-input.js";

/**
 * Reads and parses a JSON file (a regular file of bounded size, UTF-8 with or without a byte-order mark),
 * with errors that name the file and, for syntax errors, the position.
 */
export function readJsonFile(path: string, what: string): unknown {
  const text = readInputText(path, what);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${what} ${path} is not valid JSON: ${(e as Error).message}; fix the file there`);
  }
  checkJsonShape(value, `${what} ${path}`);
  return value;
}

/** Reads a data file: JSON by its extension (read whole), else CSV (streamed; label column as configured). */
export function readDataFile(path: string, labelColumn?: string): Dataset {
  if (!path.toLowerCase().endsWith(".json")) return readCsvFile(path, { label: labelColumn });
  return parseJson(readInputText(path, "data file", MAX_DATA_BYTES), { source: path });
}

/**
 * Sets `path` (dot-separated, e.g. "optimizer.lr") in a plain object to `raw`, parsed as JSON when it
 * parses (numbers, booleans, arrays, objects) and kept as a string otherwise.
 */
export function setPath(target: Record<string, unknown>, path: string, raw: string): void {
  const keys = path.split(".");
  if (keys.some((k) => k === "")) throw new Error(`--set ${path}=…: the field path has an empty part`);
  checkPathKeys(keys, `--set ${path}=…`);
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    value = raw;
  }
  checkJsonShape(value, `--set ${path}=…`);
  let node: Record<string, unknown> = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next === undefined || next === null || typeof next !== "object" || Array.isArray(next))
      node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]] = value;
}

/** Parses "path=value" override strings onto a raw config object. */
export function applyOverrides(raw: Record<string, unknown>, sets: readonly string[]): void {
  for (const s of sets) {
    const eq = s.indexOf("=");
    if (eq < 1) throw new Error(`--set "${s}": expected field=value, e.g. --set optimizer.lr=0.1`);
    setPath(raw, s.slice(0, eq).trim(), s.slice(eq + 1).trim());
  }
}

/** A validated config plus the directory that relative file paths in it are resolved against. */
export interface LoadedConfig {
  config: RunConfig;
  baseDir: string;
  source: string;
}

/** Validates a raw config (after overrides) and loads any explicit-weights file it names. */
export function finishConfig(raw: unknown, source: string, baseDir: string): LoadedConfig {
  const config = parseRunConfig(raw, source);
  if (config.init.scheme === "explicit" && !config.init.weights && config.init.file) {
    const path = resolve(baseDir, config.init.file);
    config.init.weights = parseWeightsFile(readJsonFile(path, "weights file"), path);
  }
  return { config, baseDir, source };
}

/** Accepts `[{W, b?}, …]` or `{ weights: [...] }` (what `learndyn train` writes). */
function parseWeightsFile(value: unknown, path: string): LayerWeights[] {
  const layers = Array.isArray(value) ? value : (value as { weights?: unknown })?.weights;
  if (!Array.isArray(layers)) {
    throw new Error(
      `weights file ${path}: expected [{"W": [[…]], "b": […]}, …] or {"weights": [...]}, one entry per layer`,
    );
  }
  return layers as LayerWeights[];
}

/** Loads the run's data: files are read here (Node), generators are run by buildData. */
export function loadData(loaded: LoadedConfig): DataBundle {
  const { config, baseDir } = loaded;
  if (config.data.kind !== "file") return buildData(config);
  const train = readDataFile(resolve(baseDir, config.data.path), config.data.labelColumn);
  return bundleWithInputFeatures({ train, tests: {} }, config.inputs);
}

/** Reads a config file (or starts from {}), applies overrides, validates. */
export function loadConfig(
  path: string | undefined,
  overrides: readonly string[],
  flags: Record<string, unknown> = {},
): LoadedConfig {
  const raw = (path ? readJsonFile(path, "config file") : {}) as Record<string, unknown>;
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new Error(`config file ${path} must hold a JSON object ({ "data": …, "model": …, … })`);
  }
  for (const [field, value] of Object.entries(flags)) {
    if (value !== undefined) setPath(raw, field, typeof value === "string" ? value : JSON.stringify(value));
  }
  applyOverrides(raw, overrides);
  return finishConfig(raw, path ?? "command-line flags", path ? dirname(resolve(path)) : process.cwd());
}
