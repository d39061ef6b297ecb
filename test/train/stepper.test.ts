import { describe, expect, it } from "vitest";
import { createBackend } from "../../src/engine/backends.js";
import { createStepper } from "../../src/train/stepper.js";

const spec = {
  kind: "sgd" as const,
  lr: 0.1,
  momentum: 0,
  nesterov: false,
  batchSize: null,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  weightDecay: 0,
};

describe("stepper (the trainer's lower level: external gradients)", () => {
  it("applies a given gradient with the scheduled learning rate of its step", () => {
    const p = Float64Array.from([1]);
    const s = createStepper(p, spec, createBackend("js"), {
      lr: { kind: "piecewise", from: [0, 2], values: [0.5, 0.25] },
    });
    const g = Float64Array.from([1]);
    s.apply(g); // step 0: η = 0.5
    s.apply(g); // step 1: η = 0.5
    s.apply(g); // step 2: η = 0.25
    expect(p[0]).toBe(1 - 0.5 - 0.5 - 0.25);
    expect(s.steps).toBe(3);
    expect(s.hyper(10)).toEqual({ lr: 0.25, weightDecay: 0 });
    // An explicit step index (the trainer's own count) selects the schedule's entry.
    s.apply(g, 0);
    expect(p[0]).toBe(-0.25 - 0.5);
  });

  it("without schedules it is the optimizer of the spec", () => {
    const p = Float64Array.from([1]);
    const s = createStepper(p, { ...spec, kind: "adam" }, createBackend("js"));
    s.apply(Float64Array.from([2]));
    expect(p[0]).toBeCloseTo(0.9, 8); // Adam's first step moves by lr·g/(|g| + ε) ≈ lr·sign(g)
    expect(s.state().rule).toBe("adam");
  });
});
