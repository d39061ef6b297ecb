import { describe, expect, it } from "vitest";
import type { Check, ExperimentResult } from "../../../src/experiments/experiment.js";
import { buildHtml } from "../../../src/node/report/html.js";
import { claimVerdict, PAPER, reportContent } from "../../../src/node/report/report-content.js";
import { theoryMarkdown, theoryTable } from "../../../src/node/report/theory.js";

// No basis here: validateOutput requires one, but the report must still render a result without (a dash).
const check = (prediction: string, pass: boolean, finding?: string): Check =>
  ({
    prediction,
    statement: `claimed-${prediction.replace(/\W/g, "").toLowerCase()} (THEORY.md §3)`,
    predicted: 1,
    measured: pass ? 1 : 2,
    tolerance: "|Δ| ≤ 0.1",
    pass,
    ...(finding ? { finding } : {}),
  }) as Check;

const result = (claim: "C4" | "C7", checks: Check[]): ExperimentResult => ({
  id: claim.toLowerCase(),
  claim,
  title: `title of ${claim}`,
  summary: ["Setting: orthogonal points (THEORY.md §2), P3 checked."],
  checks,
  limits: [{ setting: "init scale 3", deviation: "0.665 of the closed form" }],
  figures: [],
  configs: {},
  scale: "default",
  seed: 0,
  seconds: 1.5,
});

describe("claimVerdict", () => {
  it("tells a finding apart from a fault", () => {
    expect(claimVerdict(result("C4", [check("P3", true)])).badge).toBe("pass");
    const f = claimVerdict(
      result("C7", [check("P11", true), check("C7 (SD)", false, "SD does not help. More.")]),
    );
    expect(f.badge).toBe("finding");
    expect(f.words).toContain("1 of 2 checks pass; the other is a finding (C7 (SD)): SD does not help.");
    expect(f.words).not.toContain("More.");
    const bad = claimVerdict(result("C7", [check("P11", false), check("C7 (SD)", false, "SD.")]));
    expect(bad.badge).toBe("fail");
    expect(bad.words).toContain("1 fails unexplained (P11)");
  });
  it("reports a claim that threw as a fault", () => {
    const r = { ...result("C4", []), error: "out of memory" };
    expect(claimVerdict(r)).toMatchObject({ badge: "fail", words: expect.stringContaining("out of memory") });
  });
});

describe("reportContent", () => {
  const md = theoryMarkdown();
  const results = [
    result("C4", [
      {
        ...check("P3", true),
        basis: "99% binomial, N = 400",
        published: { value: 0.25, source: "Paper et al., Table 9" },
      },
      check("P4", true),
    ]),
    result("C7", [check("P11", true), check("C7 (SD)", false, "SD does not un-starve B: 0.531 vs 0.722.")]),
  ];
  const input = reportContent(results, {
    title: "t",
    claims: theoryTable(md, "C"),
    predictions: theoryTable(md, "P"),
    theoryHref: "theory.html",
    figures: new Map(),
  });
  const html = buildHtml(input);

  it("cites the paper, orients the reader, and has a table of contents", () => {
    expect(input.citation).toBe(PAPER);
    expect(html).toContain("On the Learning Dynamics of Deep Neural Networks");
    expect(html).toContain('href="https://arxiv.org/abs/1809.06848"');
    expect(input.sections.map((s) => s.id)).toEqual(["about", "summary", "c4", "c7", "glossary", "checks"]);
    expect(html).toContain('<nav class="toc">');
  });

  it("has one summary row per claim and prints each check once, the claim once per group", () => {
    expect(input.sections[1].table?.rows).toHaveLength(2);
    for (const c of results.flatMap((r) => r.checks)) {
      expect(html.split(`claimed-${c.prediction.replace(/\W/g, "").toLowerCase()} (`).length - 1).toBe(1);
    }
    expect(html.split("Checks: C7 title of C7").length - 1).toBe(1);
  });

  it("shows how each tolerance was derived beside it, and a dash where a check does not say", () => {
    const rows = input.sections[5].table?.rows ?? [];
    const cells = (p: string) => {
      const row = rows.find((r) => "cells" in r && r.cells[0] === p);
      return row && "cells" in row ? row.cells : [];
    };
    expect(input.sections[5].table?.columns[5]).toBe("Tolerance derived from");
    expect(cells("P3").slice(4, 6)).toEqual(["|Δ| ≤ 0.1", "99% binomial, N = 400"]);
    expect(cells("P4")[5]).toBe("—");
  });

  it("shows the paper's own value beside ours, marked as quoted with its source", () => {
    const rows = input.sections[5].table?.rows ?? [];
    const cells = (p: string) => {
      const row = rows.find((r) => "cells" in r && r.cells[0] === p);
      return row && "cells" in row ? row.cells : [];
    };
    expect(input.sections[5].table?.columns[6]).toBe("Published (quoted)");
    expect(cells("P3")[6]).toBe("0.25 (quoted: Paper et al., Table 9)");
    expect(cells("P4")[6]).toBe("—");
    expect(html).toContain("0.25 (quoted: Paper et al., Table 9)");
  });

  it("marks the finding apart, with its numbers, and defines every prediction", () => {
    expect(html).toContain(
      '<div class="note finding"><strong>Finding — C7 (SD):</strong> SD does not un-starve B: 0.531 vs 0.722.',
    );
    expect(html).not.toContain('class="note fault"');
    const glossary = input.sections[4].table?.rows ?? [];
    expect(glossary).toHaveLength(14);
    expect(html).toContain('id="glossary-P3"');
    expect(html).toContain('<a class="theory" href="theory.html#s2">THEORY.md §2</a>');
  });
});
