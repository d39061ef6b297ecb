import { describe, expect, it } from "vitest";
import { flipTimeCE, flipTimeExact, flipTimeHinge } from "../../src/theory/flip-time.js";
import { relErr, rk4, sig } from "./helpers/rk4.js";

/**
 * Flip time by RK4 on the mode ODE (y = +1), with linear interpolation of b's zero crossing. `weight` is
 * the point's loss weight w: it multiplies the gain, c = w·r·σ(−m) (hinge: w·r).
 */
function rk4FlipTime(
  a0: number,
  b0: number,
  r: number,
  hinge: boolean,
  tMax: number,
  steps: number,
  weight = 1,
): number {
  let tFlip = Number.NaN;
  let prev = [a0, b0];
  let tPrev = 0;
  rk4(
    (_t, s) => {
      const c = weight * (hinge ? r : r * sig(-r * s[0] * s[1]));
      return [c * s[1], c * s[0]];
    },
    [a0, b0],
    0,
    tMax,
    steps,
    (t, s) => {
      if (s[1] >= 0) {
        // cubic-accurate enough: interpolate with the velocity at both ends
        tFlip = tPrev + (t - tPrev) * (-prev[1] / (s[1] - prev[1]));
        return false;
      }
      prev = s;
      tPrev = t;
      return true;
    },
  );
  return tFlip;
}

