import { describe, expect, it } from "vitest";
import { separableData } from "../../../src/experiments/implicit-bias/linear-runs.js";
import { reluGd } from "../../../src/experiments/implicit-bias/relu-net.js";

describe("reluGd", () => {
  it("lowers the loss and reports the smoothed margin below the normalized one once ℒ < ln 2", () => {
    const data = separableData(12, 2, 0.2, 5);
    const r = reluGd(data, { hidden: 8, scale: 0.2, lr: 0.05, steps: 20000 }, [0, 100, 20000], 1);
    expect(r.loss.at(-1)).toBeLessThan(r.loss[0]);
    expect(r.loss.at(-1)).toBeLessThan(Math.LN2);
    expect(r.smoothed.at(-1)).toBeLessThanOrEqual(r.normalized.at(-1)!);
    expect(r.smoothed[0]).toBeNaN();
  });
});
