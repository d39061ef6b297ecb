import { describe, expect, it } from "vitest";
import { parseRunConfig, runTraining, runTrainingBatch, theory } from "../src/index.js";

describe("the front door (src/index.ts)", () => {
  it("trains a config end to end through the public names, batched or alone with the same bits", () => {
    const config = parseRunConfig({ data: { kind: "orthogonal", norms: [1, 2] }, train: { steps: 40 } });
    const run = runTraining(config);
    expect(run.status).toBe("done");
    expect(run.history.at(-1)?.step).toBe(40);
    expect(runTrainingBatch([config])[0].history).toEqual(run.history);
    expect(typeof theory).toBe("object");
  });
});
