import { describe, expect, it } from "vitest";
import { edgeOfStabilityExperiment } from "../../../src/experiments/edge-of-stability/claim.js";
import type { EosCase } from "../../../src/experiments/edge-of-stability/settings.js";
import { type Check, isUnexpectedFailure } from "../../../src/experiments/experiment.js";
import { selectExperiments } from "../../../src/experiments/registry.js";

/** Not the defaults: other widths, seeds and step sizes, reduced. */
const tanh: EosCase = {
  workload: { kind: "chebyshev", hidden: [40], degree: 5, points: 20 },
  seed: 1,
  factors: [1.25],
  time: 900,
  every: 40,
  band: 0.1,
  shadow: 150,
  departure: 0.1,
};
const linear: EosCase = {
  workload: { kind: "deep-linear", depth: 10, width: 20, points: 20 },
  seed: 2,
  factors: [1.4],
  time: 0.2,
  every: 10,
  band: 0.1,
  shadow: 0.05,
  departure: 0.1,
};
const relu: EosCase = {
  workload: { kind: "relu-ce", dim: 8, points: 120, hidden: 60, initScale: 1, outputScale: 0.1 },
  seed: 3,
  factors: [1.3],
  time: 10,
  every: 10,
  band: 0.1,
  shadow: 2,
  departure: 0.1,
  lossFraction: 0.5,
};

describe("edge-of-stability", () => {
  it("at other widths, seeds and η, on all three workloads: each edge is found; what misses the band is a finding with its numbers", () => {
    const r = edgeOfStabilityExperiment.runWith({ cases: [tanh, linear, relu] });
    expect(r.checks).toHaveLength(12);
    const show = (c: Check) => `${c.statement}: ${c.measured}`;
    // The tanh net: all four, as at the defaults.
    for (const c of r.checks.slice(0, 4)) expect(c.pass, show(c)).toBe(true);
    expect(Math.abs((r.checks[0].measured as number) - 1)).toBeLessThan(0.1);
    // Every workload: the flow from the same init sharpens past the band and the loss turns non-monotone.
    for (const i of [1, 3, 5, 7, 9, 11]) expect(r.checks[i].pass, show(r.checks[i])).toBe(true);
    // A failing check is never unexplained: it carries a finding.
    for (const c of r.checks) expect(isUnexpectedFailure(c), show(c)).toBe(false);
    expect(r.figures.map((f) => f.name)).toEqual(
      ["chebyshev", "deep-linear", "relu-ce"].flatMap((k) => [
        `sharpness-${k}`,
        `loss-${k}`,
        `departure-${k}`,
      ]),
    );
  });

  it("fails where it should: a run too short to reach 2/η has no crossing, so no edge", () => {
    const r = edgeOfStabilityExperiment.runWith({ cases: [{ ...tanh, time: 100, shadow: 10 }] });
    expect(r.checks.every((c) => !c.pass)).toBe(true);
    expect(r.limits[0].deviation).toMatch(/never reached 2\/η/);
  });

  it("runs when named (not in the default report)", () => {
    expect(selectExperiments(["edge-of-stability"])[0]).toBe(edgeOfStabilityExperiment);
    expect(selectExperiments([]).includes(edgeOfStabilityExperiment)).toBe(false);
    expect(selectExperiments([], { all: true }).includes(edgeOfStabilityExperiment)).toBe(true);
  });
});
