import { describe, expect, it } from "vitest";
import { starvationAblationsExperiment } from "../../../src/experiments/starvation-ablations/claim.js";
import { ABLATION_SCALES } from "../../../src/experiments/starvation-ablations/settings.js";

describe("starvation-ablations", () => {
  it("reduced run (1 seed, 150 units, 1000 epochs): every ablation fits, SD bends the boundary more than no regularization and frees u_6", () => {
    const r = starvationAblationsExperiment.runWith(
      {
        ...ABLATION_SCALES.default,
        seeds: 1,
        width: 150,
        deepWidth: 20,
        epochs: 1000,
        grid: 41,
        nTest: 200,
        ntkSeeds: 1,
        ntkEpochs: 2000,
      },
      { seed: 1 },
    );
    const byName = Object.fromEntries(r.checks.map((c) => [c.prediction, c]));
    expect(r.checks).toHaveLength(16);
    expect(byName["GS Fig. 2"].pass).toBe(true);
    expect(byName["GS Fig. 3 (fit)"].pass).toBe(true);
    expect(byName["GS Fig. 3 (none: line)"].measured as number).toBeLessThan(0.05);
    expect(byName["GS Fig. 3 (SD vs none)"].measured as number).toBeGreaterThan(2);
    expect(byName["GS Fig. 3 (SD vs none)"].pass).toBe(true);
    // Every failing check of this run is an explained finding (the ablations fitted).
    expect(r.checks.filter((c) => !c.pass && !c.finding)).toEqual([]);
    expect(r.figures.map((f) => f.name)).toEqual(["boundaries", "curvature", "ntk-features"]);
    expect(Object.keys(r.configs)).toHaveLength(8);
    expect(r.limits.map((l) => l.setting)[0]).toBe("protocol");
    expect(r.summary.join(" ")).toContain("the first version of their script");
    expect(r.limits[0].deviation).toContain("with 1 seed (theirs: 10), the 5-layer net 20 units wide");
  }, 60000);

  it("default and full follow the authors' two protocols", () => {
    expect(ABLATION_SCALES.default.epochs).toBe(1000);
    expect(ABLATION_SCALES.full).toMatchObject({ epochs: 10000, seeds: 10, width: 500, deepWidth: 500 });
    expect(ABLATION_SCALES.default.ntkEpochs).toBe(10000);
    expect(starvationAblationsExperiment.id).toBe("starvation-ablations");
  });
});
