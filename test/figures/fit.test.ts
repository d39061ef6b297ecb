import { describe, expect, it } from "vitest";
import { fitLine } from "../../src/figures/fit.js";

describe("fitLine", () => {
  it("recovers a power law on log–log axes and needs two distinct x", () => {
    const pts = [1, 2, 4, 8].map((x) => ({ x, y: 5 * x ** 1.5 }));
    const f = fitLine(pts, "log", "log");
    expect(f.slope).toBeCloseTo(1.5, 12);
    expect(f.r2).toBeCloseTo(1, 12);
    expect(() => fitLine([{ x: 1, y: 1 }], "linear", "linear")).toThrow(/at least two/);
  });
});
