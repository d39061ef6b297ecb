/**
 * Turns experiment results into the reproduce report: every figure as SVG, PNG, JSON and CSV, the checks
 * as JSON and CSV, and one self-contained report.html.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ExperimentResult } from "../../experiments/experiment.js";
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

/** Writes the report for `results` into `dir`: report.html, theory.html, figures/, results.json, checks.csv. */
export async function writeExperimentReport(
  results: readonly ExperimentResult[],
  dir: string,
  options: ExperimentReportOptions = {},
): Promise<WrittenReport> {
  await mkdir(join(dir, "figures"), { recursive: true });
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
  const theoryPath = join(dir, "theory.html");
  await writeFile(theoryPath, renderTheoryHtml(markdown, "report.html"));
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
  const htmlPath = join(dir, "report.html");
  await writeFile(htmlPath, html);
  const resultsPath = join(dir, "results.json");
  await writeFile(resultsPath, `${JSON.stringify(results.map(stripFigures), null, 2)}\n`);
  const checksPath = join(dir, "checks.csv");
  await writeFile(checksPath, checksCsv(results));
  return {
    html: htmlPath,
    theory: theoryPath,
    results: resultsPath,
    checks: checksPath,
    figures: figureCount,
  };
}

/** Results without figure specs (those are in figures/): the numbers a script wants. */
function stripFigures(r: ExperimentResult): Omit<ExperimentResult, "figures"> & { figures: string[] } {
  return { ...r, figures: r.figures.map((f) => `figures/${r.id}-${f.name}`) };
}

function checksCsv(results: readonly ExperimentResult[]): string {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ["claim,experiment,prediction,statement,predicted,measured,tolerance,basis,pass,finding"];
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
        ]
          .map(esc)
          .join(","),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
