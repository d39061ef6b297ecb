import { describe, expect, it } from "vitest";
import { exactSettingConfig } from "../../../src/kit/measure/exact-setting.js";
import { elementSeries, firstCrossing } from "../../../src/kit/measure/history-series.js";
import { runConfig } from "../../../src/kit/measure/run.js";

describe("experiment support", () => {
  it("exact setting starts at the given (a, b) and keeps modes diagonal", () => {
    const r = runConfig(
      exactSettingConfig({ norms: [1, 2], labels: [1, -1], a: [0.1, 0.2], b: [-0.05, 0.1], steps: 100 }),
    );
    expect(r.history[0].a).toEqual([0.1, 0.2]);
    expect(r.history[0].b).toEqual([-0.05, 0.1]);
    expect(r.history[r.history.length - 1].offDiagonalMax).toBe(0);
  });

  it("firstCrossing interpolates and reports Infinity when never crossed", () => {
    expect(
      firstCrossing(
        [
          { x: 0, y: -1 },
          { x: 2, y: 1 },
        ],
        0,
      ),
    ).toBe(1);
    expect(
      firstCrossing(
        [
          { x: 0, y: -1 },
          { x: 2, y: -0.5 },
        ],
        0,
      ),
    ).toBe(Number.POSITIVE_INFINITY);
    const r = runConfig(
      exactSettingConfig({ norms: [1], labels: [1], a: [0.1], b: [-0.05], steps: 300, every: 1 }),
    );
    // P3: t* = ln((a+|b|)/(a−|b|))/r = ln 3 for this start (small-init approximation; within 2%).
    const tStar = firstCrossing(elementSeries(r.history, "margin", 0), 0);
    expect(Math.abs(tStar - Math.log(3)) / Math.log(3)).toBeLessThan(0.02);
  });
});
