import { describe, expect, it } from "vitest";
import type { RunConfigInput } from "../../../src/config/run-config.js";
import { logTimeStages, runStaged } from "../../../src/kit/measure/staged-run.js";

const base = (optimizer: RunConfigInput["optimizer"]): RunConfigInput => ({
  seed: 3,
  data: { kind: "blobs", n: 24, d: 2 },
  model: { hidden: [5], bias: true },
  init: { scheme: "xavier-normal" },
  optimizer,
  probes: { schedule: { kind: "every", every: 5 } },
});
const stages = [
  { lr: 0.05, steps: 20, every: 5 },
  { lr: 0.1, steps: 20, every: 5 },
  { lr: 0.2, steps: 20, every: 5 },
];

describe("staged runs", () => {
  it("plain GD: keeping or resetting the optimizer gives the same bits (it has no state but a count)", () => {
    const keep = runStaged(base({ kind: "gd" }), stages, { optimizer: "keep" });
    const reset = runStaged(base({ kind: "gd" }), stages, { optimizer: "reset" });
    expect(JSON.stringify(keep.history)).toBe(JSON.stringify(reset.history));
    // Time continues across stages: t = Σ η·steps.
    expect(keep.history[keep.history.length - 1].t).toBeCloseTo(20 * (0.05 + 0.1 + 0.2), 12);
  });

  for (const optimizer of [
    { kind: "sgd" as const, batchSize: 5, momentum: 0.9 },
    { kind: "adam" as const, batchSize: 5 },
  ]) {
    it(`${optimizer.kind}: "keep" carries momentum / moments and the batch order on, "reset" restarts them`, () => {
      const keep = runStaged(base(optimizer), stages, { optimizer: "keep" });
      const reset = runStaged(base(optimizer), stages, { optimizer: "reset" });
      // The first stage is the same run; from the second stage on the two differ.
      const firstStage = (r: typeof keep) => JSON.stringify(r.history.filter((h) => h.step <= 20));
      expect(firstStage(keep)).toBe(firstStage(reset));
      expect(keep.history[keep.history.length - 1].loss).not.toBe(
        reset.history[reset.history.length - 1].loss,
      );
    });
  }

  it("logTimeStages covers [0, tEnd] with η growing ×10 per decade", () => {
    const s = logTimeStages({ lr: 0.01, tSwitch: 1, tEnd: 1000, recordsPerStage: 10 });
    const t = s.reduce((sum, st) => sum + st.lr * st.steps, 0);
    expect(t).toBeCloseTo(1000, 6);
    expect(s.map((st) => st.lr)).toEqual([0.01, 0.01, 0.1, 1]);
  });
});
