import { describe, expect, it } from "vitest";
import { HINGE_ADAM, HINGE_GD, measureHingeGd } from "../../../src/experiments/c6-ce-vs-hinge/discrete-gd.js";

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

describe("hinge modes at κ ≠ 1 under Adam against Adam's exact scalar recurrence", () => {
  it("the check's run matches hingeAdamMargin to rounding; two modes past κ, two growing with m ∝ r", () => {
    const m = measureHingeGd(HINGE_ADAM);
    expect(m.worst).toBeLessThan(1e-12);
    expect(m.frozen).toBe(2);
    // Adam's step ignores the gradient's scale: below κ every mode has the same a, so m/r is the same.
    expect(m.measured[1] / m.measured[0]).toBeCloseTo(HINGE_ADAM.norms[1] / HINGE_ADAM.norms[0], 6);
    // Momentum carries the frozen modes past κ (GD would stop within one step: (1 + ηr)² < 1.02).
    expect(m.measured[3]).toBeGreaterThan(HINGE_ADAM.margin * 1.05);
  });

  it("differs from the GD run and sees one step more", () => {
    const gd = measureHingeGd({ ...HINGE_ADAM, adam: undefined });
    expect(Math.abs(gd.measured[0] / measureHingeGd(HINGE_ADAM).measured[0] - 1)).toBeGreaterThan(0.1);
    const more = measureHingeGd({ ...HINGE_ADAM, steps: 401, advances: 1 });
    expect(more.measured[0] / measureHingeGd(HINGE_ADAM).predicted[0]).toBeGreaterThan(1 + 1e-3);
  });

  it("one advance or ten give the same margins (Adam's step count carries across calls)", () => {
    expect(measureHingeGd({ ...HINGE_ADAM, advances: 1 }).measured).toEqual(
      measureHingeGd(HINGE_ADAM).measured,
    );
  });
});
