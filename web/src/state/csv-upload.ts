/**
 * An uploaded CSV file turned into a run. The points become inline data; a fresh upload starts from a
 * neutral configuration for the data (the preset on screen was tuned to its own theory setting, e.g. C1's
 * ε = 0.01 diagonal init, and trains other data badly), and the page says so. Data too large for a link is
 * kept out of the URL: the link names the file instead (data {kind: "file", path}, which the CLI reads).
 */
import { oneClassWarning, parseCsv } from "../../../src/index.js";
import type { RawConfig } from "./config-edit.js";

/** Inline data of an upload. */
export interface InlineData {
  kind: "inline";
  name: string;
  x: number[][];
  y: number[];
}

/** Longest inline data (JSON characters) that still goes into the page's URL. */
export const MAX_URL_DATA_CHARS = 1500;

/**
 * Parses CSV text; returns inline data ({kind: "inline", x, y}), with the warning the CLI prints when
 * every label is one class, or the parser's error message.
 */
export function readCsvAsInline(
  text: string,
  source: string,
): { data: InlineData; warning: string | null } | { error: string } {
  try {
    const ds = parseCsv(text, { source });
    const x: number[][] = [];
    for (let i = 0; i < ds.n; i++) x.push(Array.from(ds.x.subarray(i * ds.d, (i + 1) * ds.d)));
    return {
      data: { kind: "inline", name: source, x, y: Array.from(ds.y) },
      warning: oneClassWarning({ name: source, n: ds.n, y: ds.y }),
    };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** "points" for "points.csv" (a run name from the file). */
export function fileStem(file: string): string {
  return file.replace(/^.*[\\/]/, "").replace(/\.[^.]*$/, "") || file;
}

/**
 * The config an upload starts from: one hidden layer of 16 ReLU units with biases, He-normal init, mean
 * cross-entropy and Adam — settings that train any small labelled point set — keeping only the seed.
 */
export function neutralConfig(data: InlineData, file: string, seed: unknown): RawConfig {
  return {
    version: 1,
    name: fileStem(file),
    seed: typeof seed === "number" ? seed : 0,
    data,
    model: { hidden: [16], activation: "relu", bias: true },
    init: { scheme: "he-normal" },
    loss: { kind: "ce", reduction: "mean" },
    optimizer: { kind: "adam", lr: 0.01 },
    train: { steps: 1000 },
    probes: { schedule: { kind: "every", every: 10 }, include: [] },
  };
}

/** What the page says after an upload started from {@link neutralConfig}. */
export function neutralNotice(file: string, n: number, d: number): string {
  return (
    `Loaded ${file} (${n} points, ${d}-D) with a neutral config: 1 hidden layer of 16 ReLU units with biases, ` +
    "He-normal init, mean cross-entropy, Adam lr 0.01, 1000 steps (not the preset's theory setting). Change anything on the left."
  );
}

/**
 * The config as the URL holds it: inline data longer than MAX_URL_DATA_CHARS is replaced by
 * {kind: "file", path: <its file name>}, so the link says where the data came from without carrying it.
 */
export function configForUrl(raw: RawConfig): RawConfig {
  const data = raw.data as Partial<InlineData> | undefined;
  if (data?.kind !== "inline" || JSON.stringify(data).length <= MAX_URL_DATA_CHARS) return raw;
  return { ...raw, data: { kind: "file", path: data.name ?? "uploaded.csv" } };
}
