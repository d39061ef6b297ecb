import { describe, expect, it } from "vitest";
import { selectExperiments } from "../../../src/experiments/registry.js";
import { saxeExperiment } from "../../../src/experiments/saxe/claim.js";
import { SAXE_SETTINGS } from "../../../src/experiments/saxe/settings.js";

describe("saxe study", () => {
  it("is registered as an extra experiment", () => {
    expect(selectExperiments(["saxe"])[0].id).toBe("saxe");
    expect(selectExperiments([], { all: true }).map((e) => e.id)).toContain("saxe");
  });
  it("passes its checks away from the defaults: other singular values, depths 2 and 4, η, a0, a 3-ary tree", () => {
    const r = saxeExperiment.runWith({
      ...SAXE_SETTINGS.default,
      singularValues: [4, 1.5, 0.7],
      inputs: 4,
      outputs: 3,
      hidden: 5,
      depths: [2, 4],
      a0: 0.3,
      lr: 0.004,
      every: 5,
      tree: { depth: 2, branching: 3 },
    });
    const failed = r.checks
      .filter((c) => !c.pass)
      .map((c) => `${c.statement}: ${c.measured} vs ${c.predicted}`);
    expect(failed).toEqual([]);
    expect(r.checks.length).toBeGreaterThan(12);
    expect(r.figures.map((f) => f.name)).toContain("linear-vs-relu");
  }, 60000);
  it("fails its time checks when GD's step is far from the flow (the checks can fail)", () => {
    const r = saxeExperiment.runWith({
      ...SAXE_SETTINGS.default,
      singularValues: [3, 1],
      inputs: 2,
      outputs: 2,
      hidden: 3,
      depths: [2],
      lr: 0.15,
      every: 1,
      tree: { depth: 1, branching: 2 },
    });
    expect(r.checks.filter((c) => !c.pass).length).toBeGreaterThan(0);
  }, 60000);
});
