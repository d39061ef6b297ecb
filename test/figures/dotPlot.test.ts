import { describe, expect, it } from "vitest";
import { dotPlot } from "../../src/figures/dotPlot.js";
import { NEUTRAL, PALETTE } from "../../src/figures/theme.js";
import { renderSvg } from "../../src/node/report/render.js";
import { compileClean, drawnItems, legendMarkProblems, scaleNamed } from "./helpers.js";

const rows = [
  { category: "no regularization", values: [0.02, 0.03, 0.025], summary: 0.024 },
  { category: "spectral decoupling", values: [0.12, 0.16, 0.14], summary: 0.15 },
];

describe("dotPlot", () => {
  it("one row per category in the given order; seeds as grey circles, the summary as a filled diamond", async () => {
    const fig = dotPlot({
      title: "Boundary curvature",
      xTitle: "RMS distance from a line",
      rows,
      valuesLabel: "per seed",
      summaryLabel: "seed-averaged",
      references: [
        { from: 0.05, label: "line threshold" },
        { from: 0.28, to: 0.33, label: "authors' code" },
      ],
    });
    expect(fig.data.filter((r) => r.layer === "value")).toHaveLength(6);
    expect(fig.data.filter((r) => r.layer === "summary").map((r) => r.x)).toEqual([0.024, 0.15]);
    const vg = compileClean(fig.spec);
    // Rows keep the given order (a sort by the rows' index, not alphabetical).
    expect(scaleNamed(vg, "y").domain.sort).toEqual({ field: "y_category_sort_index", op: "min" });
    expect(scaleNamed(vg, "shape").range).toEqual(["circle", "diamond"]);
    expect(scaleNamed(vg, "color").range).toEqual([NEUTRAL.flow, PALETTE[0]]);
    const svg = await renderSvg(fig.spec);
    expect(legendMarkProblems(svg)).toEqual([]);
    const symbols = drawnItems(svg).filter((d) => d.role === "symbol");
    expect(symbols.filter((d) => d.color === PALETTE[0].toLowerCase()).length).toBeGreaterThanOrEqual(2);
    // The x domain reaches the band's end and starts at 0.
    const x = scaleNamed(vg, "x");
    expect(x.zero).toBe(true);
    for (const label of ["line threshold", "authors' code", "no regularization", "spectral decoupling"])
      expect(svg).toContain(label);
  });

  it("refuses no rows and repeated labels", () => {
    expect(() => dotPlot({ title: "t", xTitle: "x", rows: [] })).toThrow(/at least one row/);
    expect(() => dotPlot({ title: "t", xTitle: "x", rows: [rows[0], rows[0]] })).toThrow(/unique/);
  });
});
