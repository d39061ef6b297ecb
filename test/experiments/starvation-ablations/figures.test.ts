import { describe, expect, it } from "vitest";
import { ABLATIONS } from "../../../src/experiments/starvation-ablations/ablations.js";
import { ablationFigures, thinGrid } from "../../../src/experiments/starvation-ablations/figures.js";
import { measureAblations } from "../../../src/experiments/starvation-ablations/measure.js";
import { ABLATION_SCALES } from "../../../src/experiments/starvation-ablations/settings.js";
import { renderSvg } from "../../../src/node/report/render.js";
import { legendMarkProblems } from "../../figures/helpers.js";

describe("ablation figures", () => {
  it("a panel per ablation (f / max|f| on one scale) and a curvature row per ablation", async () => {
    const s = {
      ...ABLATION_SCALES.default,
      seeds: 2,
      width: 30,
      deepWidth: 8,
      epochs: 100,
      grid: 31,
      nTest: 20,
      ntkSeeds: 0,
    };
    const list = ABLATIONS.filter((a) => ["none", "rotation", "sd"].includes(a.id));
    const m = measureAblations(s, 0, {}, list);
    const figures = ablationFigures(m, s, 0);
    expect(figures).toHaveLength(2); // no Fig. 2 pair run (ntkSeeds 0)
    const [boundaries, curvature] = figures;
    const spec = boundaries.figure.spec as unknown as { concat: { title: { text: string } }[] };
    expect(spec.concat.map((p) => p.title.text.split(":")[0])).toEqual(list.map((a) => a.label));
    const cells = boundaries.figure.data
      .filter((r) => r.layer === "cell")
      .map((r) => Math.abs(r.value as number));
    expect(Math.max(...cells)).toBeCloseTo(1, 12);
    expect(cells.length).toBe(3 * 31 * 31);
    const summaries = curvature.figure.data.filter((r) => r.layer === "summary");
    expect(summaries.map((r) => r.x)).toEqual(m.results.map((r) => r.deviation.rms));
    expect(curvature.figure.data.filter((r) => r.layer === "value")).toHaveLength(6);
    for (const f of [boundaries, curvature])
      expect(legendMarkProblems(await renderSvg(f.figure.spec))).toEqual([]);
  }, 30000);
});

describe("the Fig. 2 figure", () => {
  it("four curves (z_1, z_6 without and with SD) from step 1 on, legend matching the lines", async () => {
    const s = {
      ...ABLATION_SCALES.default,
      seeds: 1,
      width: 30,
      epochs: 50,
      grid: 21,
      nTest: 20,
      ntkSeeds: 1,
      ntkEpochs: 100,
    };
    const m = measureAblations(
      s,
      0,
      {},
      ABLATIONS.filter((a) => a.id === "none" || a.id === "sd"),
    );
    const figures = ablationFigures(m, s, 0);
    expect(figures.map((f) => f.name)).toEqual(["boundaries", "curvature", "ntk-features"]);
    const rows = figures[2].figure.data;
    expect(new Set(rows.map((r) => r.series))).toEqual(
      new Set(["z_1, no SD", "z_6, no SD", "z_1, SD 0.003", "z_6, SD 0.003"]),
    );
    expect(Math.min(...rows.map((r) => r.x as number))).toBeGreaterThan(0);
    expect(legendMarkProblems(await renderSvg(figures[2].figure.spec))).toEqual([]);
  }, 30000);
});

describe("thinGrid", () => {
  it("keeps every k-th point with both ends, k the smallest divisor of g − 1 leaving ≤ 51 points", () => {
    const coords = Array.from({ length: 81 }, (_, i) => -2 + (4 * i) / 80);
    const values = Float64Array.from({ length: 81 * 81 }, (_, n) => n);
    const t = thinGrid(values, coords);
    expect(t.coords).toHaveLength(41);
    expect(t.coords[0]).toBe(-2);
    expect(t.coords[40]).toBe(2);
    expect(t.values[41 * 3 + 5]).toBe(81 * 6 + 10);
    expect(thinGrid(new Float64Array(101 * 101), gridOf(101)).coords).toHaveLength(51);
    expect(thinGrid(new Float64Array(31 * 31), gridOf(31)).coords).toHaveLength(31);
  });
});

function gridOf(n: number): number[] {
  return Array.from({ length: n }, (_, i) => -2 + (4 * i) / (n - 1));
}
