/**
 * The theory shipped with the report: docs/THEORY.md rendered to theory.html (with marked), the numbered
 * sections anchored as #s1, #s2 … so that every "§n" of the report links to its section, and the two
 * tables a reader needs beside the results: the claims (C1–C7) and the predictions (P1–P14).
 */
import { readFileSync } from "node:fs";
import { Marked } from "marked";
import { escapeHtml } from "./escape.js";

/** docs/THEORY.md of this package (shipped in the npm package: see package.json "files"). */
export function theoryMarkdown(): string {
  // src/node/report/theory.ts and dist/node/report/theory.js both sit three folders below the package root.
  const url = new URL("../../../docs/THEORY.md", import.meta.url);
  try {
    return readFileSync(url, "utf8");
  } catch (e) {
    throw new Error(
      `report: cannot read the theory file ${url.pathname} (${(e as Error).message}); reinstall learndyn`,
    );
  }
}

/** Anchor of a numbered section: "s7" for "## 7. Gradient starvation (C7)". */
export function sectionAnchor(n: number | string): string {
  return `s${n}`;
}

/** One row of a two-column id table of THEORY.md ("| P8 | E(t) = … |"). */
export interface TheoryEntry {
  /** "P8", "C1". */
  id: string;
  /** The row's text as written (Markdown: may hold `code`). */
  text: string;
}

/** Rows "| X1 | text |" of THEORY.md whose id starts with `prefix` ("P" or "C"), in order, first table only. */
export function theoryTable(markdown: string, prefix: "P" | "C"): TheoryEntry[] {
  const out: TheoryEntry[] = [];
  const row = new RegExp(`^\\|\\s*(${prefix}\\d+)\\s*\\|\\s*(.+?)\\s*\\|\\s*$`);
  for (const line of markdown.split("\n")) {
    const m = row.exec(line);
    if (m && !out.some((e) => e.id === m[1])) out.push({ id: m[1], text: m[2] });
  }
  return out;
}

/** Markdown inline text to plain text: code spans and bold markers dropped, table pipes unescaped. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/`([^`]*)`/g, "$1")
    .replace(/\*\*([^*]+)\*\*/g, "$1")
    .replace(/\\\|/g, "|");
}

const CSS = `
body { margin: 0; padding: 2rem 1.25rem 4rem; color: #1d1d1f;
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Helvetica, Arial, sans-serif; }
main { max-width: 860px; margin: 0 auto; }
h1 { font-size: 1.9rem; } h2 { margin-top: 2.4rem; border-top: 1px solid #e3e3e3; padding-top: .6rem; }
table { border-collapse: collapse; margin: 1rem 0; font-size: .95rem; }
th, td { border: 1px solid #ddd; padding: .35rem .6rem; text-align: left; vertical-align: top; }
th { background: #f3f3f5; }
code { background: #f3f3f5; padding: .05rem .3rem; border-radius: 3px; font-size: .92em; }
pre { background: #f3f3f5; padding: .8rem; overflow-x: auto; }
nav.back { margin-bottom: 1.5rem; } nav.back a, a { color: #0b57d0; }
:target { background: #fff7d6; }
`;

/**
 * theory.html: THEORY.md as one offline page. "## 7. Title" becomes `<h2 id="s7">`; other headings get
 * slug ids. `backHref` is the report the page links back to.
 */
export function renderTheoryHtml(markdown: string, backHref = "report.html"): string {
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      heading({ tokens, depth, text }) {
        const numbered = /^(\d+)\.\s/.exec(text);
        const id = numbered
          ? sectionAnchor(numbered[1])
          : text
              .toLowerCase()
              .replace(/[^a-z0-9]+/g, "-")
              .replace(/^-|-$/g, "");
        return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
      },
    },
  });
  const body = marked.parse(markdown, { async: false });
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? "Theory";
  return [
    "<!DOCTYPE html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(plainText(title))}</title><style>${CSS}</style></head>`,
    `<body><main><nav class="back"><a href="${escapeHtml(backHref)}">← back to the report</a></nav>`,
    body,
    "</main></body></html>",
    "",
  ].join("\n");
}
