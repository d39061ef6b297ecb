/** One recorded point of a run: always step, time, loss and error, plus whatever probes measured. */
export interface HistoryRecord {
  /** Optimizer steps taken before this record. */
  step: number;
  /** Gradient-flow time lr × step (the theory's t when the loss is summed over points). */
  t: number;
  /** Training loss at this step (the data term, without penalties), reduced as configured. */
  loss: number;
  /** Fraction of training points with margin y·f ≤ 0. */
  error: number;
  [probe: string]: number | number[];
}

/** How a run ended. */
export type RunStatus = "running" | "done" | "stopped" | "diverged";

/** Flattens records for CSV: arrays become columns name[0], name[1], … */
export function historyToCsv(history: HistoryRecord[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const record of history) {
    for (const [key, value] of Object.entries(record)) {
      const names = Array.isArray(value) ? value.map((_, i) => `${key}[${i}]`) : [key];
      for (const name of names) {
        if (!seen.has(name)) {
          seen.add(name);
          columns.push(name);
        }
      }
    }
  }
  const lines = [columns.join(",")];
  for (const record of history) {
    const flat = new Map<string, number>();
    for (const [key, value] of Object.entries(record)) {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) flat.set(`${key}[${i}]`, value[i]);
      } else flat.set(key, value);
    }
    lines.push(columns.map((c) => (flat.has(c) ? formatNumber(flat.get(c)!) : "")).join(","));
  }
  return `${lines.join("\n")}\n`;
}

/** Shortest round-tripping decimal form (JSON's), so CSV loses no precision. */
function formatNumber(v: number): string {
  return Number.isFinite(v) ? String(v) : Number.isNaN(v) ? "NaN" : v > 0 ? "Inf" : "-Inf";
}
