import { describe, expect, it } from "vitest";
import { edgeOfStabilityExperiment } from "../../../src/experiments/edge-of-stability/claim.js";
import type { EosSettings } from "../../../src/experiments/edge-of-stability/settings.js";
import { selectExperiments } from "../../../src/experiments/registry.js";

/** Not the defaults: another width, seed and step size. */
const other: EosSettings = {
  workload: { hidden: [40], degree: 5, points: 20 },
  seed: 1,
  factors: [1.25],
  time: 900,
  every: 40,
  band: 0.1,
  shadow: 150,
};

describe("edge-of-stability", () => {
  it("at another width, seed and η: λ_max settles at 2/η, the flow shadow sharpens past it, the loss turns non-monotone", () => {
    const r = edgeOfStabilityExperiment.runWith(other);
    expect(r.checks).toHaveLength(3);
    for (const c of r.checks) expect(c.pass, `${c.statement}: ${c.measured}`).toBe(true);
    expect(Math.abs((r.checks[0].measured as number) - 1)).toBeLessThan(0.1);
    expect(r.figures.map((f) => f.name)).toEqual(["sharpness", "loss"]);
  });

  it("fails where it should: a run too short to reach 2/η has no crossing, so no edge", () => {
    const r = edgeOfStabilityExperiment.runWith({ ...other, time: 100, shadow: 10 });
    expect(r.checks.every((c) => !c.pass)).toBe(true);
    expect(r.limits[0].deviation).toMatch(/never reached 2\/η/);
  });

  it("runs when named (not in the default report)", () => {
    expect(selectExperiments(["edge-of-stability"])[0]).toBe(edgeOfStabilityExperiment);
    expect(selectExperiments([]).includes(edgeOfStabilityExperiment)).toBe(false);
    expect(selectExperiments([], { all: true }).includes(edgeOfStabilityExperiment)).toBe(true);
  });
});
