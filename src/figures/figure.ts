/**
 * What every figure builder returns, and small pieces shared by the builders.
 */
import type { TopLevelSpec } from "vega-lite";
import { powerOfTenLabel } from "./axes.js";

/** One row of the data behind a figure: flat, so it can be written as JSON or CSV. */
export type FigureRow = Record<string, string | number | boolean | null>;

/** A built figure: the Vega-Lite spec and the plain rows it was built from. */
export interface Figure<Row extends FigureRow = FigureRow> {
  /** The Vega-Lite spec (data inlined), ready for vega-embed or the Node renderer. */
  spec: TopLevelSpec;
  /** Every row that the spec plots (after log-axis filtering and downsampling). */
  data: Row[];
}

/** Axis scale type. */
export type ScaleKind = "linear" | "log";

/** A point in the plane. */
export interface XY {
  /** Horizontal coordinate. */
  x: number;
  /** Vertical coordinate. */
  y: number;
}

/** Title and subtitle block for `spec.title`; the subtitle may be several lines. */
export function titleBlock(title: string, subtitle: readonly string[]): TopLevelSpec["title"] {
  const lines = subtitle.filter((s) => s.length > 0);
  if (lines.length === 0) return { text: title };
  return { text: title, subtitle: lines.length === 1 ? lines[0] : lines };
}

/**
 * Number formatted for people (figures, the report): `digits` significant digits without trailing zeros,
 * a real minus sign, and below 10⁻³ or from 10⁵ on the figures' power-of-ten style: 10⁻⁶, 2.5×10⁻⁴.
 * Files meant for programs (CSV, JSON) keep plain numbers; never use this for them.
 */
export function formatNumber(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e-3 && a < 1e5) return String(Number(v.toPrecision(digits))).replace("-", "\u2212");
  const [m, e] = v.toExponential(digits - 1).split("e");
  const mantissa = String(Number(m)).replace("-", "\u2212");
  const power = powerOfTenLabel(Number(e));
  if (mantissa === "1") return power;
  if (mantissa === "\u22121") return `\u2212${power}`;
  return `${mantissa}×${power}`;
}

/** Notes for the subtitle about values a chart could not draw, e.g. "3 non-positive values dropped (log axis)". */
export function droppedNotes(nonPositive: number, nonFinite: number): string {
  const notes: string[] = [];
  const values = (n: number) => `${n} ${n === 1 ? "value" : "values"}`;
  if (nonPositive > 0) notes.push(`${values(nonPositive)} ≤ 0 dropped (log axis)`);
  if (nonFinite > 0) notes.push(`${values(nonFinite)} not finite dropped`);
  return notes.join("; ");
}
