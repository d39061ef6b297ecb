import { describe, expect, it } from "vitest";
import { normalizedMargin, smoothedMargin } from "../../src/probes/normalized-margin.js";

describe("normalizedMargin", () => {
  it("divides the smallest margin by ‖θ‖^L", () => {
    expect(normalizedMargin([3, 1, 2], 2, 2)).toBeCloseTo(0.25, 15);
    expect(normalizedMargin([-1, 4], 1, 1)).toBe(-1);
  });
  it("refuses a zero norm or no margins", () => {
    expect(() => normalizedMargin([1], 0, 1)).toThrow(/norm/);
    expect(() => normalizedMargin([], 1, 1)).toThrow(/no margins/);
  });
});

describe("smoothedMargin", () => {
  it("is below the normalized margin and tends to it as the scale grows", () => {
    const q = [1, 1.5, 3];
    for (const c of [1, 5, 30]) {
      const loss = q.reduce((s, m) => s + Math.log1p(Math.exp(-c * m)), 0);
      const sm = smoothedMargin(loss, c, 1);
      expect(sm).toBeLessThanOrEqual(
        normalizedMargin(
          q.map((m) => c * m),
          c,
          1,
        ),
      );
      if (c === 30) expect(sm).toBeCloseTo(1, 1);
    }
  });
  it("is NaN while the loss is ≥ ln 2", () => {
    expect(smoothedMargin(Math.LN2, 1, 1)).toBeNaN();
  });
});
