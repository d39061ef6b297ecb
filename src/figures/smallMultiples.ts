/**
 * Small multiples: several charts side by side (wrapped into rows) under one title, for series that
 * would hide each other in one plot (curves lying on top of one another, bands tangling). Each panel is
 * a built figure with its own title; the panels' data rows are kept, tagged with their panel.
 */
import type { TopLevelSpec } from "vega-lite";
import { type Figure, type FigureRow, titleBlock } from "./figure.js";
import { themeConfig } from "./theme.js";

/** One panel: a built figure (its legend usually off) and the title shown above it. */
export interface Panel {
  /** Panel title, e.g. "a₀ = |b₀| + δ: recovers". */
  title: string;
  /** The panel's chart. */
  figure: Figure;
}

/** Options of {@link smallMultiples}. */
export interface SmallMultiplesOptions {
  /** Title over all panels. */
  title: string;
  /** Line under the title: say here what solid, dashed and dotted mean when the panels have no legend. */
  subtitle?: string;
  /** The panels, in reading order. */
  panels: readonly Panel[];
  /** Panels per row (default: all in one row up to 3, else 2 per row). */
  columns?: number;
  /** Plot width of each panel in pixels (default 300). */
  panelWidth?: number;
  /** Plot height of each panel in pixels (default 220). */
  panelHeight?: number;
}

/** Row of a small-multiples figure: the panel's own row plus its panel title. */
export type PanelRow = FigureRow & { panel: string };

/** Build the panels into one figure. */
export function smallMultiples(o: SmallMultiplesOptions): Figure<PanelRow> {
  if (o.panels.length === 0) throw new Error("smallMultiples: give at least one panel");
  const columns = o.columns ?? (o.panels.length <= 3 ? o.panels.length : 2);
  const specs = o.panels.map((p) => {
    const {
      $schema: _s,
      config: _c,
      title: _t,
      ...rest
    } = p.figure.spec as unknown as Record<string, unknown>;
    return {
      ...rest,
      title: { text: p.title, fontSize: 13, anchor: "start" },
      width: o.panelWidth ?? 300,
      height: o.panelHeight ?? 220,
    };
  });
  const spec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: titleBlock(o.title, [o.subtitle ?? ""]),
    config: themeConfig(),
    columns,
    concat: specs,
    spacing: 28,
    // Each panel keeps its own colours (Vega-Lite would otherwise merge the panels' colour domains).
    resolve: {
      scale: { color: "independent", fill: "independent", strokeDash: "independent" },
      legend: { color: "independent", fill: "independent", strokeDash: "independent" },
    },
  } as unknown as TopLevelSpec;
  const data = o.panels.flatMap((p) => p.figure.data.map((r) => ({ ...r, panel: p.title })));
  return { spec: structuredClone(spec), data };
}
