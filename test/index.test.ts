import { describe, expect, it } from "vitest";
import {
  boundCheck,
  defineClaim,
  parseRunConfig,
  relativeCheck,
  runTraining,
  runTrainingBatch,
  theory,
} from "../src/index.js";

describe("the front door (src/index.ts)", () => {
  it("trains a config end to end through the public names, batched or alone with the same bits", () => {
    const config = parseRunConfig({ data: { kind: "orthogonal", norms: [1, 2] }, train: { steps: 40 } });
    const run = runTraining(config);
    expect(run.status).toBe("done");
    expect(run.history.at(-1)?.step).toBe(40);
    expect(runTrainingBatch([config])[0].history).toEqual(run.history);
    expect(typeof theory).toBe("object");
  });

  it("defines and runs a claim through the kit's public names; a wrong prediction fails its check", () => {
    const claim = defineClaim({
      id: "final-loss",
      claim: "X1",
      title: "Training lowers the loss",
      predictions: ["X1"],
      settings: { default: { steps: 40 }, full: { steps: 400 } },
      measure: ({ settings }) => {
        const config = parseRunConfig({
          data: { kind: "orthogonal", norms: [1, 2] },
          train: { steps: settings.steps },
        });
        const h = runTraining(config).history;
        return { first: h[0].loss, last: h.at(-1)!.loss };
      },
      checks: (m) => [
        boundCheck("X1", "the loss ends below where it started", m.last / m.first, 1, { why: "GD descends" }),
        relativeCheck("X1", "the loss is unchanged (a wrong prediction)", m.first, m.last, 1e-6, "rounding"),
      ],
      summary: () => ["A two-check claim."],
    });
    const r = claim.run({ scale: "default", seed: 0 });
    expect(r.checks.map((c) => c.pass)).toEqual([true, false]);
    expect(r.error).toBeUndefined();
  });
});

describe("the front door: the saxe / implicit-bias generators and probes", () => {
  it("exports the spectrum data, the tree, the mode, direction and margin probes and the SVM", async () => {
    const api = await import("../src/index.js");
    const d = api.correlatedData({ singularValues: [2, 1] });
    const c = api.correlations(d.x, d.y, d.count, d.inputs, d.outputs);
    expect(api.modeStrengths(c.yx, 2, 2, d.u, d.v)[0]).toBeCloseTo(2, 12);
    expect(api.hierarchicalData({ depth: 1 }).outputs).toBe(3);
    expect(api.svd(c.yx, 2, 2).values[1]).toBeCloseTo(1, 12);
    expect(api.directionTo([1, 0], [0, 1]).angle).toBeCloseTo(Math.PI / 2, 12);
    expect(api.normalizedMargin([2], 2, 1)).toBe(1);
    expect(api.hardMarginSvm([1, 0, -1, 0], [1, -1], 2, 2).w[0]).toBeCloseTo(1, 12);
    expect(typeof api.smoothedMargin).toBe("function");
  });
});
