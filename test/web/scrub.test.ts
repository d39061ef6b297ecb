import { describe, expect, it } from "vitest";
import type { RunView } from "../../web/src/components/run-view.js";
import { canScrub, runAt } from "../../web/src/run/scrub.js";
import { LabSession } from "../../web/src/worker/session.js";

const XOR = {
  name: "xor",
  data: { kind: "playground", set: "xor", n: 60, nTest: 20 },
  inputs: ["x1", "x2", "x1*x2"],
  model: { hidden: [4], activation: "tanh", bias: true },
  optimizer: { lr: 0.05 },
  train: { steps: 100 },
};

describe("scrubbing back through a run", () => {
  it("gives the decision function and weights of record k from the parameters kept at k", () => {
    const s = new LabSession(XOR);
    const grid0 = s.decisionGrid()!;
    const weights0 = s.weights()!;
    s.advance(100);
    const p = s.drain();
    const run = {
      config: s.config,
      info: s.info,
      history: p.records,
      extras: p.extras,
      grid: s.decisionGrid(),
      weights: s.weights(),
      theory: null,
      status: p.status,
      stopReason: "",
    } as RunView;
    expect(canScrub(run)).toBe(true);
    const start = runAt(run, 0);
    expect(start.history.length).toBe(1);
    expect(start.extras.length).toBe(1);
    expect(start.grid!.values).toEqual(grid0.values); // the same forward pass on the same parameters
    expect(start.weights!.layers).toEqual(weights0.layers);
    expect(runAt(run, 0)).toBe(start);
    const end = runAt(run, 1e9);
    expect(end.history.length).toBe(run.history.length);
    expect(end.grid!.values).toEqual(run.grid!.values);
  });
});
