/** An uploaded CSV file turned into inline data for the config (so the URL and the CLI carry it). */
import { parseCsv } from "../../../src/data/csv.js";

/** Parses CSV text; returns inline data ({kind: "inline", x, y}) or the parser's error message. */
export function readCsvAsInline(
  text: string,
  source: string,
): { data: { kind: "inline"; x: number[][]; y: number[] } } | { error: string } {
  try {
    const ds = parseCsv(text, { source });
    const x: number[][] = [];
    for (let i = 0; i < ds.n; i++) x.push(Array.from(ds.x.subarray(i * ds.d, (i + 1) * ds.d)));
    return { data: { kind: "inline", x, y: Array.from(ds.y) } };
  } catch (e) {
    return { error: (e as Error).message };
  }
}
