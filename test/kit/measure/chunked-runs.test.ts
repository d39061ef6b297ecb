import { describe, expect, it } from "vitest";
import { pooledError, runChunked } from "../../../src/kit/measure/chunked-runs.js";
import { exactSettingConfig } from "../../../src/kit/measure/exact-setting.js";

/** Four points per run: one dead unit (a = −0.1, f = 0 exactly), one wrong (b < 0 < a, y = +1), two right. */
const build = (offset: number, size: number) =>
  exactSettingConfig({
    norms: [1, 1, 1, 1].slice(0, size),
    labels: [1, 1, 1, -1].slice(0, size),
    a: [-0.1, 0.1, 0.1, 0.1].slice(0, size),
    b: [0.1, -0.05, 0.1, -0.1].slice(0, size),
    lr: 0.01,
    steps: 10,
    every: 5,
    probes: ["margins"],
    seed: offset,
  });

describe("runChunked", () => {
  it("pools the per-point probes and the trainer's own error over runs of unequal size", () => {
    const runs = runChunked({ count: 7, chunk: 4, keys: ["margin"], build });
    expect(runs.values.margin[0].length).toBe(7);
    expect(runs.steps).toEqual([0, 5, 10]);
    // Run 1 (4 points): dead + wrong = 2 errors; run 2 (3 points): dead + wrong = 2; pooled 4/7.
    expect(runs.trainerError).toEqual([4 / 7, 4 / 7, 4 / 7]);
    expect(pooledError(runs.values.margin)).toEqual(runs.trainerError);
    // The dead unit's margin is exactly 0 and counts as an error in both counts.
    expect(runs.values.margin[0][0]).toBe(0);
  });

  it("names a probe value that was not recorded", () => {
    expect(() => runChunked({ count: 2, keys: ["a"], build })).toThrow(/probe value "a" is not recorded/);
  });
});
