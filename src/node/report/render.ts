/**
 * Node-side rendering of figure specs: Vega-Lite spec → Vega spec → SVG string (headless Vega view,
 * renderer "none") → PNG bytes (resvg, with the bundled DejaVu fonts so text renders the same everywhere).
 */
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { FONT_FAMILY, fontFiles, fontMetrics } from "./fonts.js";

/** A Vega spec compiled from Vega-Lite, with every warning the compiler logged. */
export interface CompiledSpec {
  /** The Vega spec. */
  vega: vega.Spec;
  /** Warnings (and errors) logged by vega-lite while compiling; empty for a clean spec. */
  warnings: string[];
}

/** A logger (vega-util's LoggerInterface) that collects messages instead of printing them. */
function collectingLogger(out: string[]) {
  let lvl = 2;
  const fmt = (args: readonly unknown[]) =>
    args.map((a) => (typeof a === "string" ? a : JSON.stringify(a))).join(" ");
  const logger = {
    level(l?: number) {
      if (l === undefined) return lvl;
      lvl = l;
      return logger;
    },
    error(...args: readonly unknown[]) {
      out.push(`error: ${fmt(args)}`);
      return logger;
    },
    warn(...args: readonly unknown[]) {
      out.push(`warn: ${fmt(args)}`);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return logger;
}

/** Compile a Vega-Lite spec, collecting warnings instead of printing them. */
export function compileSpec(spec: TopLevelSpec): CompiledSpec {
  const warnings: string[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: the logger matches vega-util's LoggerInterface structurally
  const out = compile(spec, { logger: collectingLogger(warnings) as any });
  return { vega: out.spec as vega.Spec, warnings };
}

let metricsInstalled = false;

/**
 * Make Vega measure text with the advance widths of the bundled DejaVu Sans (Vega has no canvas in Node
 * and otherwise guesses 0.8 em per character, which leaves legends and titles badly spaced).
 */
export function installTextMetrics(): void {
  if (metricsInstalled) return;
  const regular = fontMetrics("regular");
  const bold = fontMetrics("bold");
  const tm = (
    vega as unknown as { textMetrics: { width: (item: Record<string, unknown>, text: unknown) => number } }
  ).textMetrics;
  tm.width = (item, text) => {
    const s = text == null ? "" : String(text).trim();
    const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
    const w = item.fontWeight;
    const isBold = w === "bold" || w === "bolder" || (typeof w === "number" && w >= 600) || Number(w) >= 600;
    return (isBold ? bold : regular).width(s, size);
  };
  metricsInstalled = true;
}

/** Options of {@link renderSvg}. */
export interface RenderSvgOptions {
  /** Throw if vega-lite logs a warning (default false: warnings are ignored). */
  strict?: boolean;
}

/** Render a Vega-Lite spec to a standalone SVG string. */
export async function renderSvg(spec: TopLevelSpec, options: RenderSvgOptions = {}): Promise<string> {
  installTextMetrics();
  // Vega writes ids and computed fields into inline data rows: render a copy, leave the caller's spec alone.
  const { vega: vg, warnings } = compileSpec(structuredClone(spec));
  if (options.strict && warnings.length > 0) {
    throw new Error(`renderSvg: vega-lite warned about the spec:\n${warnings.join("\n")}`);
  }
  const view = new vega.View(vega.parse(vg), { renderer: "none" });
  view.logLevel(vega.Error);
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Pixel density: 2 gives a sharp image for slides and high-DPI screens (default 2). */
  scale?: number;
  /** Background colour behind transparent parts (default: the SVG's own, white for learndyn figures). */
  background?: string;
}

/** Rasterise an SVG string to PNG bytes with resvg, using only the bundled fonts. */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const scale = options.scale ?? 2;
  if (!(scale > 0)) throw new Error(`svgToPng: scale must be positive, got ${scale}`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: options.background,
    font: {
      loadSystemFonts: false,
      fontFiles: fontFiles(),
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
  });
  const png = resvg.render().asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}

/** Render a Vega-Lite spec straight to PNG bytes. */
export async function renderPng(
  spec: TopLevelSpec,
  options: PngOptions & RenderSvgOptions = {},
): Promise<Uint8Array> {
  return svgToPng(await renderSvg(spec, options), options);
}
