import { describe, expect, it } from "vitest";
import { glossaryId, linkText } from "../../../src/node/report/links.js";

describe("linkText", () => {
  const links = { theory: "theory.html", glossary: new Map([["P3", "P3: flip time"]]) };

  it("escapes first, then links §n, the theory page's name and prediction ids", () => {
    const html = linkText("<b> see THEORY.md §5, P3 and theory.html", links);
    expect(html).toContain("&lt;b&gt;");
    expect(html).toContain('<a class="theory" href="theory.html#s5">THEORY.md §5</a>');
    expect(html).toContain(`<a class="pred" href="#${glossaryId("P3")}" title="P3: flip time">P3</a>`);
    expect(html).toContain(' <a class="theory" href="theory.html">theory.html</a>');
  });

  it("leaves unknown ids and text without links alone", () => {
    expect(linkText("P42 and P3x", links)).toBe("P42 and P3x");
    expect(linkText("§5 <i>", undefined)).toBe("§5 &lt;i&gt;");
  });
});
