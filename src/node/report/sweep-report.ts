/**
 * The sweep report: a store's figures (sweep/figures.ts), its run table as CSV, and one HTML page
 * (`learndyn report --store`).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { AdaptiveCell } from "../../sweep/adaptive.js";
import { readAdaptiveCells } from "../store/adaptive-cells.js";
import { openStore, type SweepStore } from "../store/store.js";
import { runTable, storeSweepSpec, tableToCsv } from "../store/table.js";
import type { ReportFigure } from "./html.js";

/**
 * Writes the report of a store into `outDir`; returns the index.html path and the figure count. `onRead`
 * sees the store once its runs are read (the CLI says there what a damaged store's salvage could read).
 */
export async function writeStoreReport(
  storePath: string,
  outDir?: string,
  png = true,
  onRead?: (store: SweepStore, read: number) => void,
): Promise<{ index: string; figures: number }> {
  // Loaded here, not at start-up: the renderer is heavy and only the report needs it.
  const { buildHtml } = await import("./html.js");
  const { writeFigure } = await import("./writeFigure.js");
  const { sweepFigures } = await import("../../sweep/figures.js");
  const { adaptiveStoreFigures } = await import("../../sweep/adaptive-store-figure.js");
  const store = openStore(storePath);
  let spec: ReturnType<typeof storeSweepSpec>;
  let runs: ReturnType<typeof store.runs>;
  let counts: ReturnType<typeof store.counts>;
  let cells: AdaptiveCell[];
  try {
    spec = storeSweepSpec(store);
    runs = store.runs();
    counts = store.counts();
    cells = readAdaptiveCells(store.db);
    onRead?.(store, runs.length);
  } finally {
    store.close();
  }
  const dir = outDir ?? join("report", spec.name);
  const figDir = join(dir, "fig");
  mkdirSync(figDir, { recursive: true });
  const figures: ReportFigure[] = [];
  const made = spec.adaptive ? adaptiveStoreFigures(spec, runs, cells) : sweepFigures(spec, runs);
  for (const f of made) {
    const w = await writeFigure(figDir, f.name, f.figure, { png });
    const rel = (p: string) => relative(dir, p);
    figures.push({
      svg: w.svg,
      caption: f.caption,
      data: { json: rel(w.files.json), csv: rel(w.files.csv) },
      png: w.files.png ? rel(w.files.png) : undefined,
    });
  }
  const table = runTable(spec, runs);
  writeFileSync(join(dir, "runs.csv"), tableToCsv(table));
  const total = runs.length;
  const html = buildHtml({
    title: `Sweep ${spec.name}`,
    subtitle: `${total} runs stored: ${Object.entries(counts)
      .map(([s, n]) => `${n} ${s}`)
      .join(", ")} · store ${storePath}`,
    sections: [
      {
        heading: "What was swept",
        paragraphs: [
          spec.description ?? "",
          `Axes: ${spec.axes.map((a) => a.name ?? a.field ?? (a.fields ?? []).join("+")).join(", ") || "none"}; ${spec.combine}; ${spec.seeds} seed(s) per point; kept: ${spec.keep.scalars.join(", ")}.`,
          ...(spec.adaptive ? [refinementLine(cells)] : []),
          "All runs as a table: runs.csv (one row per run).",
        ].filter(Boolean),
      },
      {
        heading: "Figures",
        paragraphs: figures.length
          ? []
          : ["No figure: the sweep needs numeric axes (or report hints in its spec)."],
        figures,
      },
    ],
    footer: "learndyn sweep report",
  });
  const index = join(dir, "index.html");
  writeFileSync(index, html);
  return { index, figures: figures.length };
}

/** What the store recorded of an adaptive refinement, in one sentence. */
function refinementLine(cells: readonly AdaptiveCell[]): string {
  if (cells.length === 0) return "Adaptive: no refinement recorded yet (run the sweep with --adaptive).";
  const reasons = new Map<string, number>();
  for (const c of cells) reasons.set(c.reason, (reasons.get(c.reason) ?? 0) + 1);
  const levels = cells.reduce((m, c) => Math.max(m, c.level), 0) + 1;
  return `Adaptive: ${cells.length} cells over ${levels} levels, ${cells.filter((c) => c.refined).length} split (${[...reasons].map(([r, n]) => `${n} ${r}`).join(", ")}).`;
}
