import { describe, expect, it } from "vitest";
import { recordSteps } from "../../src/train/schedule.js";

describe("recordSteps", () => {
  it("every k includes both ends", () => {
    expect(recordSteps({ kind: "every", every: 4 }, 10)).toEqual([0, 4, 8, 10]);
  });
  it("log spacing is sorted, unique and within range", () => {
    const s = recordSteps({ kind: "log", perDecade: 10 }, 12345);
    expect(s[0]).toBe(0);
    expect(s[s.length - 1]).toBe(12345);
    for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
    // about 10 points per decade beyond the first decade
    expect(s.filter((v) => v >= 100 && v < 1000).length).toBe(10);
  });
  it("zero steps records once", () => {
    expect(recordSteps({ kind: "log", perDecade: 5 }, 0)).toEqual([0]);
  });
});
