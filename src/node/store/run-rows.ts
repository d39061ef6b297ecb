import type { PointResult, SweepRunStatus } from "../../sweep/run-point.js";
import type { Row } from "./sqlite-file.js";

/** Rows of the runs table: the columns, a finished run as a row, a row as a stored run. */

/** One stored run, as plain data (JSON columns decoded). */
export interface StoredRun {
  pointIndex: number;
  pointKey: string;
  values: unknown[];
  seedIndex: number;
  seed: number;
  configHash: string;
  status: SweepRunStatus;
  stopReason: string;
  error: string;
  steps: number;
  scalars: Record<string, number | null>;
  history: Record<string, number>[] | null;
  seconds: number;
}

/** The runs table's columns (without the row id), in the order runRow gives them. */
export const RUN_COLUMNS = [
  "point_index",
  "point_key",
  "axis_values",
  "seed_index",
  "seed",
  "config_hash",
  "config",
  "status",
  "stop_reason",
  "error",
  "steps",
  "scalars",
  "history",
  "seconds",
  "finished_at",
];

const SPECIAL: Record<string, number> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  "-Infinity": Number.NEGATIVE_INFINITY,
  "-0": -0,
};

/** JSON that keeps every float64 bit-exactly: NaN, ±Infinity and −0 become the strings "NaN", "Infinity", "-Infinity", "-0". */
export function encodeJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => {
    if (typeof v !== "number") return v;
    if (Number.isNaN(v)) return "NaN";
    if (!Number.isFinite(v)) return v > 0 ? "Infinity" : "-Infinity";
    return Object.is(v, -0) ? "-0" : v;
  });
}

/** Inverse of encodeJson. */
export function decodeJson(text: string): unknown {
  return JSON.parse(text, (_k, v) => (typeof v === "string" && Object.hasOwn(SPECIAL, v) ? SPECIAL[v] : v));
}

/** A run's row, in RUN_COLUMNS order. */
export function runRow(r: PointResult): (string | number | null)[] {
  return [
    r.index,
    r.key,
    encodeJson(r.values),
    r.seedIndex,
    r.seed,
    r.configHash,
    encodeJson(r.config),
    r.status,
    r.stopReason,
    r.error,
    r.steps,
    encodeJson(r.scalars),
    r.history === null ? null : encodeJson(r.history),
    r.seconds,
    new Date().toISOString(),
  ];
}

/** A row of the runs table (the columns of RUN_COLUMNS) as a stored run; throws on a column it cannot decode. */
export function decodeRun(r: Row): StoredRun {
  return {
    pointIndex: r.point_index as number,
    pointKey: r.point_key as string,
    values: decodeJson(r.axis_values as string) as unknown[],
    seedIndex: r.seed_index as number,
    seed: r.seed as number,
    configHash: r.config_hash as string,
    status: r.status as SweepRunStatus,
    stopReason: r.stop_reason as string,
    error: r.error as string,
    steps: r.steps as number,
    scalars: decodeJson(r.scalars as string) as Record<string, number | null>,
    history: r.history === null ? null : (decodeJson(r.history as string) as Record<string, number>[]),
    seconds: r.seconds as number,
  };
}
