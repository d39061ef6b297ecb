/**
 * The fonts used to rasterise figures in Node: DejaVu Sans (regular, bold, oblique) from the
 * `dejavu-fonts-ttf` npm package, a dependency of learndyn. resvg needs TrueType/OpenType files (not the
 * woff/woff2 that @fontsource ships), and system fonts differ between machines; shipping the files in a
 * package makes PNGs identical everywhere and needs no apt package in CI.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { type FontMetrics, parseFontMetrics } from "./fontMetrics.js";

/** Family name of the bundled font, as written in SVG `font-family`. */
export const FONT_FAMILY = "DejaVu Sans";

const FILES = {
  regular: "DejaVuSans.ttf",
  bold: "DejaVuSans-Bold.ttf",
  oblique: "DejaVuSans-Oblique.ttf",
  boldOblique: "DejaVuSans-BoldOblique.ttf",
} as const;

let fontDir: string | undefined;

/** Folder holding the bundled .ttf files. */
export function fontDirectory(): string {
  if (fontDir === undefined) {
    const require = createRequire(import.meta.url);
    let pkg: string;
    try {
      pkg = require.resolve("dejavu-fonts-ttf/package.json");
    } catch {
      throw new Error(
        "report: the font package dejavu-fonts-ttf is not installed; run `npm install` (it is a dependency)",
      );
    }
    fontDir = join(dirname(pkg), "ttf");
  }
  return fontDir;
}

/** Absolute paths of the bundled font files (for resvg's `font.fontFiles`). */
export function fontFiles(): string[] {
  return Object.values(FILES).map((f) => join(fontDirectory(), f));
}

const metrics = new Map<"regular" | "bold", FontMetrics>();

/** Advance-width metrics of the regular or bold face. */
export function fontMetrics(weight: "regular" | "bold"): FontMetrics {
  let m = metrics.get(weight);
  if (!m) {
    m = parseFontMetrics(readFileSync(join(fontDirectory(), FILES[weight])));
    metrics.set(weight, m);
  }
  return m;
}
