import { describe, expect, it } from "vitest";
import { selectExperiments } from "../../../src/experiments/registry.js";
import { simplicityBiasExperiment } from "../../../src/experiments/simplicity-bias/claim.js";
import { SB_SETTINGS } from "../../../src/experiments/simplicity-bias/settings.js";

/** A small frequency half at settings other than the defaults: ρ = 0.3 (A relied on) and 1.5 (B). */
const frequency = {
  ...SB_SETTINGS.default.frequency,
  points: [
    { p: 0.3, rB: 1 },
    { p: 0.25, rB: 6 },
  ],
  n: 150,
  nTest: 600,
};

describe("simplicity-bias", () => {
  it("at 3-slab coordinates, another slab count and width: S-randomised is chance, Sᶜ-randomised unchanged; the faster feature is relied on", () => {
    const r = simplicityBiasExperiment.runWith({
      ...SB_SETTINGS.default,
      k: 3,
      slabs: 6,
      width: 60,
      seeds: 2,
      n: 600,
      frequency,
    });
    expect(r.checks.map((c) => c.prediction)).toEqual([
      "SB1",
      "SB2",
      "SB3",
      "FF1",
      "FF2",
      "FF3",
      "FF1",
      "FF2",
      "FF3",
    ]);
    for (const c of r.checks) expect(c.pass, `${c.statement}: ${c.measured}`).toBe(true);
    expect(r.checks.filter((c) => c.published).map((c) => [c.prediction, c.published!.value])).toEqual([
      ["SB2", "about chance"],
      ["SB3", "about unchanged"],
    ]);
    // ρ = 0.3: A's shuffle is the one at chance; ρ = 1.5: B's.
    expect(r.checks[4].statement).toMatch(/shuffling A/);
    expect(r.checks[7].statement).toMatch(/shuffling B/);
    expect(r.figures.map((f) => f.name)).toEqual(["randomized-accuracy", "frequency-randomized-accuracy"]);
    expect(r.summary.join(" ")).toMatch(/ρ = 0\.30 .*relies on A; ρ = 1\.5 .*relies on B/);
    expect(selectExperiments(["simplicity-bias"])[0].id).toBe("simplicity-bias");
  }, 120000);

  it("fails where it should: an untrained net (1 step) does not fit the data", () => {
    const r = simplicityBiasExperiment.runWith({
      ...SB_SETTINGS.default,
      steps: 1,
      seeds: 2,
      n: 300,
      nTest: 300,
      frequency: { ...frequency, points: [{ p: 0.5, rB: 1 }] },
    });
    expect(r.checks[0].pass).toBe(false);
    expect(r.checks.find((c) => c.prediction === "FF1")?.pass).toBe(false);
  }, 120000);
});
