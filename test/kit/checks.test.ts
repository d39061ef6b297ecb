import { describe, expect, it } from "vitest";
import { absoluteCheck, boundCheck, relativeCheck } from "../../src/kit/checks.js";

const W = "rounding";

describe("check builders", () => {
  it("relativeCheck passes on the boundary |Δ| = rel·|predicted| and fails just beyond", () => {
    expect(relativeCheck("P", "s", -2, -2.5, 0.25, W).pass).toBe(true);
    expect(relativeCheck("P", "s", -2, -2.51, 0.25, W).pass).toBe(false);
    expect(relativeCheck("P", "s", 2, Number.NaN, 10, W).pass).toBe(false);
    expect(relativeCheck("P", "s", Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0.1, W).pass).toBe(
      false,
    );
    expect(relativeCheck("P", "s", Number.POSITIVE_INFINITY, 3, 0.1, W).pass).toBe(false);
    expect(relativeCheck("P", "s", 2, 2, 0.1, W).tolerance).toBe("relative error ≤ 0.1");
  });

  it("absoluteCheck compares |Δ| with abs and keeps how the tolerance was derived as its basis", () => {
    const c = absoluteCheck("P3", "slope", -1, -0.99, 0.02, "two steps of η");
    expect(c).toMatchObject({ predicted: -1, measured: -0.99, pass: true, basis: "two steps of η" });
    expect(c.tolerance).toBe("|measured − predicted| ≤ 0.02");
    expect(absoluteCheck("P3", "slope", -1, -0.97, 0.02, W).pass).toBe(false);
    expect(absoluteCheck("P3", "slope", -1, Number.POSITIVE_INFINITY, 1e9, W).pass).toBe(false);
  });

  it("boundCheck wants measured ≤ bound, shows 0 as the prediction unless told, and fails NaN", () => {
    const c = boundCheck("P8", "sup deviation", 0.02, 0.0464, { why: "KS 99%" });
    expect(c).toMatchObject({ predicted: 0, pass: true, tolerance: "≤ 0.0464", basis: "KS 99%" });
    expect(boundCheck("P8", "s", 0.05, 0.0464, { why: W }).pass).toBe(false);
    expect(boundCheck("P8", "s", Number.NaN, 1, { why: W }).pass).toBe(false);
    expect(boundCheck("P1", "s", 0, 1e-12, { predicted: "exactly 0", why: W }).predicted).toBe("exactly 0");
  });
});
