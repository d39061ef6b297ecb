import { describe, expect, it } from "vitest";
import { selectExperiments } from "../../../src/experiments/registry.js";
import { saddleToSaddleExperiment } from "../../../src/experiments/saddle-to-saddle/claim.js";
import type { SaddleSettings } from "../../../src/experiments/saddle-to-saddle/settings.js";

/** Not the defaults: another design (n = 15, d = 25, other seed and values), another α, another scan. */
const other: SaddleSettings = {
  problem: { samples: 15, features: 25, values: [1.5, -0.8, 0.4], seed: 7 },
  alphas: [1e-9],
  scan: [1e-9, 0.05, 0.7, 4],
  resolution: 300,
  limitTolerance: 0.01,
  rtol: 1e-9,
};

describe("saddle-to-saddle", () => {
  it("at another design, α and scan: jump times and plateaus within their derived windows, sparse-to-ℓ2 scan", () => {
    const r = saddleToSaddleExperiment.runWith(other);
    const failed = r.checks
      .filter((c) => !c.pass)
      .map((c) => `${c.statement}: ${c.measured} vs ${c.predicted}`);
    expect(failed).toEqual([]);
    // every check carries the reason for its tolerance
    for (const c of r.checks) expect(c.basis?.length ?? 0).toBeGreaterThan(20);
    const jumps = r.checks.filter((c) => /jump \d/.test(c.statement));
    expect(jumps.length).toBeGreaterThanOrEqual(2);
    expect(r.figures.map((f) => f.name)).toEqual(["loss", "coordinates", "init-scan", "interpolators"]);
  });

  it("the limit is approached as α → 0: jump times at α = 0.05 are further off than at α = 1e-9", () => {
    const off = (alpha: number) => {
      const r = saddleToSaddleExperiment.runWith({ ...other, alphas: [alpha], scan: [1e-9, 4] });
      const jumps = r.checks.filter((c) => /jump \d/.test(c.statement));
      return jumps.map((c) => Math.abs((c.measured as number) - (c.predicted as number)));
    };
    const near = off(1e-9);
    const far = off(0.05);
    expect(near[0]).toBeLessThan(0.01);
    expect(far[0]).toBeGreaterThan(10 * near[0]);
  });

  it("runs when named (not in the default report)", () => {
    expect(selectExperiments(["saddle-to-saddle"])[0]).toBe(saddleToSaddleExperiment);
    expect(selectExperiments([]).includes(saddleToSaddleExperiment)).toBe(false);
    expect(selectExperiments([], { all: true }).includes(saddleToSaddleExperiment)).toBe(true);
  });
});
