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
        boundCheck("X1", "the loss ends below where it started", m.last / m.first, 1),
        relativeCheck("X1", "the loss is unchanged (a wrong prediction)", m.first, m.last, 1e-6),
      ],
      summary: () => ["A two-check claim."],
    });
    const r = claim.run({ scale: "default", seed: 0 });
    expect(r.checks.map((c) => c.pass)).toEqual([true, false]);
    expect(r.error).toBeUndefined();
  });
});
