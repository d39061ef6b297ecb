import { describe, expect, it } from "vitest";
import { recordSchedule, recordSteps } from "../../src/train/schedule.js";

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

describe("recordSchedule", () => {
  it("every k is computed on demand, even over 10^9 steps (no list of 10^9 entries)", () => {
    const s = recordSchedule({ kind: "every", every: 1 }, 1e9);
    expect(s.length).toBe(1e9 + 1);
    expect([s.at(0), s.at(1), s.at(5e8), s.at(1e9), s.at(1e9 + 1)]).toEqual([0, 1, 5e8, 1e9, undefined]);
  });
  it("ends on maxSteps when it is not a multiple of k", () => {
    expect(recordSteps({ kind: "every", every: 3 }, 10)).toEqual([0, 3, 6, 9, 10]);
    expect(recordSteps({ kind: "every", every: 5 }, 10)).toEqual([0, 5, 10]);
    expect(recordSteps({ kind: "every", every: 7 }, 0)).toEqual([0]);
  });
});
