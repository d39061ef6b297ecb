/**
 * What the reproduce report says, as data: the paper cited, a short "what you are looking at", one
 * summary row per claim, a section per claim (its text, findings, figures and limits), the glossary of
 * predictions and the checks appendix, each check printed once. Figures are written by the caller.
 */
import { type Check, type ExperimentResult, isUnexpectedFailure } from "../../experiments/experiment.js";
import { formatNumber } from "../../figures/figure.js";
import type { Citation, ReportFigure, ReportInput, ReportNote, ReportSection } from "./html.js";
import type { TableRow } from "./html-tables.js";
import { glossaryId } from "./links.js";
import { plainText, type TheoryEntry } from "./theory.js";

/** The paper this project reproduces. */
export const PAPER: Citation = {
  text: 'Rémi Tachet des Combes, Mohammad Pezeshki, Samira Shabanian, Aaron Courville, Yoshua Bengio, "On the Learning Dynamics of Deep Neural Networks", 2018,',
  href: "https://arxiv.org/abs/1809.06848",
  label: "arXiv:1809.06848",
};

/** Formats a check's predicted or measured value for people. */
export function showValue(v: number | string): string {
  return typeof v === "number" ? formatNumber(v, 4) : v;
}

/** What the report is built from besides the results. */
export interface ReportContentOptions {
  /** Page title. */
  title: string;
  /** Line under the title. */
  subtitle?: string;
  /** The claims table of THEORY.md (C1–C7, one line each). */
  claims: readonly TheoryEntry[];
  /** The predictions table of THEORY.md (P1–P14, one line each). */
  predictions: readonly TheoryEntry[];
  /** Relative href of the theory page. */
  theoryHref: string;
  /** Figures of each result, by result id, already written. */
  figures: ReadonlyMap<string, readonly ReportFigure[]>;
}

/** The error message of a claim that threw (set by the experiment kit), if any. */
function claimError(r: ExperimentResult): string | undefined {
  return r.error !== undefined && r.error.length > 0 ? r.error : undefined;
}

/** How a claim fared: badge and one sentence. */
export function claimVerdict(r: ExperimentResult): {
  /** Badge class. */
  badge: "pass" | "finding" | "fail";
  /** One sentence for the summary table (quotes the first finding's first sentence). */
  words: string;
  /** The count alone, for the claim's section (whose notes give the findings in full). */
  short: string;
} {
  const error = claimError(r);
  if (error) {
    const words = `The experiment stopped with an error: ${error}`;
    return { badge: "fail", words, short: "the experiment stopped with an error (below)." };
  }
  const n = r.checks.length;
  const passed = r.checks.filter((c) => c.pass).length;
  const findings = r.checks.filter((c) => !c.pass && c.finding);
  const faults = r.checks.filter(isUnexpectedFailure);
  if (n === 0) return { badge: "fail", words: "No check was made.", short: "no check was made." };
  const ids = (cs: Check[]) => cs.map((c) => c.prediction).join(", ");
  if (faults.length > 0) {
    const short = `${passed} of ${n} checks pass; ${faults.length} fail${faults.length === 1 ? "s" : ""} unexplained (${ids(faults)}): a fault to look into.`;
    return { badge: "fail", words: short, short };
  }
  if (findings.length > 0) {
    // The finding's lead clause (up to its first colon or full stop); its numbers are in the claim's section.
    const first = `${findings[0].finding!.split(/[.:](?:\s|$)/)[0]}.`;
    const others = findings.length === 1 ? "the other is a finding" : `${findings.length} are findings`;
    return {
      badge: "finding",
      words: `Holds where the theory applies: ${passed} of ${n} checks pass; ${others} (${ids(findings)}): ${first}`,
      short: `${passed} of ${n} checks pass; ${others} (${ids(findings)}, below).`,
    };
  }
  const short = `all ${n} checks pass.`;
  return { badge: "pass", words: `Holds: ${short}`, short };
}

const BADGE_TEXT = { pass: "holds", finding: "finding", fail: "fails" } as const;

function intro(theoryHref: string): ReportSection {
  return {
    id: "about",
    heading: "What you are looking at",
    paragraphs: [
      "The paper derives, for deep networks trained on binary classification, closed-form learning dynamics: sigmoidal error curves, independent modes, regions where training fails, input norm and feature frequency setting the speed, cross-entropy against hinge loss, and gradient starvation (claims C1–C7). This report reruns every claim on this machine: each claim has an experiment that trains small networks with learndyn's float64 engine and puts the measurements beside the theory's predictions P1–P14 (glossary below; derived in THEORY.md §1–8).",
      `Each prediction is a check: a measured value against a predicted one within a stated tolerance. "holds": every check passes. "finding": a prediction measurably does not hold in the setting run; the report says so with the numbers (a result about the theory, not a fault of the tool). "fails": a check failed without explanation, or the experiment stopped: a fault to look into.`,
      `In the figures, simulation is drawn solid and theory dashed, reference values dotted; the data behind each figure sits next to it (JSON, CSV). The theory, with the refinements measured while building this (§9), is shipped beside this page as ${theoryHref}; every "§n" links to it.`,
    ],
  };
}

