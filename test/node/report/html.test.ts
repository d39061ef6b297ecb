import { describe, expect, it } from "vitest";
import { lineChart } from "../../../src/figures/lineChart.js";
import { buildHtml, escapeHtml, inlineSvg } from "../../../src/node/report/html.js";
import { renderSvg } from "../../../src/node/report/render.js";

describe("buildHtml", () => {
  it("builds a self-contained page: escaped text, inlined SVG, verdict colours, no external resource", async () => {
    const svg = await renderSvg(
      lineChart({
        title: "Error <E>",
        xTitle: "t",
        yTitle: "e",
        series: [{ name: "s", x: [0, 1], y: [1, 0] }],
      }).spec,
    );
    const html = buildHtml({
      title: "learndyn <report> & co",
      subtitle: 'v0.1 "quoted"',
      citation: { text: "A & B, <Paper>, 2018,", href: "https://arxiv.org/abs/1809.06848", label: "arXiv" },
      toc: true,
      sections: [
        {
          id: "summary",
          heading: "Summary",
          table: {
            columns: ["Claim", "Verdict"],
            rows: [
              { cells: [{ text: "C1 <sigmoid>", anchor: "c1" }, { verdict: "pass" }] },
              { cells: ["C3", { verdict: "fail" }] },
              { cells: ["C7", { verdict: "finding", text: "finding" }] },
            ],
          },
        },
        {
          id: "c1",
          heading: "C1 & friends",
          paragraphs: ["<script>alert(1)</script>"],
          notes: [{ kind: "finding", label: "C7 (SD)", text: "SD <does not> help: 0.5 vs 0.52" }],
          figures: [
            { svg, caption: "a <b>caption</b>", data: { json: "figures/c1.json", csv: "figures/c1.csv" } },
          ],
        },
        { heading: "Second figure", figures: [{ svg }] },
      ],
      footer: "made by learndyn",
    });
    expect(html).toContain("<title>learndyn &lt;report&gt; &amp; co</title>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain("a &lt;b&gt;caption&lt;/b&gt;");
    expect(html).toContain('<a href="#c1">C1 &lt;sigmoid&gt;</a>');
    expect(html).toContain('<span class="verdict pass">pass</span>');
    expect(html).toContain('<span class="verdict fail">fail</span>');
    expect(html).toContain('<span class="verdict finding">finding</span>');
    expect(html).toContain(
      '<div class="note finding"><strong>Finding — C7 (SD):</strong> SD &lt;does not&gt;',
    );
    expect(html).toContain('href="figures/c1.csv"');
    expect(html).toContain("Error &lt;E&gt;"); // the SVG's own escaping is kept
    expect(html).toContain('<li><a href="#second-figure">Second figure</a></li>'); // the table of contents
    expect(html.match(/<svg/g)).toHaveLength(2);
    // The one outside link is the paper's; nothing is loaded from outside.
    expect(html.match(/https?:/gi)).toEqual(["https:"]);
    expect(html).toContain('<a href="https://arxiv.org/abs/1809.06848">arXiv</a>');
    expect(html).not.toMatch(/\bsrc=|@import|url\((?!#)/);
  });

  it("keeps ids unique across inlined figures", () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg"><clipPath id="clip1"/><g clip-path="url(#clip1)"/></svg>';
    expect(inlineSvg(svg, "f2-")).toBe(
      '<svg role="img"><clipPath id="f2-clip1"/><g clip-path="url(#f2-clip1)"/></svg>',
    );
  });

  it("refuses links that leave the report folder's files", () => {
    const input = (href: string) => ({
      title: "t",
      sections: [{ heading: "h", figures: [{ svg: "<svg></svg>", data: { json: href } }] }],
    });
    expect(() => buildHtml(input("https://example.org/x.json"))).toThrow(/relative path/);
    expect(() => buildHtml(input("javascript:alert(1)"))).toThrow(/relative path/);
    expect(() => buildHtml(input("//host/x"))).toThrow(/relative path/);
    const cite = (href: string) => ({ title: "t", sections: [], citation: { text: "x", href, label: "x" } });
    expect(() => buildHtml(cite("javascript:alert(1)"))).toThrow(/https/);
    expect(() => buildHtml(cite('https://a.org/"onmouseover="x'))).toThrow(/https/);
  });

  it("links §n to the theory page and prediction ids to the glossary, in text and captions", () => {
    const html = buildHtml({
      title: "t",
      links: { theory: "theory.html", glossary: new Map([["P8", "P8: E(t) = ½[1 − gd(rt)/π]"]]) },
      sections: [{ heading: "h", paragraphs: ["THEORY.md §3 gives P8; §4 and P99 do not exist as P8x."] }],
    });
    expect(html).toContain('<a class="theory" href="theory.html#s3">THEORY.md §3</a>');
    expect(html).toContain('<a class="theory" href="theory.html#s4">§4</a>');
    expect(html).toContain('<a class="pred" href="#glossary-P8" title="P8: E(t) = ½[1 − gd(rt)/π]">P8</a>');
    expect(html).toContain("P99 do not exist as P8x");
  });

  it("escapes the five HTML special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
