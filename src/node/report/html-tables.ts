/**
 * Tables of the HTML report (the per-claim summary, the glossary, the checks appendix): a header row,
 * optional group rows spanning the table (a claim's name printed once above its checks), cells that
 * are text, a verdict badge, or an in-page link.
 */
import { escapeHtml } from "./escape.js";
import { linkText, type ReportLinks } from "./links.js";

/** How a prediction fared; pass/fail/finding/partial/skipped are coloured, other words shown in grey. */
export type Verdict = "pass" | "fail" | "finding" | "partial" | "skipped" | (string & {});

/** A cell: plain text, a verdict badge, or text linking to an anchor of the page. */
export type TableCell = string | { verdict: Verdict; text?: string } | { text: string; anchor: string };

/** A row: cells under the header, or a group heading spanning the table. */
export type TableRow =
  | { cells: readonly TableCell[]; id?: string }
  | { group: string; id?: string; anchor?: string };

/** A table with a header. */
export interface ReportTable {
  /** Column headings. */
  columns: readonly string[];
  /** Rows in order. */
  rows: readonly TableRow[];
  /** Column indices holding numbers (kept on one line). */
  numeric?: readonly number[];
}

const VERDICT_CLASS: Record<string, string> = {
  pass: "pass",
  fail: "fail",
  finding: "finding",
  partial: "partial",
  skipped: "skipped",
};

function anchorOk(id: string): string {
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) {
    throw new Error(`report: anchor "${id}" must be letters, digits, '-' and '_' (starting with a letter)`);
  }
  return id;
}

function cellHtml(c: TableCell, links: ReportLinks | undefined): string {
  if (typeof c === "string") return linkText(c, links);
  if ("verdict" in c) {
    const cls = VERDICT_CLASS[c.verdict.toLowerCase()] ?? "";
    return `<span class="verdict ${cls}">${escapeHtml(c.text ?? c.verdict)}</span>`;
  }
  return `<a href="#${anchorOk(c.anchor)}">${escapeHtml(c.text)}</a>`;
}

/** The table as HTML. */
export function renderTable(t: ReportTable, links: ReportLinks | undefined): string {
  const numeric = new Set(t.numeric ?? []);
  const out = ['<table class="report">', "<thead><tr>"];
  for (const c of t.columns) out.push(`<th>${escapeHtml(c)}</th>`);
  out.push("</tr></thead><tbody>");
  for (const r of t.rows) {
    const id = r.id ? ` id="${anchorOk(r.id)}"` : "";
    if ("group" in r) {
      const label = r.anchor
        ? `<a href="#${anchorOk(r.anchor)}">${escapeHtml(r.group)}</a>`
        : escapeHtml(r.group);
      out.push(`<tr class="group"${id}><th colspan="${t.columns.length}">${label}</th></tr>`);
      continue;
    }
    if (r.cells.length !== t.columns.length) {
      throw new Error(`report: a table row has ${r.cells.length} cells for ${t.columns.length} columns`);
    }
    const cells = r.cells.map(
      (c, i) => `<td${numeric.has(i) ? ' class="num"' : ""}>${cellHtml(c, links)}</td>`,
    );
    out.push(`<tr${id}>${cells.join("")}</tr>`);
  }
  out.push("</tbody></table>");
  return out.join("\n");
}
