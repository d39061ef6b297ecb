/**
 * One self-contained HTML report: opens offline, references nothing outside itself except the data files
 * written next to it (relative links). All text is escaped; figures are inlined SVG.
 */

/** How a prediction fared. Other strings are shown as they are, in grey. */
export type Verdict = "pass" | "fail" | "partial" | "skipped" | (string & {});

/** One line of the summary table. */
export interface SummaryRow {
  /** Claim id and short name, e.g. "C4 input norm sets the speed". */
  claim: string;
  /** What theory predicts, e.g. "t* ∝ 1/‖x‖ (slope −1)". */
  prediction: string;
  /** What the simulation measured, e.g. "slope −1.01 ± 0.02". */
  measured: string;
  /** The verdict; pass/fail/partial/skipped are coloured. */
  verdict: Verdict;
  /** Id of the section to link to from the claim cell (optional). */
  sectionId?: string;
}

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

/** A section of the report (usually one claim). */
export interface ReportSection {
  /** Anchor id (letters, digits, '-' and '_'); default: derived from the heading. */
  id?: string;
  /** Section heading. */
  heading: string;
  /** Paragraphs of plain text (escaped; no markup). */
  paragraphs?: readonly string[];
  /** Figures, in order. */
  figures?: readonly ReportFigure[];
}

/** Everything the report shows. */
export interface ReportInput {
  /** Page title and main heading. */
  title: string;
  /** Line under the heading (e.g. version, date, config hash). */
  subtitle?: string;
  /** Summary table rows; the table is omitted when empty. */
  summary?: readonly SummaryRow[];
  /** The sections. */
  sections: readonly ReportSection[];
  /** Footer text. */
  footer?: string;
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A relative link target made safe: no scheme (http:, javascript:…), no protocol-relative "//". */
function safeHref(href: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//")) {
    throw new Error(`report: link "${href}" must be a relative path to a file written next to the report`);
  }
  return escapeHtml(href);
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

const VERDICT_CLASS: Record<string, string> = {
  pass: "pass",
  fail: "fail",
  partial: "partial",
  skipped: "skipped",
};

const CSS = `
:root { color-scheme: light; --fg: #1d1d1f; --muted: #5f6368; --line: #e3e3e3; --bg-alt: #f7f7f8; }
* { box-sizing: border-box; }
body { margin: 0; padding: 2rem 1.25rem 4rem; color: var(--fg); background: #fff;
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif; }
main { max-width: 1000px; margin: 0 auto; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .3rem; }
.subtitle { color: var(--muted); margin: 0 0 2rem; }
h2 { font-size: 1.35rem; margin: 2.8rem 0 .6rem; padding-top: .6rem; border-top: 1px solid var(--line); }
p { margin: .5rem 0 .9rem; max-width: 48rem; }
table.summary { width: 100%; border-collapse: collapse; font-size: .95rem; margin: 1rem 0 1.5rem; }
table.summary th, table.summary td { text-align: left; vertical-align: top; padding: .5rem .65rem;
  border-bottom: 1px solid var(--line); }
table.summary th { font-size: .8rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
table.summary tbody tr:nth-child(odd) { background: var(--bg-alt); }
table.summary a { color: inherit; }
.verdict { display: inline-block; min-width: 4.8rem; text-align: center; font-weight: 600; font-size: .85rem;
  padding: .15rem .55rem; border-radius: 999px; background: #e8e8e8; color: #444; }
.verdict.pass { background: #d7f0e5; color: #03643f; }
.verdict.fail { background: #fbdcd2; color: #9b2c06; }
.verdict.partial { background: #fcecc8; color: #7a5200; }
.verdict.skipped { background: #ececec; color: #666; }
figure { margin: 1.2rem 0 2rem; }
figure .plot { overflow-x: auto; }
figure svg { max-width: 100%; height: auto; display: block; }
figcaption { color: var(--muted); font-size: .92rem; margin-top: .4rem; }
figcaption .links a { color: #0b57d0; margin-left: .6rem; font-size: .85rem; }
footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
@media print { h2 { break-before: auto; } figure { break-inside: avoid; } }
`;

/** Build the HTML text of the report. */
export function buildHtml(input: ReportInput): string {
  const parts: string[] = [];
  parts.push("<!DOCTYPE html>");
  parts.push('<html lang="en">');
  parts.push("<head>");
  parts.push('<meta charset="utf-8">');
  parts.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  parts.push(`<title>${escapeHtml(input.title)}</title>`);
  parts.push(`<style>${CSS}</style>`);
  parts.push("</head>");
  parts.push("<body><main>");
  parts.push(`<h1>${escapeHtml(input.title)}</h1>`);
  if (input.subtitle) parts.push(`<p class="subtitle">${escapeHtml(input.subtitle)}</p>`);

  const ids = new Map<ReportSection, string>();
  const used = new Set<string>();
  for (const s of input.sections) {
    let id = s.id ?? slug(s.heading);
    if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(id)) id = `s-${slug(id)}`;
    let unique = id;
    for (let k = 2; used.has(unique); k++) unique = `${id}-${k}`;
    used.add(unique);
    ids.set(s, unique);
  }

  const summary = input.summary ?? [];
  if (summary.length > 0) {
    parts.push('<table class="summary">');
    parts.push("<thead><tr><th>Claim</th><th>Prediction</th><th>Measured</th><th>Verdict</th></tr></thead>");
    parts.push("<tbody>");
    for (const r of summary) {
      const claim = r.sectionId
        ? `<a href="#${escapeHtml(r.sectionId)}">${escapeHtml(r.claim)}</a>`
        : escapeHtml(r.claim);
      const cls = VERDICT_CLASS[r.verdict.toLowerCase()] ?? "";
      parts.push(
        `<tr><td>${claim}</td><td>${escapeHtml(r.prediction)}</td><td>${escapeHtml(r.measured)}</td>` +
          `<td><span class="verdict ${cls}">${escapeHtml(r.verdict)}</span></td></tr>`,
      );
    }
    parts.push("</tbody></table>");
  }

  let figureCount = 0;
  for (const s of input.sections) {
    const id = ids.get(s)!;
    parts.push(`<section id="${escapeHtml(id)}">`);
    parts.push(`<h2>${escapeHtml(s.heading)}</h2>`);
    for (const p of s.paragraphs ?? []) parts.push(`<p>${escapeHtml(p)}</p>`);
    for (const f of s.figures ?? []) {
      figureCount++;
      parts.push("<figure>");
      parts.push(`<div class="plot">${inlineSvg(f.svg, `f${figureCount}-`)}</div>`);
      const links: string[] = [];
      if (f.data?.json) links.push(`<a href="${safeHref(f.data.json)}">data (JSON)</a>`);
      if (f.data?.csv) links.push(`<a href="${safeHref(f.data.csv)}">data (CSV)</a>`);
      if (f.png) links.push(`<a href="${safeHref(f.png)}">PNG</a>`);
      if (f.caption || links.length > 0) {
        const linkHtml = links.length > 0 ? `<span class="links">${links.join("")}</span>` : "";
        parts.push(`<figcaption>${escapeHtml(f.caption ?? "")}${linkHtml}</figcaption>`);
      }
      parts.push("</figure>");
    }
    parts.push("</section>");
  }
  if (input.footer) parts.push(`<footer>${escapeHtml(input.footer)}</footer>`);
  parts.push("</main></body></html>");
  return `${parts.join("\n")}\n`;
}
