import { describe, expect, it } from "vitest";
import { c2Experiment } from "../../../src/experiments/c2-independent-modes/claim.js";
import {
  measureBalanceDrift,
  measureBalancedMargins,
  measureIndependence,
} from "../../../src/experiments/c2-independent-modes/measurements.js";
import { C2_SETTINGS } from "../../../src/experiments/c2-independent-modes/settings.js";
import { exactSettingConfig } from "../../../src/kit/measure/exact-setting.js";
import { gainSquaredIntegral } from "../../../src/kit/measure/mode-error-bound.js";
import { logTimeStages, runStaged } from "../../../src/kit/measure/staged-run.js";
import { timeToMargin } from "../../../src/theory/balanced-ei.js";

describe("C2: independent modes", () => {
  it("P1: off-diagonal weights stay exactly 0 (ReLU), not with a linear hidden layer", () => {
    const modes = [
      { r: 3, y: -1 as const, a0: 0.05, b0: 0.02 },
      { r: 0.7, y: 1 as const, a0: 0.02, b0: 0.2 },
      { r: 1.5, y: 1 as const, a0: 0.3, b0: -0.1 },
      { r: 1, y: -1 as const, a0: -0.2, b0: 0.1 },
    ];
    for (const loss of ["ce", "hinge"] as const) {
      expect(measureIndependence({ modes, loss, lr: 0.02, tEnd: 50 }).offDiagonalMax).toBe(0);
    }
    expect(
      measureIndependence({ modes, activation: "linear", lr: 0.02, tEnd: 50 }).offDiagonalMax,
    ).toBeGreaterThan(0.05);
  });

  it("P2: a² − b² drifts by η(a0² − b0²)∫c² dt, first order in η", () => {
    const modes = [
      { r: 3, y: 1 as const, a0: 0.3, b0: 0.05 },
      { r: 0.8, y: -1 as const, a0: 0.1, b0: 0.25 },
    ];
    const d = measureBalanceDrift({ modes, lrs: [0.03, 0.015], tEnd: 8 });
    expect(Math.abs(d.slope - 1)).toBeLessThan(0.05);
    for (const p of d.points) expect(Math.abs(p.drift / p.predicted - 1)).toBeLessThan(0.06);
    // Hinge: c = r until the margin: ∫c² = r² t_margin.
    expect(gainSquaredIntegral({ r: 2, y: 1, a0: 0.1, b0: 0.1 }, "hinge", [100])[0]).toBeCloseTo(
      4 * (Math.log(1 / 0.02) / 4),
      6,
    );
  });

  it("P5: balanced modes follow the Ei solution within the first-order GD lag (other norms and a0)", () => {
    const b = measureBalancedMargins({ norms: [0.3, 3], a0: 0.05, lr: 0.005, tEnd: 300, tSwitch: 20 });
    for (const m of b.modes) {
      expect(m.maxRelError).toBeLessThanOrEqual(m.errorBound);
      expect(m.maxRelError).toBeLessThan(0.02);
    }
    // THEORY.md example: r = 1, a0 = b0 = 0.1 reaches m = 1 at t = 5.259.
    expect(timeToMargin(1, 0.01, 1)).toBeCloseTo(5.259, 3);
  });

  it("staged runs continue time and weights across stages", () => {
    const stages = logTimeStages({ lr: 0.01, tSwitch: 1, tEnd: 100, recordsPerStage: 10 });
    expect(stages.map((s) => s.lr)).toEqual([0.01, 0.01, 0.1]);
    const base = exactSettingConfig({ norms: [1], labels: [1], a: [0.1], b: [0.1], steps: 1, every: 1 });
    const run = runStaged(base, stages, { optimizer: "keep" });
    const t = run.history.map((r) => r.t);
    expect(t[t.length - 1]).toBeCloseTo(100, 9);
    for (let i = 1; i < t.length; i++) expect(t[i]).toBeGreaterThan(t[i - 1]);
  });

  it("runs at reduced size with every check passing", () => {
    const s = { ...C2_SETTINGS.default, norms: [0.5, 1, 3], tEnd: 200, largeLrs: [0.2], deltas: [0.01] };
    const res = c2Experiment.runWith(s, { seed: 3 });
    const failed = res.checks.filter((c) => !c.pass);
    expect(failed).toEqual([]);
    expect(res.figures.length).toBeGreaterThanOrEqual(4);
    expect(res.limits.length).toBeGreaterThanOrEqual(3);
  });
});
