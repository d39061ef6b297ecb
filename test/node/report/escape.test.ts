import { describe, expect, it } from "vitest";
import { escapeHtml, externalHref, safeHref } from "../../../src/node/report/escape.js";

describe("escape", () => {
  it("escapes the five special characters", () => {
    expect(escapeHtml(`<"'&>`)).toBe("&lt;&quot;&#39;&amp;&gt;");
  });
  it("allows relative links only, and plain https links to the outside", () => {
    expect(safeHref("figures/a b.csv")).toBe("figures/a b.csv");
    expect(() => safeHref("file:///etc/passwd")).toThrow(/relative/);
    expect(externalHref("https://arxiv.org/abs/1809.06848")).toBe("https://arxiv.org/abs/1809.06848");
    expect(() => externalHref("http://arxiv.org/abs/1")).toThrow(/https/);
  });
});