function summarySection(results: readonly ExperimentResult[], claims: readonly TheoryEntry[]): ReportSection {
  const rows: TableRow[] = results.map((r) => {
    const v = claimVerdict(r);
    const claimText = claims.find((c) => c.id === r.claim)?.text;
    return {
      cells: [
        { text: `${r.claim} ${r.title}`, anchor: r.id },
        claimText ? plainText(claimText) : r.title,
        `${r.checks.filter((c) => c.pass).length}/${r.checks.length}`,
        { verdict: v.badge, text: BADGE_TEXT[v.badge] },
        v.words,
      ],
    };
  });
  return {
    id: "summary",
    heading: "Summary: one row per claim",
    table: { columns: ["Claim", "What it says", "Checks", "Verdict", "In words"], rows, numeric: [2] },
  };
}

function notesOf(r: ExperimentResult): ReportNote[] {
  const notes: ReportNote[] = [];
  const error = claimError(r);
  if (error) notes.push({ kind: "fault", label: "the experiment stopped", text: error });
  for (const c of r.checks) {
    if (c.pass) continue;
    if (c.finding) notes.push({ kind: "finding", label: c.prediction, text: c.finding });
    else
      notes.push({
        kind: "fault",
        label: c.prediction,
        text: `${c.statement}: measured ${showValue(c.measured)}, predicted ${showValue(c.predicted)} (${c.tolerance}). Not explained: look into it.`,
      });
  }
  return notes;
}

function claimSection(
  r: ExperimentResult,
  claims: readonly TheoryEntry[],
  figures: readonly ReportFigure[],
): ReportSection {
  const claimText = claims.find((c) => c.id === r.claim)?.text;
  const v = claimVerdict(r);
  return {
    id: r.id,
    heading: `${r.claim}: ${r.title}`,
    paragraphs: [
      ...(claimText ? [`The claim — ${plainText(claimText)}.`] : []),
      ...r.summary,
      `Verdict: ${v.short} Every check of this claim is listed in the appendix ("Checks: ${r.claim}"). Scale ${r.scale}, seed ${r.seed}, ${formatNumber(r.seconds, 3)} s.`,
    ],
    notes: notesOf(r),
    figures,
    list: {
      title: "Where the theory stops holding (measured):",
      items: r.limits.map((l) => `${l.setting}: ${l.deviation}`),
    },
  };
}

function glossarySection(
  predictions: readonly TheoryEntry[],
  results: readonly ExperimentResult[],
): ReportSection {
  const checkedBy = (id: string) =>
    results
      .filter((r) => r.checks.some((c) => new RegExp(`\\b${id}\\b`).test(c.prediction)))
      .map((r) => r.claim)
      .join(", ");
  return {
    id: "glossary",
    heading: "Appendix A: the predictions P1–P14",
    paragraphs: ["One line each, as in THEORY.md §8; the derivations are in §1–7 of the theory page."],
    table: {
      columns: ["Id", "Prediction", "Checked by"],
      rows: predictions.map((p) => ({
        id: glossaryId(p.id),
        cells: [p.id, plainText(p.text), checkedBy(p.id) || "—"],
      })),
    },
  };
}

function checkCells(c: Check): TableRow {
  const badge = c.pass ? "pass" : c.finding ? "finding" : "fail";
  return {
    cells: [
      c.prediction,
      c.statement,
      showValue(c.measured),
      showValue(c.predicted),
      c.tolerance,
      c.basis ?? "—",
      c.published ? `${showValue(c.published.value)} (quoted: ${c.published.source})` : "—",
      { verdict: badge },
    ],
  };
}

function checksSection(results: readonly ExperimentResult[]): ReportSection {
  const rows: TableRow[] = [];
  for (const r of results) {
    rows.push({ group: `Checks: ${r.claim} ${r.title}`, id: `checks-${r.id}`, anchor: r.id });
    for (const c of r.checks) rows.push(checkCells(c));
  }
  return {
    id: "checks",
    heading: "Appendix B: every check",
    paragraphs: [
      "Each check once, grouped by claim: the prediction, what was measured, what was predicted, the tolerance the verdict used and how that tolerance was derived (sampling error, step size, rounding), where the check states it, and the paper's own value where one is published (quoted, with its source; not re-run here).",
    ],
    table: {
      columns: [
        "Prediction",
        "Statement",
        "Measured",
        "Predicted",
        "Tolerance",
        "Tolerance derived from",
        "Published (quoted)",
        "Verdict",
      ],
      rows,
    },
  };
}

/** The report's content for `results`. */
export function reportContent(results: readonly ExperimentResult[], o: ReportContentOptions): ReportInput {
  return {
    title: o.title,
    subtitle: o.subtitle,
    citation: PAPER,
    toc: true,
    links: {
      theory: o.theoryHref,
      glossary: new Map(o.predictions.map((p) => [p.id, `${p.id}: ${plainText(p.text)}`])),
    },
    sections: [
      intro(o.theoryHref),
      summarySection(results, o.claims),
      ...results.map((r) => claimSection(r, o.claims, o.figures.get(r.id) ?? [])),
      glossarySection(o.predictions, results),
      checksSection(results),
    ],
    footer:
      "Every figure was made by the run that wrote this report; the data behind each figure sits next to it (JSON, CSV). " +
      "Theory is dashed, simulation solid. learndyn.",
  };
}
