/**
 * Turns experiment results into the reproduce report: every figure as SVG, PNG, JSON and CSV, the checks
 * as JSON and CSV, and one self-contained report.html.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Check, ExperimentResult } from "../experiments/experiment.js";
import { verdict } from "../experiments/experiment.js";
import { formatNumber } from "../figures/figure.js";
import { buildHtml, type ReportSection, type SummaryRow } from "./html.js";
import { writeFigure } from "./writeFigure.js";

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
  results: string;
  checks: string;
  figures: number;
}

/** Formats a check's predicted or measured value for people. */
export function showValue(v: number | string): string {
  return typeof v === "number" ? formatNumber(v, 4) : v;
}

/** Writes the report for `results` into `dir`. */
export async function writeExperimentReport(
  results: readonly ExperimentResult[],
  dir: string,
  options: ExperimentReportOptions = {},
): Promise<WrittenReport> {
  await mkdir(join(dir, "figures"), { recursive: true });
  const summary: SummaryRow[] = [];
  const sections: ReportSection[] = [];
  let figureCount = 0;
  for (const r of results) {
    const sectionId = r.id;
    for (const c of r.checks) {
      summary.push({
        claim: `${r.claim} ${r.title}`,
        prediction: `${c.prediction}: ${c.statement}`,
        measured: `${showValue(c.measured)} (predicted ${showValue(c.predicted)}; ${c.tolerance})`,
        verdict: c.pass ? "pass" : "fail",
        sectionId,
      });
    }
    const figures = [];
    for (const f of r.figures) {
      const name = `${r.id}-${f.name}`;
      const written = await writeFigure(join(dir, "figures"), name, f.figure, { png: options.png ?? true });
      figures.push({
        svg: written.svg,
        caption: f.caption,
        data: { json: `figures/${name}.json`, csv: `figures/${name}.csv` },
        png: written.files.png ? `figures/${name}.png` : undefined,
      });
      figureCount++;
    }
    const passed = r.checks.filter((c) => c.pass).length;
    const paragraphs = [
      ...r.summary,
      `Verdict: ${verdict(r) ? "all checks pass" : `${passed} of ${r.checks.length} checks pass`} (scale ${r.scale}, seed ${r.seed}, ${formatNumber(r.seconds, 3)} s).`,
      ...r.checks.map((c) => checkSentence(c)),
      ...(r.limits.length ? ["Where the theory stops holding (measured):"] : []),
      ...r.limits.map((l) => `• ${l.setting}: ${l.deviation}`),
    ];
    sections.push({ id: sectionId, heading: `${r.claim}: ${r.title}`, paragraphs, figures });
  }
  const html = buildHtml({
    title: options.title ?? "learndyn: the learning dynamics of deep networks, reproduced",
    subtitle: options.subtitle,
    summary,
    sections,
    footer:
      "Every figure was made by the run that wrote this report; the data behind each figure sits next to it (JSON, CSV). " +
      "Theory is dashed, simulation solid.",
  });
  const htmlPath = join(dir, "report.html");
  await writeFile(htmlPath, html);
  const resultsPath = join(dir, "results.json");
  await writeFile(resultsPath, `${JSON.stringify(results.map(stripFigures), null, 2)}\n`);
  const checksPath = join(dir, "checks.csv");
  await writeFile(checksPath, checksCsv(results));
  return { html: htmlPath, results: resultsPath, checks: checksPath, figures: figureCount };
}

function checkSentence(c: Check): string {
  return `${c.pass ? "✓" : "✗"} ${c.prediction} — ${c.statement}: measured ${showValue(c.measured)}, predicted ${showValue(c.predicted)} (${c.tolerance}).`;
}

/** Results without figure specs (those are in figures/): the numbers a script wants. */
function stripFigures(r: ExperimentResult): Omit<ExperimentResult, "figures"> & { figures: string[] } {
  return { ...r, figures: r.figures.map((f) => `figures/${r.id}-${f.name}`) };
}

function checksCsv(results: readonly ExperimentResult[]): string {
  const esc = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = ["claim,experiment,prediction,statement,predicted,measured,tolerance,pass"];
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
          String(c.pass),
        ]
          .map(esc)
          .join(","),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
