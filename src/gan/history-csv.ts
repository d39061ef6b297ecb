/** A GAN run's records as CSV, for the CLI's history.csv and the lab's GAN tab download. */
import type { GanRecord } from "./train.js";

/** The records as CSV: a header of the record's fields, then one row per record (plain ASCII numbers). */
export function ganHistoryCsv(history: readonly GanRecord[]): string {
  if (history.length === 0) return "";
  const keys = Object.keys(history[0]) as (keyof GanRecord)[];
  return `${[keys.join(","), ...history.map((r) => keys.map((k) => String(r[k])).join(","))].join("\n")}\n`;
}
