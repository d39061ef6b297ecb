/**
 * The look shared by every learndyn figure: fonts, sizes, palette and the Vega-Lite config.
 * Browser-safe (no Node imports): the same theme is used by the CLI report and the web lab.
 */
import type { Config } from "vega-lite";

/**
 * Font stack. DejaVu Sans comes first because the Node renderer (src/node/report) measures and rasterises
 * text with the DejaVu Sans files shipped by the `dejavu-fonts-ttf` npm package; browsers without it
 * fall back to the system sans-serif.
 */
export const FONT = '"DejaVu Sans", "Helvetica Neue", Helvetica, Arial, sans-serif';

/** Default width of the plotting area in pixels (axes, legends and titles come on top). */
export const WIDTH = 560;
/** Default height of the plotting area in pixels. */
export const HEIGHT = 340;

/**
 * Okabe–Ito colour-blind-safe palette, ordered for lines on white (yellow last: it is hard to see).
 */
export const PALETTE: readonly string[] = [
  "#0072B2", // blue
  "#D55E00", // vermillion
  "#009E73", // bluish green
  "#CC79A7", // reddish purple
  "#E69F00", // orange
  "#56B4E9", // sky blue
  "#000000", // black
  "#F0E442", // yellow
];

/** Neutral colours for context marks (flow lines, fits, reference lines, frames). */
export const NEUTRAL = {
  /** Flow lines and other background structure. */
  flow: "#9a9a9a",
  /** Reference lines (theory slopes, y = x, asymptotes). */
  reference: "#444444",
  /** Fitted lines. */
  fit: "#111111",
  /** Grid lines. */
  grid: "#e4e4e4",
  /** Axis lines and ticks. */
  axis: "#777777",
} as const;

/**
 * Colours for training outcomes, used whenever a category has one of these names
 * (case-insensitive); other categories take palette colours.
 */
export const OUTCOME_COLORS: Readonly<Record<string, string>> = {
  learned: "#009E73",
  recovered: "#0072B2",
  correct: "#009E73",
  converged: "#009E73",
  failed: "#D55E00",
  wrong: "#D55E00",
  dead: "#7f7f7f",
  diverged: "#CC79A7",
  starved: "#E69F00",
};

/** Dash pattern for theory curves (`strokeDash`). Simulation curves are solid. */
export const THEORY_DASH: readonly number[] = [7, 4];
/** Dash pattern meaning "solid" inside a strokeDash scale. */
export const SOLID_DASH: readonly number[] = [1, 0];

/** Colour of palette slot `i` (wraps around). */
export function paletteColor(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/**
 * Colours for a list of categories: explicit `colors` first, then {@link OUTCOME_COLORS} by name,
 * then the palette in order, skipping palette colours already taken.
 */
export function categoryColors(categories: readonly string[], colors: Record<string, string> = {}): string[] {
  const taken = new Set<string>();
  const out: (string | undefined)[] = categories.map((c) => {
    const col = colors[c] ?? OUTCOME_COLORS[c.toLowerCase()];
    if (col) taken.add(col.toLowerCase());
    return col;
  });
  let slot = 0;
  return out.map((col) => {
    if (col) return col;
    while (slot < PALETTE.length - 1 && taken.has(PALETTE[slot].toLowerCase())) slot++;
    const next = paletteColor(slot++);
    taken.add(next.toLowerCase());
    return next;
  });
}

/** The Vega-Lite config shared by all figures. */
export function themeConfig(): Config {
  return {
    font: FONT,
    background: "white",
    padding: 10,
    view: { stroke: null },
    title: {
      fontSize: 17,
      fontWeight: "bold",
      anchor: "start",
      offset: 10,
      subtitleFontSize: 13,
      subtitleColor: "#555555",
      subtitlePadding: 5,
      limit: 0,
    },
    axis: {
      labelFontSize: 12,
      titleFontSize: 13,
      titleFontWeight: "normal",
      titleColor: "#222222",
      labelColor: "#333333",
      labelLimit: 0,
      gridColor: NEUTRAL.grid,
      domainColor: NEUTRAL.axis,
      tickColor: NEUTRAL.axis,
      titlePadding: 8,
      labelPadding: 4,
      labelFlush: true,
    },
    legend: {
      labelFontSize: 12,
      titleFontSize: 12,
      titleFontWeight: "bold",
      labelLimit: 0,
      titleLimit: 0,
      symbolStrokeWidth: 2.5,
      symbolSize: 160,
      rowPadding: 4,
      padding: 4,
      offset: 12,
    },
    line: { strokeWidth: 2 },
    point: { filled: true, size: 36 },
    text: { fontSize: 12 },
    range: { category: [...PALETTE] },
  };
}
