import { describe, expect, it } from "vitest";
import { runAdaptiveSweep } from "../../src/node/adaptive-runner.js";
import { readAdaptiveCells } from "../../src/node/store/adaptive-cells.js";
import { openStore } from "../../src/node/store/store.js";
import { adaptiveStoreFigures, storedAdaptiveResult } from "../../src/sweep/adaptive-store-figure.js";
import { builtinSweep } from "../../src/sweep/builtins.js";
import { parseSweepSpec } from "../../src/sweep/spec.js";
import { legendMarkProblems } from "../figures/helpers.js";
import { tempPath } from "../node/store/helpers.js";

describe("the report's figures of an adaptive store", () => {
  it("draw the stored boundary on the theory's b0 = −a0, every boundary cell within half a cell's diagonal", async () => {
    const s = builtinSweep("failure-adaptive");
    const spec = parseSweepSpec({ ...s, adaptive: { ...s.adaptive, resolution: 0.2 / 8 } });
    const path = tempPath("figure.db");
    await runAdaptiveSweep({ spec, storePath: path, workers: 0 });
    const store = openStore(path);
    const runs = store.runs();
    const cells = readAdaptiveCells(store.db);
    store.close();
    const result = storedAdaptiveResult(spec, runs, cells);
    expect(result.runs).toBe(runs.length);
    expect(result.points).toHaveLength(runs.length);
    const figures = adaptiveStoreFigures(spec, runs, cells);
    expect(figures.map((f) => f.name)).toEqual(["adaptive-phase", "adaptive-phase-residual"]);
    const [phase, residual] = figures as [(typeof figures)[0], (typeof figures)[0]];
    const rows = phase.figure.data.filter((d) => d.layer === "point");
    expect(new Set(rows.map((d) => d.category))).toEqual(new Set(["learned", "failed", "boundary"]));
    const distances = residual.figure.data.filter((d) => d.layer === "point").map((d) => d.y as number);
    const half = Math.hypot(0.2 / 8, 0.2 / 8) / 2;
    expect(distances.length).toBe(cells.filter((c) => c.reason === "at-resolution").length);
    expect(distances.length).toBeGreaterThan(50);
    for (const d of distances) expect(Math.abs(d)).toBeLessThanOrEqual(half + 1e-12);
    const { renderSvg } = await import("../../src/node/report/render.js");
    for (const f of figures) expect(legendMarkProblems(await renderSvg(f.figure.spec))).toEqual([]);
  });
});
