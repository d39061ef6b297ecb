import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EULER_GAMMA, e1, ei, gd, gdInv } from "../../src/theory/special.js";
import fixture from "./fixtures/ei.json" with { type: "json" };

function relErr(got: number, want: number): number {
  return Math.abs(got - want) / Math.abs(want);
}

describe("ei (against mpmath, fixtures/make_ei.py)", () => {
  it("matches Ei(x) at 1e-13 relative for x in ±[1e-12, 715], including near its zero", () => {
    let worst = 0;
    for (const [x, want] of fixture.ei as [number, number][]) {
      const err = relErr(ei(x), want);
      worst = Math.max(worst, err);
      expect(err, `Ei(${x})`).toBeLessThan(1e-13);
    }
    expect(worst).toBeGreaterThan(0); // the fixture was really compared
  });
  it("matches E1(z) at 1e-13 relative", () => {
    for (const [z, want] of fixture.e1 as [number, number][])
      expect(relErr(e1(z), want), `E1(${z})`).toBeLessThan(1e-13);
  });
  it("handles edge cases", () => {
    expect(ei(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(Number.isNaN(ei(Number.NaN))).toBe(true);
    expect(ei(800)).toBe(Number.POSITIVE_INFINITY);
    expect(ei(-800)).toBe(-0);
    expect(e1(0)).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(e1(-1))).toBe(true);
  });
  it("is the antiderivative of e^x/x (property, central differences)", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 30, noNaN: true }), (x) => {
        const h = 1e-5 * x;
        const deriv = (ei(x + h) - ei(x - h)) / (2 * h);
        return relErr(deriv, Math.exp(x) / x) < 1e-6;
      }),
    );
  });
  it("small-x limit: Ei(x) ≈ γ + ln x + x", () => {
    expect(relErr(ei(1e-10), EULER_GAMMA + Math.log(1e-10) + 1e-10)).toBeLessThan(1e-15);
  });
});

describe("gd, gdInv", () => {
  it("matches arctan(sinh s) from mpmath, also for |s| where sinh overflows", () => {
    for (const [s, want] of fixture.gd as [number, number][]) {
      expect(Math.abs(gd(s) - want)).toBeLessThanOrEqual(2e-16 * Math.max(1, Math.abs(want)));
      if (want !== 0) expect(relErr(gd(s), want)).toBeLessThan(1e-14);
    }
  });
  it("gdInv inverts gd", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -15, max: 15, noNaN: true }),
        (s) => Math.abs(gdInv(gd(s)) - s) < 1e-9 * Math.max(1, Math.abs(s)) * Math.cosh(s),
      ),
    );
    expect(gdInv(Math.PI / 2)).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isNaN(gdInv(2))).toBe(true);
  });
});
