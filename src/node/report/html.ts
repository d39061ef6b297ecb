/**
 * One self-contained HTML report: opens offline, references nothing outside itself except the files
 * written next to it (relative links) and, optionally, the paper it reproduces. All text is escaped;
 * figures are inlined SVG. Page skeleton and sections here; tables in ./html-tables.ts.
 */
import { escapeHtml, externalHref, safeHref } from "./escape.js";
import { type ReportTable, renderTable } from "./html-tables.js";
import { linkText, type ReportLinks } from "./links.js";

export { escapeHtml } from "./escape.js";
export type { ReportTable, TableCell, TableRow, Verdict } from "./html-tables.js";

/** A figure placed in a section. */
export interface ReportFigure {
  /** SVG text as rendered by `renderSvg` (inlined; its ids are made unique in the page). */
  svg: string;
  /** Caption under the figure. */
  caption?: string;
  /** Relative links to the data behind the figure, e.g. { json: "fig/c4.json", csv: "fig/c4.csv" }. */
  data?: { json?: string; csv?: string };
  /** Relative link to a PNG of the figure (shown as a "png" link). */
  png?: string;
}

/** A boxed note: a finding (a prediction that measurably does not hold) or a fault to look into. */
export interface ReportNote {
  /** "finding": a result about the theory; "fault": a check that failed unexplained, or a claim that threw. */
  kind: "finding" | "fault";
  /** Short label in bold, e.g. "C7 (SD)". */
  label: string;
  /** The explanation, with numbers. */
  text: string;
}

/** A section of the report (a claim, the summary, an appendix). */
export interface ReportSection {
  /** Anchor id (letters, digits, '-' and '_'); default: derived from the heading. */
  id?: string;
  /** Section heading. */
  heading: string;
  /** Paragraphs of plain text (escaped; §n and prediction ids linked when the report has links). */
  paragraphs?: readonly string[];
  /** Boxed notes after the paragraphs. */
  notes?: readonly ReportNote[];
  /** A table after the notes. */
  table?: ReportTable;
  /** Figures, in order, after the table. */
  figures?: readonly ReportFigure[];
  /** A bulleted list after the figures, with its lead-in line. */
  list?: { title: string; items: readonly string[] };
}

/** The work a report reproduces, cited at the top. */
export interface Citation {
  /** Authors, title, year, as one line of text. */
  text: string;
  /** https link to the paper. */
  href: string;
  /** Link text, e.g. "arXiv:1809.06848". */
  label: string;
}

/** Everything the report shows. */
export interface ReportInput {
  /** Page title and main heading. */
  title: string;
  /** Line under the heading (e.g. version, date, config hash). */
  subtitle?: string;
  /** The work reproduced, cited under the title. */
  citation?: Citation;
  /** The sections. */
  sections: readonly ReportSection[];
  /** A table of contents of the sections after the subtitle (default false). */
  toc?: boolean;
  /** Theory page and glossary to link §n and prediction ids to. */
  links?: ReportLinks;
  /** Footer text. */
  footer?: string;
}

function slug(text: string): string {
  const s = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s || "section";
}

/**
 * Prepare SVG text for inlining: drop the XML prolog and the namespace declarations (not needed inside
 * HTML), and prefix every id and reference to it so that several figures' clip paths and gradients do
 * not collide in one page.
 */
