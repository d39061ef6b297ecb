import { describe, expect, it } from "vitest";
import { plainText, renderTheoryHtml, theoryMarkdown, theoryTable } from "../../../src/node/report/theory.js";

describe("theory page", () => {
  const md = theoryMarkdown();

  it("reads the claims C1–C7 and the predictions P1–P14 from THEORY.md, one line each", () => {
    expect(theoryTable(md, "C").map((c) => c.id)).toEqual(["C1", "C2", "C3", "C4", "C5", "C6", "C7"]);
    const p = theoryTable(md, "P");
    expect(p.map((x) => x.id)).toEqual(Array.from({ length: 14 }, (_, i) => `P${i + 1}`));
    expect(plainText(p[7].text)).toBe("E(t) = ½[1 − gd(rt)/π]; curves collapse against ‖x‖ t");
  });

  it("renders every numbered section with the anchor the report links §n to", () => {
    const html = renderTheoryHtml(md, "report.html");
    for (let n = 1; n <= 9; n++) expect(html).toContain(`<h2 id="s${n}">${n}. `);
    expect(html).toContain('<a href="report.html">← back to the report</a>');
    expect(html).toContain("<table>");
    expect(html).toContain("<code>a² − b²</code>");
  });

  it("anchors every §n that the library's text cites", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const cited = new Set<string>();
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith(".ts"))
          for (const m of readFileSync(p, "utf8").matchAll(/§(\d+)/g)) cited.add(m[1]);
      }
    };
    walk("src/experiments");
    const html = renderTheoryHtml(md);
    expect(cited.size).toBeGreaterThan(3);
    for (const n of cited) expect(html).toContain(`id="s${n}"`);
  });
});

describe("plainText", () => {
  it("drops code and bold markers and unescapes table pipes", () => {
    expect(plainText("**C7** `t* = ln(\\|b0\\|)`")).toBe("C7 t* = ln(|b0|)");
  });
});
