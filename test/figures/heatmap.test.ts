import { describe, expect, it } from "vitest";
import { heatmap } from "../../src/figures/heatmap.js";
import { type AnySpec, compileClean, legendMarkProblems, scaleNamed } from "./helpers.js";

const n = 21;
const x = Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
const values: number[] = [];
for (const yj of x) for (const xi of x) values.push(xi * xi + yj * yj - 1);

describe("heatmap", () => {
  it("draws cells with a diverging scale centred on 0, the zero contour and points", () => {
    const fig = heatmap({
      title: "f",
      xTitle: "x₁",
      yTitle: "x₂",
      colorTitle: "f(x)",
      grid: { x, y: x, values },
      contour: { level: 0 },
      points: [
        { x: 0, y: 0, category: "y = −1" },
        { x: 1.5, y: 1.5, category: "y = +1" },
      ],
      equalAspect: true,
    });
    const vg = compileClean(fig.spec);
    const color = scaleNamed(vg, "color");
    expect(color.domainMid).toBe(0);
    expect(color.domain).toEqual([-7, 7]);
    expect(fig.data.filter((r) => r.layer === "cell")).toHaveLength(n * n);
    const contour = fig.data.filter((r) => r.layer === "contour");
    expect(contour.length).toBeGreaterThan(20);
    for (const r of contour) expect(Math.hypot(r.x as number, r.y as number)).toBeCloseTo(1, 1);
    expect(fig.data.filter((r) => r.layer === "point")).toHaveLength(2);
    // cells touch: edges halfway between centres, outer edges half a step out
    const first = fig.data[0];
    expect(first.x0).toBeCloseTo(-2.1, 12);
    expect(first.x1).toBeCloseTo(-1.9, 12);
  });

  it("supports log axes with geometric cells and a sequential scale", () => {
    const lr = [1e-3, 1e-2, 1e-1, 1];
    const v = lr.flatMap((a) => lr.map((b) => Math.log10(a) + Math.log10(b)));
    const fig = heatmap({
      title: "phase",
      xTitle: "η",
      yTitle: "ε",
      colorTitle: "error",
      grid: { x: lr, y: lr, values: v },
      xScale: "log",
      yScale: "log",
      colorScheme: "sequential",
      contour: { level: -3, label: "−3" },
    });
    const vg = compileClean(fig.spec);
    expect(scaleNamed(vg, "x").type).toBe("log");
    expect(fig.data[0].x0).toBeCloseTo(10 ** -3.5, 12);
    expect((fig.spec as AnySpec).layer[0].encoding.color.scale.scheme).toBe("viridis");
  });

  it("clamps the colour domain to the quantity's range", () => {
    const grid = { x: [0, 1], y: [0, 1], values: [0.1, 0.1, 0.1, 0.1] };
    const base = {
      title: "e",
      xTitle: "a",
      yTitle: "b",
      colorTitle: "error",
      grid,
      colorScheme: "sequential" as const,
    };
    expect(scaleNamed(compileClean(heatmap(base).spec), "color").domain).toEqual([-0.4, 0.6]);
    const clamped = heatmap({ ...base, valueRange: [0, 1] });
    expect(scaleNamed(compileClean(clamped.spec), "color").domain).toEqual([0, 0.6]);
    const diverging = heatmap({
      ...base,
      grid: { ...grid, values: [0, 0.2, 0.5, 1] },
      colorScheme: "diverging",
      center: 0.5,
      valueRange: [0, 1],
    });
    expect(scaleNamed(compileClean(diverging.spec), "color").domain).toEqual([0, 1]);
  });

  it("has a legend for its points and contour that matches their marks", async () => {
    const { renderSvg } = await import("../../src/node/report/render.js");
    const fig = heatmap({
      title: "f",
      xTitle: "x₁",
      yTitle: "x₂",
      colorTitle: "f(x)",
      grid: { x, y: x, values },
      contour: { level: 0, label: "f = 0" },
      points: [{ x: 0, y: 0, category: "y = −1" }],
    });
    expect(legendMarkProblems(await renderSvg(fig.spec))).toEqual([]);
  });

  it("colorLegend: false drops the colour bar only", () => {
    const base = { title: "f", xTitle: "x₁", yTitle: "x₂", colorTitle: "f(x)", grid: { x, y: x, values } };
    const colorOf = (spec: unknown) => (spec as AnySpec).layer[0].encoding.color;
    expect(colorOf(heatmap(base).spec).legend.title).toBe("f(x)");
    const bare = heatmap({ ...base, colorLegend: false });
    expect(colorOf(bare.spec).legend).toBeNull();
    expect(colorOf(bare.spec).scale.scheme).toBe("blueorange");
    compileClean(bare.spec);
  });

  it("explains what is wrong with a bad grid", () => {
    expect(() =>
      heatmap({ title: "", xTitle: "", yTitle: "", colorTitle: "", grid: { x, y: x, values: [1] } }),
    ).toThrow(/expected 21 × 21/);
    expect(() =>
      heatmap({
        title: "",
        xTitle: "",
        yTitle: "",
        colorTitle: "",
        xScale: "log",
        grid: { x, y: x, values },
      }),
    ).toThrow(/non-positive/);
  });
});
