/**
 * Numbers as plain text: for check texts and captions, and for the terminal. The figures' and report's
 * format for people (real minus sign, 10⁻⁶ style) is `formatNumber` in src/figures/figure.ts, beside the
 * power-of-ten labels it shares with the axes.
 */

/**
 * `digits` significant digits without trailing zeros, as JavaScript writes the rounded number (ASCII
 * minus; exponent form only where `String(number)` uses it). For check descriptions and captions.
 */
export function formatSignificant(v: number, digits = 3): string {
  return Number.isFinite(v) ? Number(v.toPrecision(digits)).toString() : String(v);
}

/** Compact number for terminal display: `digits` significant digits, exponent form below 1e-3 and from 1e5. */
export function formatCompact(v: number, digits = 4): string {
  if (!Number.isFinite(v)) return String(v);
  if (v !== 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5)) return v.toExponential(digits - 1);
  return Number(v.toPrecision(digits)).toString();
}
