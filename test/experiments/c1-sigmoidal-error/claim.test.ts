import { describe, expect, it } from "vitest";
import { c1Experiment } from "../../../src/experiments/c1-sigmoidal-error/claim.js";
import { spreadNorms, supDifference } from "../../../src/experiments/c1-sigmoidal-error/measure.js";
import { verdict } from "../../../src/experiments/experiment.js";
import { measureCollapse, measureErrorCurve } from "../../../src/kit/measure/error-curves.js";

describe("C1 measurements at non-default parameters", () => {
  it("P8: the error curve at r = 3, ε = 1e-2 stays within the KS band of ½[1 − gd(rt)/π] and ends at 1/4", () => {
    const m = measureErrorCurve({ norms: 3, count: 600, eps: 1e-2, seed: 11 });
    expect(m.supDeviation).toBeLessThanOrEqual(m.tolerance);
    expect(Math.abs(m.final - 0.25)).toBeLessThan(2.576 * Math.sqrt(0.1875 / 600) + 0.002);
    // the curve lives at r t ~ 1: halfway (3/8) near gd⁻¹(π/4)/r = 0.881/3
    expect(m.halfTime).toBeGreaterThan(0.2);
    expect(m.halfTime).toBeLessThan(0.4);
  });

  it("P7/P8: a Gaussian first layer at r = 0.7 ends at 5/8", () => {
    const m = measureErrorCurve({ norms: 0.7, count: 600, eps: 1e-3, firstLayer: "gaussian", seed: 4 });
    expect(m.supDeviation).toBeLessThanOrEqual(m.tolerance);
    expect(Math.abs(m.final - 0.625)).toBeLessThan(2.576 * Math.sqrt((0.625 * 0.375) / 600) + 0.002);
  });

  it("P8: curves for r = 0.3 and 1.5 collapse against r·t", () => {
    const c = measureCollapse({ norms: [0.3, 1.5], count: 500, seed: 2 });
    expect(c.maxPairwise).toBeLessThanOrEqual(c.tolerance);
    // against t they are far apart: at equal record index t differs by a factor 5
    expect(c.curves[0].t.at(-1)).toBeCloseTo(5 * (c.curves[1].t.at(-1) as number), 6);
  });

  it("C1: norms spread over [0.5, 2] follow the mean of the per-norm curves", () => {
    const m = measureErrorCurve({ norms: spreadNorms(400, 0.5, 2, 9), eps: 1e-3, seed: 5 });
    expect(m.supDeviation).toBeLessThanOrEqual(m.tolerance);
  });

  it("where it stops holding: a dense first layer learns almost every point (error → 0, not 1/4)", () => {
    const dense = measureErrorCurve({ norms: 1, count: 200, eps: 1e-3, firstLayer: "dense", seed: 1 });
    expect(dense.final).toBeLessThan(0.05);
    expect(dense.supDeviation).toBeGreaterThan(dense.tolerance);
  });

  it("where it stops holding: a learning rate of 4 leaves the curve far from the flow (same draws)", () => {
    const ref = measureErrorCurve({ norms: 1, count: 400, seed: 3 });
    const big = measureErrorCurve({ norms: 1, count: 400, seed: 3, stepSize: 4 });
    expect(supDifference(big, ref)).toBeGreaterThan(0.05);
  });
});

describe("C1 experiment", () => {
  it("passes every check at a reduced size", () => {
    const result = c1Experiment.runWith({ count: 400, spreadCount: 300, limitCount: 200 }, { seed: 3 });
    for (const c of result.checks)
      expect(c.pass, `${c.statement}: ${c.measured} (${c.tolerance})`).toBe(true);
    expect(verdict(result)).toBe(true);
    expect(result.figures.map((f) => f.name)).toEqual([
      "error-vs-time",
      "collapse",
      "spread-norms",
      "limits",
    ]);
    expect(result.limits.length).toBeGreaterThanOrEqual(5);
  });
});
