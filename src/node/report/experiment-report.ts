/**
 * Turns experiment results into the reproduce report: every figure as SVG, PNG, JSON and CSV, the checks
 * as JSON and CSV, and one self-contained report.html.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ExperimentResult } from "../../experiments/experiment.js";
import { stageFiles } from "../staged-files.js";
import { buildHtml, type ReportFigure } from "./html.js";
import { reportContent } from "./report-content.js";
import { renderTheoryHtml, theoryMarkdown, theoryTable } from "./theory.js";
import { writeFigure } from "./writeFigure.js";

export { showValue } from "./report-content.js";

/** Options of {@link writeExperimentReport}. */
export interface ExperimentReportOptions {
  /** Report title. */
  title?: string;
  /** Line under the title (command, scale, seed, date). */
  subtitle?: string;
  /** Write PNGs too (default true). */
  png?: boolean;
}

/** What was written. */
export interface WrittenReport {
  html: string;
  /** theory.html: docs/THEORY.md rendered, linked from every "§n" of the report. */
  theory: string;
  results: string;
  checks: string;
  figures: number;
}

/** The report's files moved into place last, in this order: report.html, the page a reader opens, at the end. */
const PUBLISHED_LAST = ["theory.html", "checks.csv", "results.json", "report.html"];

/**
 * Writes the report for `results` into `dir`: report.html, theory.html, figures/, results.json, checks.csv.
 * Everything is rendered into a hidden staging folder first and moved into place file by file (fsync,
 * rename), so a process killed at any moment leaves every file whole: the previous report's, or this one's.
 */
export async function writeExperimentReport(
  results: readonly ExperimentResult[],
  dir: string,
  options: ExperimentReportOptions = {},
): Promise<WrittenReport> {
  const staging = stageFiles(dir);
  try {
    const figureCount = await renderReport(results, staging.dir, options);
    staging.publish(PUBLISHED_LAST);
    return {
      html: join(dir, "report.html"),
      theory: join(dir, "theory.html"),
      results: join(dir, "results.json"),
      checks: join(dir, "checks.csv"),
      figures: figureCount,
    };
  } catch (e) {
    staging.abandon();
    throw e;
  }
}

/** Writes every file of the report into `dir`; returns the number of figures. */
async function renderReport(
  results: readonly ExperimentResult[],
  dir: string,
  options: ExperimentReportOptions,
): Promise<number> {
  const figures = new Map<string, ReportFigure[]>();
  let figureCount = 0;
  for (const r of results) {
    const list: ReportFigure[] = [];
    for (const f of r.figures) {
      const name = `${r.id}-${f.name}`;
      const written = await writeFigure(join(dir, "figures"), name, f.figure, { png: options.png ?? true });
      list.push({
        svg: written.svg,
        caption: f.caption,
        data: { json: `figures/${name}.json`, csv: `figures/${name}.csv` },
        png: written.files.png ? `figures/${name}.png` : undefined,
      });
      figureCount++;
    }
    figures.set(r.id, list);
  }
  const markdown = theoryMarkdown();
  await writeFile(join(dir, "theory.html"), renderTheoryHtml(markdown, "report.html"));
  const html = buildHtml(
    reportContent(results, {
      title: options.title ?? "learndyn: the learning dynamics of deep networks, reproduced",
      subtitle: options.subtitle,
      claims: theoryTable(markdown, "C"),
      predictions: theoryTable(markdown, "P"),
      theoryHref: "theory.html",
      figures,
    }),
  );
  await writeFile(join(dir, "report.html"), html);
  await writeFile(join(dir, "results.json"), `${JSON.stringify(results.map(stripFigures), null, 2)}\n`);
  await writeFile(join(dir, "checks.csv"), checksCsv(results));
  return figureCount;
}

/** Results without figure specs (those are in figures/): the numbers a script wants. */
function stripFigures(r: ExperimentResult): Omit<ExperimentResult, "figures"> & { figures: string[] } {
  return { ...r, figures: r.figures.map((f) => `figures/${r.id}-${f.name}`) };
}

function checksCsv(results: readonly ExperimentResult[]): string {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [
    "claim,experiment,prediction,statement,predicted,measured,tolerance,basis,pass,finding,published,published_source",
  ];
  for (const r of results) {
    for (const c of r.checks) {
      lines.push(
        [
          r.claim,
          r.id,
          c.prediction,
          c.statement,
          String(c.predicted),
          String(c.measured),
          c.tolerance,
          c.basis ?? "",
          String(c.pass),
          c.finding ?? "",
          c.published === undefined ? "" : String(c.published.value),
          c.published?.source ?? "",
        ]
          .map(esc)
          .join(","),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