export function inlineSvg(svg: string, prefix: string): string {
  let s = svg.replace(/<\?xml[^>]*\?>\s*/g, "").replace(/<!DOCTYPE[^>]*>\s*/gi, "");
  s = s.replace(/\s+xmlns(:xlink)?="[^"]*"/g, "");
  s = s.replace(/\bid="([^"]+)"/g, (_, id: string) => `id="${prefix}${id}"`);
  s = s.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}${id})`);
  s = s.replace(
    /(xlink:)?href="#([^"]+)"/g,
    (_, x: string | undefined, id: string) => `${x ?? ""}href="#${prefix}${id}"`,
  );
  s = s.replace(/<svg\b/, '<svg role="img"');
  return s;
}

const CSS = `
:root { color-scheme: light; --fg: #1d1d1f; --muted: #5f6368; --line: #e3e3e3; --bg-alt: #f7f7f8; }
* { box-sizing: border-box; }
body { margin: 0; padding: 2rem 1.25rem 4rem; color: var(--fg); background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1000px; margin: 0 auto; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
.subtitle { color: var(--muted); margin: 0 0 1rem; }
.citation { margin: 0 0 1.5rem; padding: .6rem .9rem; border-left: 4px solid #0b57d0; background: var(--bg-alt); }
h2 { font-size: 1.35rem; margin: 2.8rem 0 .6rem; padding-top: .6rem; border-top: 1px solid var(--line); }
p { margin: .5rem 0 .9rem; max-width: 48rem; }
a { color: #0b57d0; }
nav.toc { margin: 0 0 1.5rem; font-size: .95rem; }
nav.toc ol { margin: .3rem 0; padding-left: 1.4rem; columns: 2; }
table.report { width: 100%; border-collapse: collapse; font-size: .92rem; margin: 1rem 0 1.5rem; }
table.report th, table.report td { text-align: left; vertical-align: top; padding: .45rem .6rem;
  border-bottom: 1px solid var(--line); }
table.report th { font-size: .78rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
table.report tr.group th { text-transform: none; font-size: 1rem; color: var(--fg); background: var(--bg-alt);
  letter-spacing: 0; padding-top: .8rem; }
table.report td.num { white-space: nowrap; }
.verdict { display: inline-block; min-width: 4.8rem; text-align: center; font-weight: 600; font-size: .85rem;
  padding: .15rem .55rem; border-radius: 999px; background: #e8e8e8; color: #444; white-space: nowrap; }
.verdict.pass { background: #d7f0e5; color: #03643f; }
.verdict.fail { background: #fbdcd2; color: #9b2c06; }
.verdict.finding { background: #dfe8fb; color: #1a3f8f; }
.verdict.partial { background: #fcecc8; color: #7a5200; }
.verdict.skipped { background: #ececec; color: #666; }
.note { margin: .8rem 0 1.2rem; padding: .6rem .9rem; border-radius: 4px; max-width: 48rem; }
.note.finding { background: #eef3fd; border-left: 4px solid #1a3f8f; }
.note.fault { background: #fdeee9; border-left: 4px solid #9b2c06; }
figure { margin: 1.2rem 0 2rem; }
figure .plot { overflow-x: auto; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: .92rem; margin-top: .4rem; }
figcaption .links a { margin-left: .6rem; font-size: .85rem; }
ul.limits { max-width: 48rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
:target { background: #fff7d6; }
@media print { h2 { break-before: auto; } figure { break-inside: avoid; } }
`;

function sectionIds(sections: readonly ReportSection[]): Map<ReportSection, string> {
  const ids = new Map<ReportSection, string>();
  const used = new Set<string>();
  for (const s of sections) {
    let id = s.id ?? slug(s.heading);
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) id = `s-${slug(id)}`;
    let unique = id;
    for (let k = 2; used.has(unique); k++) unique = `${id}-${k}`;
    used.add(unique);
    ids.set(s, unique);
  }
  return ids;
}

function figureHtml(f: ReportFigure, n: number, links: ReportLinks | undefined): string {
  const parts = ["<figure>", `<div class="plot">${inlineSvg(f.svg, `f${n}-`)}</div>`];
  const refs: string[] = [];
  if (f.data?.json) refs.push(`<a href="${safeHref(f.data.json)}">data (JSON)</a>`);
  if (f.data?.csv) refs.push(`<a href="${safeHref(f.data.csv)}">data (CSV)</a>`);
  if (f.png) refs.push(`<a href="${safeHref(f.png)}">PNG</a>`);
  if (f.caption || refs.length > 0) {
    const linkHtml = refs.length > 0 ? `<span class="links">${refs.join("")}</span>` : "";
    parts.push(`<figcaption>${linkText(f.caption ?? "", links)}${linkHtml}</figcaption>`);
  }
  parts.push("</figure>");
  return parts.join("\n");
}

/** Build the HTML text of the report. */
export function buildHtml(input: ReportInput): string {
  const { links } = input;
  const parts: string[] = [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(input.title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body><main>",
    `<h1>${escapeHtml(input.title)}</h1>`,
  ];
  if (input.subtitle) parts.push(`<p class="subtitle">${escapeHtml(input.subtitle)}</p>`);
  if (input.citation) {
    const c = input.citation;
    parts.push(
      `<p class="citation">Reproduces: ${escapeHtml(c.text)} <a href="${externalHref(c.href)}">${escapeHtml(c.label)}</a></p>`,
    );
  }
  const ids = sectionIds(input.sections);
  if (input.toc && input.sections.length > 1) {
    parts.push('<nav class="toc"><strong>Contents</strong><ol>');
    for (const s of input.sections) {
      parts.push(`<li><a href="#${escapeHtml(ids.get(s)!)}">${escapeHtml(s.heading)}</a></li>`);
    }
    parts.push("</ol></nav>");
  }
  let figureCount = 0;
  for (const s of input.sections) {
    parts.push(`<section id="${escapeHtml(ids.get(s)!)}">`);
    parts.push(`<h2>${escapeHtml(s.heading)}</h2>`);
    for (const p of s.paragraphs ?? []) parts.push(`<p>${linkText(p, links)}</p>`);
    for (const n of s.notes ?? []) {
      const what = n.kind === "finding" ? "Finding" : "Fault";
      parts.push(
        `<div class="note ${n.kind}"><strong>${what} — ${escapeHtml(n.label)}:</strong> ${linkText(n.text, links)}</div>`,
      );
    }
    if (s.table) parts.push(renderTable(s.table, links));
    for (const f of s.figures ?? []) parts.push(figureHtml(f, ++figureCount, links));
    if (s.list && s.list.items.length > 0) {
      parts.push(`<p>${linkText(s.list.title, links)}</p><ul class="limits">`);
      for (const item of s.list.items) parts.push(`<li>${linkText(item, links)}</li>`);
      parts.push("</ul>");
    }
    parts.push("</section>");
  }
  if (input.footer) parts.push(`<footer>${linkText(input.footer, links)}</footer>`);
  parts.push("</main></body></html>");
  return `${parts.join("\n")}\n`;
}
