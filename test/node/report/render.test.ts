import { describe, expect, it } from "vitest";
import { lineChart } from "../../../src/figures/lineChart.js";
import { compileSpec, renderPng, renderSvg, svgToPng } from "../../../src/node/report/render.js";
import { demoFigures } from "./demo-figures.js";

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngSize(png: Uint8Array): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}

const fig = lineChart({
  title: "Escape from the plateau",
  subtitle: "balanced start",
  xTitle: "time t",
  yTitle: "margin m",
  series: [
    { name: "sim", group: "CE", x: [1, 2, 3, 4], y: [0.1, 0.3, 0.9, 1.5] },
    { name: "theory", group: "CE", kind: "theory", x: [1, 2, 3, 4], y: [0.1, 0.35, 0.85, 1.4] },
  ],
});

describe("renderSvg", () => {
  it("renders an SVG with the title, axis titles, legend and a dashed theory curve", async () => {
    const svg = await renderSvg(fig.spec, { strict: true });
    expect(svg.startsWith("<svg")).toBe(true);
    for (const text of ["Escape from the plateau", "balanced start", "time t", "margin m", "theory", "CE"]) {
      expect(svg).toContain(text);
    }
    expect(svg).toMatch(/stroke-dasharray="7,4"/);
  });

  it("reports vega-lite warnings and throws on them in strict mode", async () => {
    const bad = {
      data: { values: [{ a: 1 }] },
      mark: "point",
      encoding: { x: { field: "a", type: "quantitative" }, shape: { field: "a", type: "quantitative" } },
    } as const;
    // biome-ignore lint/suspicious/noExplicitAny: deliberately questionable spec
    expect(compileSpec(bad as any).warnings.length).toBeGreaterThan(0);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately questionable spec
    await expect(renderSvg(bad as any, { strict: true })).rejects.toThrow(/vega-lite warned/);
  });

  it("measures text with the bundled font: a longer label gives a wider legend", async () => {
    const width = async (name: string) => {
      const svg = await renderSvg(
        lineChart({ title: "t", xTitle: "x", yTitle: "y", series: [{ name, x: [0, 1], y: [0, 1] }] }).spec,
      );
      return Number(/width="(\d+(?:\.\d+)?)"/.exec(svg)![1]);
    };
    const short = await width("ab");
    const long = await width("abcdefghijklmnopqrstuvwxyz");
    // DejaVu Sans at 12 px: 24 more lowercase letters are about 24 × 0.6 em × 12 px ≈ 170 px.
    expect(long - short).toBeGreaterThan(130);
    expect(long - short).toBeLessThan(220);
  });
});

describe("svgToPng", () => {
  it("gives a PNG with a valid signature, at the requested scale", async () => {
    const svg = await renderSvg(fig.spec);
    const w = Number(/width="(\d+)"/.exec(svg)![1]);
    const png = svgToPng(svg, { scale: 2 });
    expect([...png.slice(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.length).toBeGreaterThan(10_000);
    expect(pngSize(png).width).toBe(2 * w);
    expect(() => svgToPng(svg, { scale: 0 })).toThrow(/positive/);
  });

  it("draws text: the same figure with a title has more ink than without", () => {
    const base = (text: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><rect width="200" height="40" fill="white"/>` +
      `<text x="5" y="28" font-family="DejaVu Sans" font-size="20">${text}</text></svg>`;
    const blank = svgToPng(base(""), { scale: 1 });
    const text = svgToPng(base("Hello, learndyn"), { scale: 1 });
    expect(text.length).toBeGreaterThan(blank.length + 300);
  });
});

describe("demo figures", () => {
  it("every demo figure compiles without warnings and renders", async () => {
    for (const [name, f] of Object.entries(demoFigures())) {
      expect(compileSpec(f.spec).warnings, name).toEqual([]);
      const png = await renderPng(f.spec, { scale: 1 });
      expect([...png.slice(0, 8)], name).toEqual(PNG_SIGNATURE);
    }
  });
});
