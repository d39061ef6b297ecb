/**
 * Scales and ticks for the lab's canvas charts: linear (1-2-5 steps) and log (powers of ten, with
 * 2 and 5 between them when the range is short). Pure functions, tested in test/web/scale.test.ts.
 */

/** A numeric scale from data to pixels. */
export interface Scale {
  log: boolean;
  domain: [number, number];
  range: [number, number];
  (v: number): number;
  invert(px: number): number;
}

/** A linear or log scale; a log scale needs a positive domain. */
export function makeScale(domain: [number, number], range: [number, number], log: boolean): Scale {
  const t = (v: number) => (log ? Math.log10(v) : v);
  const [d0, d1] = [t(domain[0]), t(domain[1])];
  const span = d1 - d0 || 1;
  const f = ((v: number) => range[0] + ((t(v) - d0) / span) * (range[1] - range[0])) as Scale;
  f.log = log;
  f.domain = domain;
  f.range = range;
  f.invert = (px: number) => {
    const u = d0 + ((px - range[0]) / (range[1] - range[0])) * span;
    return log ? 10 ** u : u;
  };
  return f;
}

/** Extent of the finite (and, for log, positive) values; null when there are none. */
export function extent(values: ArrayLike<number>, log: boolean): [number, number] | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** A domain that contains [lo, hi] with round ends, never empty. */
export function niceDomain(ext: [number, number], log: boolean): [number, number] {
  let [lo, hi] = ext;
  if (log) {
    if (hi / lo < 1.0001) {
      lo /= 2;
      hi *= 2;
    }
    const steps = [1, 2, 5, 10];
    const down = (v: number) => {
      const p = 10 ** Math.floor(Math.log10(v));
      return p * [...steps].reverse().find((s) => s * p <= v * (1 + 1e-9))!;
    };
    const up = (v: number) => {
      const p = 10 ** Math.floor(Math.log10(v));
      return p * steps.find((s) => s * p >= v * (1 - 1e-9))!;
    };
    return [down(lo), up(hi)];
  }
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
    const pad = Math.abs(hi) > 0 ? Math.abs(hi) * 0.1 : 1;
    lo -= pad;
    hi += pad;
  }
  const step = tickStep(lo, hi, 5);
  return [Math.floor(lo / step + 1e-9) * step, Math.ceil(hi / step - 1e-9) * step];
}

/**
 * The domain of a chart whose data grow while a run trains, changing in coarse steps (each change repaints
 * the chart's axes and curves): `prev` is kept while it holds `ext` and is at most 4× as wide as the data
 * need (on a log axis: in decades); otherwise a nice domain of `ext`, with room for the data to double
 * their span on each side where they outgrew `prev` (never crossing 0 when the data do not).
 */
export function stickyDomain(
  prev: [number, number] | null,
  ext: [number, number],
  log: boolean,
): [number, number] {
  const fit = niceDomain(ext, log);
  if (!prev || (log && prev[0] <= 0)) return fit;
  const t = (v: number) => (log ? Math.log10(v) : v);
  const from = (u: number) => (log ? 10 ** u : u);
  const holds = prev[0] <= ext[0] && ext[1] <= prev[1];
  if (holds && t(prev[1]) - t(prev[0]) <= 4 * (t(fit[1]) - t(fit[0]))) return prev;
  if (holds) return fit;
  const span = t(fit[1]) - t(fit[0]);
  let lo = ext[0] < prev[0] ? from(t(ext[0]) - span) : ext[0];
  let hi = ext[1] > prev[1] ? from(t(ext[1]) + span) : ext[1];
  if (!log && ext[0] >= 0) lo = Math.max(lo, 0);
  if (!log && ext[1] <= 0) hi = Math.min(hi, 0);
  return niceDomain([lo, hi], log);
}

/** A 1-2-5 step giving about `count` ticks over [lo, hi]. */
export function tickStep(lo: number, hi: number, count: number): number {
  const raw = (hi - lo) / Math.max(1, count);
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m >= 7.07 ? 10 : m >= 3.16 ? 5 : m >= 1.41 ? 2 : 1) * p;
}

/** Tick values inside the domain. */
export function ticks(domain: [number, number], log: boolean, count = 5): number[] {
  const [lo, hi] = domain;
  const out: number[] = [];
  if (log) {
    const k0 = Math.floor(Math.log10(lo));
    const k1 = Math.ceil(Math.log10(hi));
    const decades = k1 - k0;
    const mant = decades <= 1 ? [1, 2, 5] : decades <= 2 ? [1, 3] : [1];
    const every = Math.max(1, Math.ceil(decades / 6));
    for (let k = k0; k <= k1; k++) {
      if ((k - k0) % every !== 0) continue;
      for (const m of mant) {
        const v = Number(`${m}e${k}`);
        if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) out.push(v);
      }
    }
    return out;
  }
  const step = tickStep(lo, hi, count);
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) {
    out.push(k === 0 ? 0 : Number((k * step).toPrecision(12)));
  }
  return out;
}

const SUP: Record<string, string> = {
  "-": "⁻",
  "0": "⁰",
  "1": "¹",
  "2": "²",
  "3": "³",
  "4": "⁴",
  "5": "⁵",
  "6": "⁶",
  "7": "⁷",
  "8": "⁸",
  "9": "⁹",
};

/** Tick label: 10⁻³ for powers of ten on log axes, otherwise a short number. */
export function tickLabel(v: number, log: boolean): string {
  if (log) {
    const k = Math.round(Math.log10(v));
    if (Math.abs(v - 10 ** k) < 1e-9 * 10 ** k && (k < -2 || k > 3)) {
      return `10${String(k)
        .split("")
        .map((c) => SUP[c] ?? c)
        .join("")}`;
    }
  }
  return formatValue(v);
}

/** A number in at most 4 significant digits, with a real minus sign. */
export function formatValue(v: number, digits = 4): string {
  if (Number.isNaN(v)) return "NaN";
  if (!Number.isFinite(v)) return v > 0 ? "∞" : "−∞";
  if (v === 0) return "0";
  const a = Math.abs(v);
  const s =
    a >= 1e-3 && a < 1e6
      ? String(Number(v.toPrecision(digits)))
      : v
          .toExponential(digits - 2)
          .replace(/\.?0+e/, "e")
          .replace("e+", "e");
  return s.replace("-", "−");
}
