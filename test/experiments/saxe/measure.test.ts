import { describe, expect, it } from "vitest";
import { crossingTime } from "../../../src/experiments/saxe/measure.js";

describe("crossingTime", () => {
  it("interpolates linearly between records, NaN when never reached", () => {
    expect(crossingTime([0, 1, 2], [0, 1, 3], 2)).toBeCloseTo(1.5, 14);
    expect(crossingTime([0, 1], [5, 6], 2)).toBe(0);
    expect(crossingTime([0, 1], [0, 1], 2)).toBeNaN();
  });
});
