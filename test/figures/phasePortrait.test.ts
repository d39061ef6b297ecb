import { describe, expect, it } from "vitest";
import { phasePortrait } from "../../src/figures/phasePortrait.js";
import { OUTCOME_COLORS } from "../../src/figures/theme.js";
import { type AnySpec, compileClean, layersOf, legendMarkProblems } from "./helpers.js";

describe("phasePortrait", () => {
  const fig = phasePortrait({
    title: "Phase plane",
    xDomain: [-1, 2],
    yDomain: [-1.5, 1.5],
    regions: [
      {
        name: "failed",
        polygon: [
          { x: 0, y: 0 },
          { x: 5, y: -5 },
          { x: 0, y: -5 },
        ],
      },
    ],
    flowLines: [Array.from({ length: 30 }, (_, i) => ({ x: Math.cosh(i / 10), y: Math.sinh(i / 10) }))],
    curves: [
      {
        label: "separatrix",
        points: [
          { x: 0, y: 0 },
          { x: 2, y: -2 },
        ],
      },
    ],
    trajectories: [
      {
        points: [
          { x: 0.5, y: 0.1 },
          { x: 0.8, y: 0.6 },
          { x: 1.2, y: 1.1 },
        ],
        outcome: "learned",
      },
      {
        points: [
          { x: 0.5, y: -0.9 },
          { x: 0.2, y: -0.8 },
          { x: 0, y: -0.75 },
        ],
        outcome: "failed",
      },
    ],
  });

  it("compiles cleanly with equal aspect (one unit of a as long as one of b)", () => {
    const vg = compileClean(fig.spec);
    const spec = fig.spec as AnySpec;
    expect(spec.width / 3).toBeCloseTo(spec.height / 3, 0);
    expect(vg.legends.length).toBeGreaterThan(0);
  });

  it("shades regions as filled closed polygons and colours end points by outcome", () => {
    const layers = layersOf(fig.spec);
    const region = layers.find((l: AnySpec) => l.mark.interpolate === "linear-closed");
    expect(region.mark.fill).toBe(OUTCOME_COLORS.failed);
    const ends = fig.data.filter((r) => r.layer === "end");
    expect(ends.map((r) => [r.x, r.y, r.outcome])).toEqual([
      [1.2, 1.1, "learned"],
      [0, -0.75, "failed"],
    ]);
    expect(fig.data.filter((r) => r.layer === "flow")).toHaveLength(30);
  });

  it("rejects an empty domain", () => {
    expect(() => phasePortrait({ title: "", xDomain: [1, 1], yDomain: [0, 1] })).toThrow(/min < max/);
  });

  it("legend swatches match the marks drawn", async () => {
    const { renderSvg } = await import("../../src/node/report/render.js");
    expect(legendMarkProblems(await renderSvg(fig.spec))).toEqual([]);
  });
});
