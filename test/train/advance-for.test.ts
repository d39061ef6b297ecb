import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { advanceFor, newPace } from "../../src/train/advance-for.js";
import { buildData } from "../../src/train/build-data.js";
import { runTraining } from "../../src/train/run.js";
import { createTrainer } from "../../src/train/trainer.js";

describe("advanceFor", () => {
  it("respects the step limit, takes at least one step, and stops at the end of the run", () => {
    let step = 0;
    const run = {
      status: "running",
      get step() {
        return step;
      },
      advance(k: number) {
        step += k;
        if (step >= 50) this.status = "done";
      },
    };
    const pace = newPace();
    expect(advanceFor(run, 0, pace)).toBeGreaterThanOrEqual(1);
    expect(advanceFor(run, 1e9, pace, 7)).toBe(7);
    while (run.status === "running") advanceFor(run, 5, pace);
    expect(advanceFor(run, 5, pace)).toBe(0);
  });

  it("a trainer advanced by time slices gives the bits of one that ran at once", () => {
    const config = parseRunConfig({
      data: { kind: "blobs", n: 40, d: 2 },
      optimizer: { kind: "sgd", lr: 0.05, batchSize: 8 },
      train: { steps: 300 },
    });
    const whole = runTraining(config);
    const trainer = createTrainer(config, buildData(config));
    while (trainer.status === "running") trainer.advanceFor(1);
    expect(JSON.stringify(trainer.history)).toBe(JSON.stringify(whole.history));
  });
});
