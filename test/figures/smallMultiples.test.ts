import { describe, expect, it } from "vitest";
import { lineChart } from "../../src/figures/lineChart.js";
import { smallMultiples } from "../../src/figures/smallMultiples.js";
import { renderSvg } from "../../src/node/report/render.js";
import { compileClean, drawnItems, legendMarkProblems } from "./helpers.js";

const t = [1, 2, 4, 8, 16];
const panel = (label: string, color: string) => ({
  title: label,
  figure: lineChart({
    title: label,
    xTitle: "t",
    yTitle: "y",
    xScale: "log",
    legend: "none",
    series: [
      { name: `${label} flow`, kind: "theory", color: "#000000", x: t, y: t.map((v) => 1 / v) },
      { name: `${label} sim`, color, showPoints: true, line: false, x: t, y: t.map((v) => 1 / v) },
    ],
  }),
});

describe("smallMultiples", () => {
  const fig = smallMultiples({
    title: "two sides",
    subtitle: "dots: GD; dashed: flow",
    panels: [panel("recover", "#0072B2"), panel("fail", "#D55E00")],
  });

  it("puts each panel in its own plot under one title, its rows tagged with the panel", () => {
    compileClean(fig.spec);
    expect((fig.spec as { concat: unknown[] }).concat).toHaveLength(2);
    expect(new Set(fig.data.map((r) => r.panel))).toEqual(new Set(["recover", "fail"]));
    expect(() => smallMultiples({ title: "x", panels: [] })).toThrow(/at least one panel/);
  });

  it("draws coinciding series where both are seen: dots over a dashed line, no legend to contradict", async () => {
    const items = drawnItems(await renderSvg(fig.spec));
    expect(items.filter((i) => i.role === "line")).toEqual([
      { role: "line", color: "#000000", dashed: true },
      { role: "line", color: "#000000", dashed: true },
    ]);
    expect(items.filter((i) => i.role === "symbol").map((i) => i.color)).toEqual([
      ...Array(5).fill("#0072b2"),
      ...Array(5).fill("#d55e00"),
    ]);
    expect(items.some((i) => i.role === "legend")).toBe(false);
    expect(legendMarkProblems(await renderSvg(fig.spec))).toEqual([]);
  });
});
