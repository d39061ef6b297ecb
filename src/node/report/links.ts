/**
 * Links inside the report's text: "THEORY.md §7" and "§4" go to the shipped theory page's section,
 * prediction ids (P1–P14) to their line in the glossary, with the prediction as a tooltip. Works on text
 * that is already HTML-escaped, so nothing but these anchors is ever inserted.
 */
import { escapeHtml } from "./escape.js";

/** What the report links to. */
export interface ReportLinks {
  /** Relative href of the theory page, e.g. "theory.html"; §n become links to `#s<n>` in it. */
  theory?: string;
  /** Prediction id → one-line statement; every id in the text links to `#glossary-<id>`. */
  glossary?: ReadonlyMap<string, string>;
}

/** Anchor id of a prediction's glossary line. */
export function glossaryId(id: string): string {
  return `glossary-${id}`;
}

/** Escape `text` and add the theory and glossary links. */
export function linkText(text: string, links: ReportLinks | undefined): string {
  let html = escapeHtml(text);
  if (!links) return html;
  const { theory, glossary } = links;
  if (theory) {
    // "THEORY.md §7", "§7", "§1–2" (links to the first), never inside an attribute (the text has none).
    html = html.replace(/(THEORY\.md )?§(\d+)/g, (m, _t: string | undefined, n: string) => {
      return `<a class="theory" href="${escapeHtml(theory)}#s${n}">${m}</a>`;
    });
    // The page's own name in the text ("shipped as theory.html") links to it too.
    const name = escapeHtml(theory);
    html = html.split(` ${name}`).join(` <a class="theory" href="${name}">${name}</a>`);
  }
  if (glossary && glossary.size > 0) {
    html = html.replace(/\bP(\d{1,2})\b(?![^<]*<\/a>)/g, (m) => {
      const line = glossary.get(m);
      if (!line) return m;
      return `<a class="pred" href="#${glossaryId(m)}" title="${escapeHtml(line)}">${m}</a>`;
    });
  }
  return html;
}
