import { describe, expect, it } from "vitest";
import { c3Experiment } from "../../../src/experiments/c3-failed-training/claim.js";
import { measureDepthRecovery } from "../../../src/experiments/c3-failed-training/depth.js";
import {
  measureModes,
  measurePhaseGrid,
  measureSeparatrixTimes,
} from "../../../src/experiments/c3-failed-training/phase-grid.js";
import { verdict } from "../../../src/experiments/experiment.js";

describe("C3 measurements at non-default parameters", () => {
  it("P7: single starts at r = 0.5 end in their regions", () => {
    const m = measureModes({ a: [1, 0.5, -0.2, 0.3], b: [-0.5, -1, 0.4, 0.9], r: 0.5, lr: 0.02, time: 60 });
    expect(m.outcome).toEqual(["recovered", "failed", "dead", "learned"]);
  });

  it("P7: a hinge grid on another box, r = 2, lr = 0.01 matches the regions", () => {
    const g = measurePhaseGrid({
      aRange: [0.05, 2],
      bRange: [-2, 1],
      size: 9,
      r: 2,
      lr: 0.01,
      loss: "hinge",
      time: 10,
    });
    expect(g.mismatches).toEqual([]);
    expect(g.accuracy).toBe(1);
  });

  it("the time to decide near the separatrix follows the flow and grows like ln(1/δ)", () => {
    const s = measureSeparatrixTimes({ b: 0.8, deltas: [1e-2, 1e-4], time: 30 });
    expect(s.maxRelativeError).toBeLessThan(0.02);
    // each factor 100 closer adds ≈ ln(100)/r·(1/(2σ)) ≈ 4.6 to the time (σ(−m) ≈ ½ near the saddle)
    const gain = s.recover[1].simulated - s.recover[0].simulated;
    expect(gain).toBeGreaterThan(4);
    expect(gain).toBeLessThan(5.5);
  });

  it("P9: wrong depth-3 chains with weights of scale 0.7 recover with probability 1/3", () => {
    const d = measureDepthRecovery({ depth: 3, count: 200, scale: 0.7, seed: 3, time: 60 });
    expect(Math.abs(d.recovered - 1 / 3)).toBeLessThanOrEqual(d.halfWidth + d.undecided);
    expect(d.ruleAgreement).toBeGreaterThanOrEqual(0.98);
    expect(d.ruleMisses).toBe(0);
  });

  it("where it stops holding: at lr = 2.5 GD leaves the predicted regions", () => {
    const g = measurePhaseGrid({ size: 9, lr: 2.5, time: 20 });
    expect(g.accuracy).toBeLessThan(1);
  });
});

describe("C3 experiment", () => {
  it("passes every check at a reduced size", () => {
    const result = c3Experiment.runWith({ grid: 9, count: 400, chains: 150, depths: [2, 3] }, { seed: 2 });
    for (const c of result.checks)
      expect(c.pass, `${c.statement}: ${c.measured} (${c.tolerance})`).toBe(true);
    expect(verdict(result)).toBe(true);
    expect(result.figures.length).toBe(5);
  });
});
