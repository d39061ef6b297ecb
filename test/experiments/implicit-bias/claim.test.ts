import { describe, expect, it } from "vitest";
import { implicitBiasExperiment } from "../../../src/experiments/implicit-bias/claim.js";
import { IMPLICIT_BIAS_SETTINGS } from "../../../src/experiments/implicit-bias/settings.js";
import { selectExperiments } from "../../../src/experiments/registry.js";

describe("implicit-bias study", () => {
  it("is registered as an extra experiment", () => {
    expect(selectExperiments(["implicit-bias"])[0].id).toBe("implicit-bias");
    expect(selectExperiments([], { all: true }).map((e) => e.id)).toContain("implicit-bias");
  });
  // Found: on a 3-D set with a weak support vector (α = 0.12) the 1/ln t regime had not begun by
  // t = 1.5e4 (gap flat at 0.09 while the theory curve falls), so the asymptotic checks failed there.
  it("passes its checks away from the defaults: more points, another gap, η, seed and net", () => {
    const r = implicitBiasExperiment.runWith({
      ...IMPLICIT_BIAS_SETTINGS.default,
      points: 24,
      dims: 2,
      gap: 0.2,
      lr: 0.05,
      steps: 1_000_000,
      relu: { hidden: 12, scale: 0.2, lr: 0.03, steps: 50_000 },
      seed: 3,
    });
    // Failures are allowed only as findings that name the non-support margin (the asymptotic checks).
    const failed = r.checks.filter((c) => !c.pass && !c.finding?.includes("t^{1−m₂}"));
    expect(failed.map((c) => `${c.statement}: ${c.measured} vs ${c.predicted}`)).toEqual([]);
    expect(
      r.checks.filter((c) => c.prediction !== "IB1" && c.prediction !== "IB2").every((c) => c.pass),
    ).toBe(true);
    expect(r.checks[0].pass).toBe(true);
    // Soudry et al.'s published rates sit beside the slope and prefactor checks, quoted with the source
    const quoted = r.checks.filter((c) => c.published);
    expect(quoted.map((c) => c.prediction)).toEqual(["IB1", "IB2"]);
    expect(quoted[0].published).toEqual({
      value: -1,
      source: expect.stringMatching(/^Soudry et al\. 2018, Thm 3/),
    });
    expect(r.figures.map((f) => f.name)).toEqual(["direction-gap", "loss", "margins", "relu-margin"]);
  }, 60000);
  it("fails the 1/t prefactor check when run far too briefly (the checks can fail)", () => {
    const r = implicitBiasExperiment.runWith({
      ...IMPLICIT_BIAS_SETTINGS.default,
      steps: 300,
      relu: { hidden: 4, scale: 0.1, lr: 0.02, steps: 200 },
    });
    expect(r.checks.filter((c) => !c.pass).length).toBeGreaterThan(0);
  }, 60000);
});
