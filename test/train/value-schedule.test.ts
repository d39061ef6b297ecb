import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { runTraining } from "../../src/train/run.js";
import { scheduleProblem, valueAt } from "../../src/train/value-schedule.js";

describe("value schedules", () => {
  it("piecewise: each value from its step on", () => {
    const s = { kind: "piecewise" as const, from: [0, 10, 20], values: [1, 0.5, 0.1] };
    expect([0, 9, 10, 19, 20, 1000].map((t) => valueAt(s, t))).toEqual([1, 1, 0.5, 0.5, 0.1, 0.1]);
  });

  it("linear: interpolates between points, constant after the last", () => {
    const s = { kind: "linear" as const, at: [0, 100], values: [0, 0.1] };
    expect(valueAt(s, 0)).toBe(0);
    expect(valueAt(s, 50)).toBeCloseTo(0.05, 15);
    expect(valueAt(s, 100)).toBe(0.1);
    expect(valueAt(s, 5000)).toBe(0.1);
  });

  it("malformed schedules are config errors that say what to fix", () => {
    expect(scheduleProblem({ kind: "piecewise", from: [1], values: [1] })).toMatch(/from\[0\] must be 0/);
    expect(scheduleProblem({ kind: "linear", at: [0, 5, 5], values: [1, 2, 3] })).toMatch(/must increase/);
    expect(scheduleProblem({ kind: "piecewise", from: [0, 5], values: [1] })).toMatch(/one value per step/);
    expect(() =>
      parseRunConfig({ schedules: { lr: { kind: "piecewise", from: [3], values: [0.1] } } }),
    ).toThrow(/schedules\.lr.*from\[0\] must be 0/s);
    expect(() =>
      parseRunConfig({ schedules: { lossWeight: { kind: "piecewise", from: [0], values: [1] } } }),
    ).toThrow(/reduction to "mean"/);
  });

  it("an lr schedule drives the run, and time is Σ η over the steps", () => {
    const base = { data: { kind: "blobs", n: 30, d: 2 }, model: { hidden: [4] }, train: { steps: 20 } };
    const constant = runTraining(parseRunConfig({ ...base, optimizer: { kind: "gd", lr: 0.05 } }));
    // A one-piece schedule equal to the constant: the same bits (the update uses exactly these numbers).
    const same = runTraining(
      parseRunConfig({
        ...base,
        optimizer: { kind: "gd", lr: 0.05 },
        schedules: { lr: { kind: "piecewise", from: [0], values: [0.05] } },
      }),
    );
    expect(same.weights).toEqual(constant.weights);
    const decayed = runTraining(
      parseRunConfig({
        ...base,
        schedules: { lr: { kind: "piecewise", from: [0, 10], values: [0.05, 0.01] } },
      }),
    );
    const last = decayed.history[decayed.history.length - 1];
    expect(last.t).toBeCloseTo(10 * 0.05 + 10 * 0.01, 12);
    expect(decayed.weights).not.toEqual(constant.weights);
  });
});
