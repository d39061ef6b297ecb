import { describe, expect, it } from "vitest";
import { c6Experiment } from "../../../src/experiments/c6-ce-vs-hinge/claim.js";
import {
  measureBalancedPair,
  measureFlipRatio,
} from "../../../src/experiments/c6-ce-vs-hinge/measurements.js";
import { C6_SETTINGS, flipStarts } from "../../../src/experiments/c6-ce-vs-hinge/settings.js";

describe("C6: cross-entropy vs hinge", () => {
  it("P4: hinge flip time = CE flip time / 2 at small init (other norms and ratios), less at large init", () => {
    const small = measureFlipRatio(flipStarts([0.4, 3], [0.15, 0.65], 0.005), { lr: 0.002 });
    expect(small.maxRelErrorTwo).toBeLessThan(1e-3);
    expect(small.maxRelErrorHinge).toBeLessThan(1e-3);
    const large = measureFlipRatio(flipStarts([3], [0.65], 1.2), { lr: 0.002 });
    expect(large.ratio[0]).toBeLessThan(1.8);
    expect(Math.abs(large.ratio[0] / large.exactRatio[0] - 1)).toBeLessThan(0.01);
  });

  it("P6: hinge reaches m = 1 at ln(1/m0)/(2r) and freezes; CE keeps growing", () => {
    const p = measureBalancedPair({ norms: [0.6, 2.5], a0: 0.05, lr: 0.004, tEnd: 2000, tSwitch: 12 });
    for (const m of p.modes) {
      expect(Math.abs(m.hingeTime / m.hingeTimePredicted - 1)).toBeLessThan(0.01);
      expect(Math.abs(m.ceTime / m.ceTimePredicted - 1)).toBeLessThan(0.01);
      expect(m.hingeChangeAfterMargin).toBe(0);
      expect(m.hingeFinalMargin).toBeGreaterThanOrEqual(1);
      expect(m.ceFinalMargin).toBeGreaterThan(8);
    }
    expect(p.hingeNormSqChangeAfter).toBe(0);
    expect(p.ceNormSqRelError).toBeLessThan(0.01);
  });

  it("runs at reduced size with every check passing", () => {
    const s = {
      ...C6_SETTINGS.default,
      flipNorms: [0.5, 2],
      ratios: [0.3, 0.7],
      largeEps: [1],
      largeLrs: [0.2],
      norms: [0.5, 2],
      tEnd: 1000,
      showNorms: [0.5, 2],
    };
    const res = c6Experiment.runWith(s, { seed: 1 });
    expect(res.checks.filter((c) => !c.pass)).toEqual([]);
    expect(res.figures.length).toBe(3);
  });
});
