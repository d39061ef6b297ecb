import { describe, expect, it } from "vitest";
import { type DiagramLayout, diagramCaption, diagramSvg } from "../../web/src/export/network-figure.js";

const LAYOUT: DiagramLayout = {
  width: 300,
  height: 120,
  caption: diagramCaption('a <b> & "c"', 7),
  edges: [
    { x1: 10, y1: 20, x2: 100, y2: 40, color: "#0072B2", width: 2.123456, opacity: 0.5 },
    { x1: 10, y1: 60, x2: 100, y2: 40, color: "#E67A00", width: 0.3, opacity: 0.25 },
  ],
  labels: [{ x: 20, y: 12, text: "layer 1 (10 of 32)" }],
  nodes: [
    { x: 0, y: 10, size: 36, dot: false, image: "data:image/png;base64,AAAA", inputName: "x1" },
    { x: 90, y: 30, size: 14, dot: true, image: null, inputName: null },
  ],
};

describe("diagramSvg", () => {
  const svg = diagramSvg(LAYOUT);

  it("draws every edge, node, thumbnail and label of the layout, below a caption band", () => {
    expect(svg.match(/<line /g)?.length).toBe(2);
    expect(svg.match(/<image /g)?.length).toBe(1);
    expect(svg.match(/<circle /g)?.length, "a dot node").toBe(1);
    expect(svg).toContain('href="data:image/png;base64,AAAA"');
    expect(svg).toContain(">layer 1 (10 of 32)</text>");
    expect(svg).toContain(">x1</text>");
    expect(svg).toContain('height="144"'); // 120 + the 24 px caption band
    expect(svg).toContain('stroke-width="2.12"');
  });

  it("escapes the run name in the caption, so any name gives well-formed XML", () => {
    expect(svg).toContain("a &lt;b&gt; &amp; &quot;c&quot;: network at step 7; edge width |w|");
    expect(svg).not.toContain("<b>");
  });
});
