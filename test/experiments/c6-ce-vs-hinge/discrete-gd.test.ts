import { describe, expect, it } from "vitest";
import { HINGE_GD, measureHingeGd } from "../../../src/experiments/c6-ce-vs-hinge/discrete-gd.js";

describe("hinge modes at κ ≠ 1 against the exact discrete GD map", () => {
  it("the check's run matches hingeGdMargin to rounding; two modes frozen at κ, two still growing", () => {
    const m = measureHingeGd(HINGE_GD);
    expect(m.worst).toBeLessThan(1e-12);
    expect(m.frozen).toBe(2);
    expect(m.measured[0]).toBeLessThan(HINGE_GD.margin);
    expect(m.measured[3]).toBeGreaterThanOrEqual(HINGE_GD.margin);
  });

  it("sees one step more: 401 steps against the map's 400 is off by (1 + ηr)² on the growing modes", () => {
    const m = measureHingeGd({ ...HINGE_GD, steps: 401, advances: 1 });
    const r = HINGE_GD.norms[0];
    const ahead = m.measured[0] / measureHingeGd(HINGE_GD).predicted[0];
    expect(ahead).toBeCloseTo((1 + HINGE_GD.lr * r) ** 2, 10);
  });

  it("one advance or ten give the same margins, and a split that does not divide is refused", () => {
    expect(measureHingeGd({ ...HINGE_GD, advances: 1 }).measured).toEqual(measureHingeGd(HINGE_GD).measured);
    expect(() => measureHingeGd({ ...HINGE_GD, advances: 7 })).toThrow(/multiple of advances \(7\)/);
  });
});
