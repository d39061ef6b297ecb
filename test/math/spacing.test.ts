import { describe, expect, it } from "vitest";
import { logSpaced } from "../../src/math/spacing.js";

describe("logSpaced", () => {
  it("spaces evenly in log, with exact ends for power-of-two ratios", () => {
    const v = logSpaced(0.25, 4, 5);
    expect(v).toEqual([0.25, 0.5, 1, 2, 4]);
    const w = logSpaced(1e-3, 1e3, 7);
    for (let i = 1; i < w.length; i++) expect(w[i] / w[i - 1]).toBeCloseTo(10, 12);
    expect(logSpaced(3, 9, 1)).toEqual([3]);
  });
  it("refuses non-positive ends and bad counts with a clear error", () => {
    expect(() => logSpaced(0, 1, 3)).toThrow(/lo, hi > 0/);
    expect(() => logSpaced(1, 10, 0)).toThrow(/whole count/);
  });
});
