import { describe, expect, it } from "vitest";
import {
  finite,
  mean,
  meanOfFinite,
  meanStd,
  pairedDifference,
  std,
  stdOfFinite,
} from "../../src/math/stats.js";

describe("mean, std, finite", () => {
  it("give the mean and the n − 1 standard deviation", () => {
    expect(mean([1, 2, 3, 6])).toBe(3);
    expect(std([1, 3])).toBe(Math.SQRT2);
    expect(std([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(Math.sqrt(32 / 7), 14);
  });
  it("handle one value and none", () => {
    expect(std([5])).toBe(0);
    expect(mean([])).toBeNaN();
    expect(std([])).toBeNaN();
  });
  it("finite drops NaN and infinities, so a diverged run does not poison a mean", () => {
    expect(finite([1, Number.NaN, 3, Number.POSITIVE_INFINITY])).toEqual([1, 3]);
    expect(mean(finite([1, Number.NaN, 3]))).toBe(2);
  });
});

describe("meanOfFinite, stdOfFinite", () => {
  it("skip non-finite values", () => {
    expect(meanOfFinite([1, Number.NaN, 3])).toBe(2);
    expect(stdOfFinite([1, Number.NEGATIVE_INFINITY, 3])).toBe(Math.SQRT2);
    expect(meanOfFinite([Number.NaN])).toBeNaN();
    expect(stdOfFinite([Number.NaN])).toBeNaN();
  });
});

describe("pairedDifference", () => {
  it("gives mean(a − b) ± t_{0.975, n−1} · sd / √n over the finite pairs", () => {
    const a = [3, 5, 4, 6, Number.NaN];
    const b = [1, 2, 2, 3, 1];
    const d = pairedDifference(a, b);
    // differences 2, 3, 2, 3: mean 2.5, sd 1/√3, t_{0.975, 3} = 3.1824463052837095
    const half = (3.1824463052837095 * (1 / Math.sqrt(3))) / 2;
    expect(d.diff).toBe(2.5);
    expect(d.lo).toBeCloseTo(2.5 - half, 12);
    expect(d.hi).toBeCloseTo(2.5 + half, 12);
    expect(pairedDifference([1], [0]).hi).toBe(Number.POSITIVE_INFINITY);
    expect(() => pairedDifference([1, 2], [1])).toThrow(/matched pairs/);
  });
});

describe("meanStd", () => {
  it("pairs the mean and the sample std", () => {
    expect(meanStd([1, 3])).toEqual({ mean: 2, std: Math.SQRT2 });
    expect(meanStd([5])).toEqual({ mean: 5, std: 0 });
  });
});
