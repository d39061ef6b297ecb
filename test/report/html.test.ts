import { describe, expect, it } from "vitest";
import { lineChart } from "../../src/figures/lineChart.js";
import { buildHtml, escapeHtml, inlineSvg } from "../../src/report/html.js";
import { renderSvg } from "../../src/report/render.js";

describe("buildHtml", () => {
  it("builds a self-contained page: escaped text, inlined SVG, verdict colours, no external URL", async () => {
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
      summary: [
        {
          claim: "C1 <sigmoid>",
          prediction: "E(t) = ½[1 − gd(rt)/π]",
          measured: "max dev 0.01",
          verdict: "pass",
          sectionId: "c1",
        },
        { claim: "C3", prediction: "error 1/4", measured: "0.31", verdict: "fail" },
        { claim: "C7", prediction: "ε^{1−ρ}", measured: "—", verdict: "partial" },
      ],
      sections: [
        {
          id: "c1",
          heading: "C1 & friends",
          paragraphs: ["<script>alert(1)</script>"],
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
    expect(html).toContain("C1 &lt;sigmoid&gt;");
    expect(html).toContain('<span class="verdict pass">pass</span>');
    expect(html).toContain('<span class="verdict fail">fail</span>');
    expect(html).toContain('href="figures/c1.csv"');
    expect(html).toContain("Error &lt;E&gt;"); // the SVG's own escaping is kept
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).not.toMatch(/http/i);
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
  });

  it("escapes the five HTML special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
