import { describe, expect, it } from "vitest";
import { selectExperiments } from "../../../src/experiments/registry.js";
import { starvationToyExperiment } from "../../../src/experiments/starvation-toy/claim.js";
import { TOY_SETTINGS, type ToySettings } from "../../../src/experiments/starvation-toy/settings.js";

/** Not the defaults: other strengths, coupling, penalties and step size. */
const other: ToySettings = {
  ...TOY_SETTINGS.default,
  strengths: [1.5, 3.5, 7],
  strength2: 1.5,
  coupling: 0.3,
  penalties: [
    { kind: "l2", lambda: 0.02 },
    { kind: "sd-paper", lambda: 0.004 },
  ],
  lr: 0.03,
  steps: 60000,
};

describe("starvation-toy", () => {
  it("at other strengths, coupling and λ: GD reaches the fixed points, L2 starves z₂, SD leaves it flat", () => {
    const r = starvationToyExperiment.runWith(other);
    expect(r.checks.map((c) => c.prediction)).toEqual(["T1", "T2", "T3"]);
    for (const c of r.checks) expect(c.pass, `${c.statement}: ${c.measured}`).toBe(true);
    expect(r.checks[1].predicted as number).toBeLessThan(0.95);
    expect(r.checks[1].published?.source).toMatch(/^Pezeshki et al\. 2021, Fig\. 6/);
    expect(r.figures.map((f) => f.name)).toEqual(["paths-l2", "paths-sd-paper", "z2-vs-strength"]);
    expect(r.limits).toHaveLength(6);
  });

  it("fails where it should: too few steps leave GD away from its fixed point", () => {
    const r = starvationToyExperiment.runWith({ ...other, steps: 300 });
    expect(r.checks[0].pass).toBe(false);
  });

  it("is registered as an extra study", () => {
    expect(selectExperiments(["starvation-toy"])[0].id).toBe("starvation-toy");
  });
});
