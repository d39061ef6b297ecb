/** Test helpers: compile a figure's spec with vega-lite and fail on any warning. */
import type { TopLevelSpec } from "vega-lite";
import { expect } from "vitest";
import { compileSpec } from "../../src/node/report/render.js";

/** A Vega spec, loosely typed for inspection in tests. */
// biome-ignore lint/suspicious/noExplicitAny: tests poke into the compiled spec
export type AnySpec = any;

/** Compile with vega-lite, assert there were no warnings, and return the Vega spec. */
export function compileClean(spec: TopLevelSpec): AnySpec {
  const { vega, warnings } = compileSpec(spec);
  expect(warnings).toEqual([]);
  return vega;
}

/** The scale of the compiled Vega spec with this name. */
export function scaleNamed(vg: AnySpec, name: string): AnySpec {
  const s = (vg.scales ?? []).find((x: AnySpec) => x.name === name);
  expect(s, `scale ${name}`).toBeDefined();
  return s;
}

/** The top-level layers of a built Vega-Lite spec. */
export function layersOf(spec: TopLevelSpec): AnySpec[] {
  return (spec as AnySpec).layer;
}

/** A drawn item of a rendered SVG: a legend swatch or a mark, with its colour and whether it is dashed. */
interface Drawn {
  role: "legend" | "line" | "rule" | "symbol" | "area";
  color: string;
  dashed: boolean;
}

function attr(el: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(el)?.[1];
}

/** Legend swatches and marks of an SVG rendered by the Node renderer (Vega's SVG output). */
export function drawnItems(svg: string): Drawn[] {
  const out: Drawn[] = [];
  const chunks = svg.split('<g class="mark-').slice(1);
  for (const chunk of chunks) {
    const kind = /^(\w+) role-([\w-]+)/.exec(chunk);
    if (!kind) continue;
    const [, mark, role] = kind;
    const isLegend = role === "legend-symbol";
    if (!isLegend && role !== "mark") continue;
    const body = chunk.slice(0, chunk.search(/<g class="mark-|<\/g><\/g>/) + 1 || undefined);
    for (const el of body.match(/<(path|line)\b[^>]*>/g) ?? []) {
      if (el.includes('class="background"') || el.includes('class="foreground"')) continue;
      const dash = attr(el, "stroke-dasharray");
      // A stroke swatch ("M-x,0Lx,0") shows a line's stroke; a shape swatch and a point show their fill.
      const strokeSwatch = isLegend && /^M-?[\d.]+,0L[\d.]+,0$/.test(attr(el, "d") ?? "");
      const fill = attr(el, "fill");
      const filled = fill && fill !== "none" && fill !== "transparent" ? fill : undefined;
      const color =
        mark === "symbol" && !strokeSwatch ? (filled ?? attr(el, "stroke")) : (attr(el, "stroke") ?? filled);
      if (!color || color === "none" || color === "transparent") continue;
      const role: Drawn["role"] = isLegend
        ? "legend"
        : mark === "line" || mark === "rule" || mark === "symbol" || mark === "area"
          ? mark
          : "symbol";
      out.push({
        role,
        color: color.toLowerCase(),
        dashed: dash !== undefined && dash !== "1,0" && dash !== "",
      });
    }
  }
  return out;
}

/**
 * What is wrong between a figure's legend and its marks: a line swatch whose colour and dash no line or
 * rule has, and a coloured line whose colour and dash no swatch shows (a grey solid/dashed key counts for
 * its dash; grey context lines need only the key). Empty when the legend tells the truth.
 */
export function legendMarkProblems(svg: string, keyColor = "#333333"): string[] {
  const items = drawnItems(svg);
  const swatches = items.filter((i) => i.role === "legend");
  const lines = items.filter((i) => i.role === "line" || i.role === "rule");
  const problems: string[] = [];
  for (const s of swatches) {
    if (s.color === keyColor) {
      if (!lines.some((l) => l.dashed === s.dashed))
        problems.push(`key swatch dashed=${s.dashed} has no line`);
      continue;
    }
    const match = lines.some((l) => l.color === s.color && l.dashed === s.dashed);
    const symbol = items.some((i) => (i.role === "symbol" || i.role === "area") && i.color === s.color);
    if (!match && !symbol) problems.push(`swatch ${s.color} dashed=${s.dashed} matches no mark`);
  }
  const grey = (c: string) => /^#([0-9a-f]{2})\1\1$/.test(c);
  const keys = swatches.filter((s) => s.color === keyColor);
  for (const l of items.filter((i) => i.role === "line")) {
    const own = swatches.some((s) => s.color === l.color && s.dashed === l.dashed);
    const key = keys.some((s) => s.dashed === l.dashed);
    const colorShown = swatches.some((s) => s.color === l.color);
    // A grey line is context (flow lines, a fit): the grey solid/dashed key names it, or, with no key,
    // the subtitle does.
    if (grey(l.color) && (key || keys.length === 0)) continue;
    if (swatches.length > 0 && !own && !(key && colorShown)) {
      problems.push(`line ${l.color} dashed=${l.dashed} is shown by no swatch`);
    }
  }
  return [...new Set(problems)];
}