describe("closed forms (P3, P4)", () => {
  it("t* = ln((a0+|b0|)/(a0−|b0|))/r and hinge = half", () => {
    expect(relErr(flipTimeCE(0.3, -0.1, 2), Math.log(0.4 / 0.2) / 2)).toBeLessThan(1e-15);
    expect(relErr(flipTimeHinge(0.3, -0.1, 2), Math.log(2) / 4)).toBeLessThan(1e-15);
    expect(relErr(flipTimeCE(0.3, 0.1, 2, -1), Math.log(2) / 2)).toBeLessThan(1e-15);
  });
  it("never / already: dead, failing, separatrix, correct", () => {
    expect(flipTimeCE(-0.1, -0.05, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(flipTimeCE(0.1, -0.2, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(flipTimeCE(0.1, -0.1, 1)).toBe(Number.POSITIVE_INFINITY);
    expect(flipTimeCE(0.1, 0.2, 1)).toBe(0);
    expect(flipTimeExact(0.1, -0.2, { r: 1 })).toBe(Number.POSITIVE_INFINITY);
  });
  it("is independent of the init scale and ∝ 1/r in the small-init regime (P3, C4), against RK4", () => {
    for (const scale of [1e-3, 1e-2]) {
      for (const r of [0.5, 2]) {
        const ref = rk4FlipTime(0.8 * scale, -0.5 * scale, r, false, 10, 40000);
        expect(relErr(flipTimeCE(0.8, -0.5, r), ref)).toBeLessThan(2e-4 + 2 * scale * scale);
      }
    }
  });
});

describe("flipTimeExact (against RK4 of the mode ODE)", () => {
  it("matches RK4 to 1e-6 at every init scale, CE and hinge", () => {
    for (const scale of [0.01, 0.3, 1, 3]) {
      const [a0, b0] = [0.8 * scale, -0.5 * scale];
      for (const hinge of [false, true]) {
        const exact = flipTimeExact(a0, b0, { r: 1.5, loss: hinge ? "hinge" : "ce" });
        const ref = rk4FlipTime(a0, b0, 1.5, hinge, 5, 200000);
        expect(relErr(exact, ref)).toBeLessThan(1e-6);
      }
    }
  });
  it("hinge flip time is exact at any scale; the CE closed form stops holding as the init grows", () => {
    const ratio = (scale: number) =>
      flipTimeExact(0.8 * scale, -0.5 * scale, { r: 1 }) / flipTimeCE(0.8, -0.5, 1);
    expect(ratio(1e-3)).toBeGreaterThan(0.99999);
    expect(ratio(0.1)).toBeGreaterThan(0.995);
    expect(ratio(1)).toBeLessThan(0.93); // m0 = −0.4: the closed form is already 8% too slow (0.924)
    expect(ratio(10)).toBeLessThan(0.55); // → 1/2, the hinge-like limit
    expect(ratio(10)).toBeGreaterThan(0.5);
    expect(flipTimeExact(8, -5, { r: 1, loss: "hinge" })).toBe(flipTimeHinge(0.8, -0.5, 1));
  });
});

describe("flipTimeExact with a loss weight w (a point of an averaged loss has w = 1/n)", () => {
  it("matches RK4 of the weighted mode ODE, which is the unweighted time divided by w", () => {
    for (const weight of [0.25, 3]) {
      for (const hinge of [false, true]) {
        const loss = hinge ? "hinge" : "ce";
        const got = flipTimeExact(0.8, -0.5, { r: 1.5, loss, weight });
        const ref = rk4FlipTime(0.8, -0.5, 1.5, hinge, 10 / weight, 100000, weight);
        expect(relErr(got, ref), `${loss}, w = ${weight}`).toBeLessThan(1e-6);
        expect(relErr(got, flipTimeExact(0.8, -0.5, { r: 1.5, loss }) / weight)).toBeLessThan(1e-14);
      }
    }
  });
});

describe("flip times for y = −1 and the edge cases (mutation survivors)", () => {
  it("y = −1 with b0 > 0 is the mirror of y = +1 with b0 < 0", () => {
    for (const loss of ["ce", "hinge"] as const) {
      const mirror = flipTimeExact(0.8, 0.5, { r: 1.5, y: -1, loss });
      expect(mirror).toBeGreaterThan(0);
      expect(mirror).toBe(flipTimeExact(0.8, -0.5, { r: 1.5, y: 1, loss }));
    }
  });

  it("b0 = 0 is already right (0) for either label; a dead unit never flips (∞)", () => {
    expect(flipTimeCE(0.5, 0, 1, -1)).toBe(0);
    expect(flipTimeHinge(0.5, 0, 1, 1)).toBe(0);
    expect(flipTimeExact(0, -0.1, { r: 1 })).toBe(Number.POSITIVE_INFINITY);
    expect(flipTimeExact(-0.2, -0.1, { r: 1, loss: "hinge" })).toBe(Number.POSITIVE_INFINITY);
  });

  it("a0 = 0 is dead whatever b0 is, even when b0 already has the right sign or is 0", () => {
    // A dead unit (a0 ≤ 0) never learns: "already right" is checked only for a live one.
    for (const b0 of [0, 0.3, -0.3]) {
      expect(flipTimeCE(0, b0, 1)).toBe(Number.POSITIVE_INFINITY);
      expect(flipTimeHinge(0, b0, 1, -1)).toBe(Number.POSITIVE_INFINITY);
      expect(flipTimeExact(0, b0, { r: 1 })).toBe(Number.POSITIVE_INFINITY);
    }
  });
});

describe("flipTimeExact against an independent reference (mpmath, 40 digits, rounded to float64)", () => {
  // (τ* + ∫₀^{τ*} e^{min(0, m(τ))} dτ) / (r·w), computed with mpmath.quad at mp.dps = 40
  // (printed by test/golden/make_flip_time_fixtures.py; python is not needed to run this test).
  const golden: Array<[a0: number, b0: number, r: number, y: 1 | -1, t: number]> = [
    [1.0, -0.5, 1.0, 1, 0.9911915461288492],
    [2.0, -1.5, 0.5, 1, 3.1275141395061055],
    [0.3, -0.29, 3.0, 1, 1.3197992158672553],
    [3.0, 2.0, 2.0, -1, 0.45077948206239776],
  ];
  it.each(golden)("a0=%d b0=%d r=%d y=%d: relative error below 1e-14", (a0, b0, r, y, t) => {
    const ours = flipTimeExact(a0, b0, { r, y });
    expect(Math.abs(ours - t) / t).toBeLessThan(1e-14);
  });
});
