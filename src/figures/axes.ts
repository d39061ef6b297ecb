/**
 * Scale and axis definitions for linear and log axes, shared by the builders.
 * Log axes spanning three decades or more get ticks at powers of ten labelled 10⁻³, 10⁰, 10²…
 */
import type { ScaleKind } from "./figure.js";

const SUPERSCRIPT: Record<string, string> = {
  "-": "\u207b",
  "0": "\u2070",
  "1": "\u00b9",
  "2": "\u00b2",
  "3": "\u00b3",
  "4": "\u2074",
  "5": "\u2075",
  "6": "\u2076",
  "7": "\u2077",
  "8": "\u2078",
  "9": "\u2079",
};

/** "10" followed by the exponent in superscript digits, e.g. 10⁻³. */
export function powerOfTenLabel(k: number): string {
  return `10${String(k)
    .split("")
    .map((c) => SUPERSCRIPT[c] ?? c)
    .join("")}`;
}

/** Options for {@link scaleAndAxis}. */
export interface AxisOptions {
  /** Linear or log scale. */
  scale: ScaleKind;
  /** Axis title (with units). */
  title: string;
  /** Fixed domain; otherwise the data range (log axes: the range of the positive values). */
  domain?: readonly [number, number];
  /** Data extent [min, max] of the values plotted on this axis, used to place log ticks. */
  extent?: readonly [number, number];
  /** Show grid lines (default true). */
  grid?: boolean;
  /** Include zero in a linear domain (default false). */
  zero?: boolean;
  /** The quantity is an integer (a depth, a count): ticks only at integers, labelled without decimals. */
  integer?: boolean;
}

/** The `scale` and `axis` properties of a positional encoding. */
export function scaleAndAxis(o: AxisOptions): {
  scale: Record<string, unknown>;
  axis: Record<string, unknown>;
} {
  const scale: Record<string, unknown> = { type: o.scale };
  const axis: Record<string, unknown> = { title: o.title, grid: o.grid ?? true };
  if (o.domain) {
    scale.domain = [o.domain[0], o.domain[1]];
    scale.nice = false;
  }
  if (o.scale === "linear") {
    scale.zero = o.zero ?? false;
    axis.format = o.integer ? "d" : "~g";
    if (o.integer) axis.tickMinStep = 1;
    return { scale, axis };
  }
  const ext = o.domain ?? o.extent;
  if (ext && ext[0] > 0 && ext[1] > 0) {
    const min = Math.min(ext[0], ext[1]);
    const max = Math.max(ext[0], ext[1]);
    const lo = Math.log10(min);
    const hi = Math.log10(max);
    // Domain: the data range widened to the enclosing 1-2-5 values (unless fixed by the caller).
    const steps: number[] = [];
    const mantissa: number[] = [];
    for (let k = Math.floor(lo) - 1; k <= Math.ceil(hi) + 1; k++) {
      for (const m of [1, 2, 5]) {
        steps.push(m * 10 ** k);
        mantissa.push(m);
      }
    }
    const tol = 1e-9;
    let d0 = min;
    let d1 = max;
    if (!o.domain) {
      d0 = Math.max(...steps.filter((v) => v <= min * (1 + tol)));
      d1 = Math.min(...steps.filter((v) => v >= max * (1 - tol)));
      scale.domain = [d0, d1];
      scale.nice = false;
    }
    const inDomain = (v: number) => v >= d0 * (1 - tol) && v <= d1 * (1 + tol);
    if (hi - lo >= 2.5) {
      const ks: number[] = [];
      for (let k = Math.floor(lo) - 1; k <= Math.ceil(hi) + 1; k++) if (inDomain(10 ** k)) ks.push(k);
      const step = Math.max(1, Math.ceil(ks.length / 9));
      const shown = ks.filter((_, i) => i % step === 0);
      axis.values = shown.map((k) => 10 ** k);
      // Vega expressions have no local variables: the exponent expression is repeated per case.
      axis.labelExpr = shown
        .map((k) => `round(log(datum.value) / LN10) == ${k} ? '${powerOfTenLabel(k)}' : `)
        .join("")
        .concat("''");
      return { scale, axis };
    }
    const values = steps.filter(inDomain);
    if (values.length >= 3) {
      // Too many 1-2-5 ticks: keep 1 and 5 only.
      axis.values = values.length > 10 ? steps.filter((v, i) => inDomain(v) && mantissa[i] !== 2) : values;
      axis.format = "~g";
      return { scale, axis };
    }
  }
  axis.format = "~g";
  axis.labelOverlap = "greedy";
  return { scale, axis };
}
