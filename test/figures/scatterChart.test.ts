import { describe, expect, it } from "vitest";
import { scatterChart } from "../../src/figures/scatterChart.js";
import { OUTCOME_COLORS } from "../../src/figures/theme.js";
import { type AnySpec, compileClean, legendMarkProblems, scaleNamed } from "./helpers.js";

const points = Array.from({ length: 20 }, (_, i) => {
  const r = 10 ** (-1 + (2 * i) / 19);
  return { x: r, y: 3 / r, category: i % 3 === 0 ? "failed" : "learned" };
});

describe("scatterChart", () => {
  it("fits the log–log slope and shows it in the legend and subtitle", () => {
    const fig = scatterChart({
      title: "Flip time",
      xTitle: "‖x‖",
      yTitle: "t*",
      xScale: "log",
      yScale: "log",
      points,
      fit: true,
      references: [{ slope: -1, label: "theory: slope −1" }],
    });
    expect(fig.fit?.slope).toBeCloseTo(-1, 10);
    expect(fig.fit?.intercept).toBeCloseTo(Math.log10(3), 10);
    const vg = compileClean(fig.spec);
    expect(scaleNamed(vg, "x").type).toBe("log");
    expect(scaleNamed(vg, "strokeDash").domain).toEqual(["fit: slope −1", "theory: slope −1"]);
    expect(JSON.stringify((fig.spec as AnySpec).title)).toContain("slope −1 (log–log)");
    const line = fig.data.filter((r) => r.line === "fit: slope −1");
    expect(line).toHaveLength(2);
    for (const r of line) expect(r.y as number).toBeCloseTo(3 / (r.x as number), 8);
  });

  it("colours categories with the outcome colours", () => {
    const fig = scatterChart({ title: "o", xTitle: "x", yTitle: "y", points });
    const color = scaleNamed(compileClean(fig.spec), "color");
    expect(color.domain).toEqual(["failed", "learned"]);
    expect(color.range).toEqual([OUTCOME_COLORS.failed, OUTCOME_COLORS.learned]);
  });

  it("drops non-positive points on log axes and says so; plain charts have no legend", () => {
    const fig = scatterChart({
      title: "d",
      xTitle: "x",
      yTitle: "y",
      yScale: "log",
      points: [
        { x: 1, y: 1 },
        { x: 2, y: -1 },
        { x: 3, y: 0 },
        { x: 4, y: 2 },
      ],
    });
    expect(fig.data).toHaveLength(2);
    expect(JSON.stringify((fig.spec as AnySpec).title)).toContain("2 values ≤ 0 dropped (log axis)");
    const vg = compileClean(fig.spec);
    expect(vg.legends ?? []).toHaveLength(0);
  });

  it("legend swatches match the marks: points by colour, the fit and reference lines by dash", async () => {
    const { renderSvg } = await import("../../src/node/report/render.js");
    const fig = scatterChart({
      title: "t",
      xTitle: "x",
      yTitle: "y",
      xScale: "log",
      yScale: "log",
      points,
      fit: true,
      references: [{ slope: -1, label: "theory: slope −1" }],
    });
    expect(legendMarkProblems(await renderSvg(fig.spec))).toEqual([]);
  });
});
