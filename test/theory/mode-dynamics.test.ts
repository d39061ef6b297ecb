import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  modeGain,
  modeInvariant,
  modeMargin,
  modeMarginAtTau,
  modeVelocity,
  simulateMode,
} from "../../src/theory/mode-dynamics.js";
import { relErr, rk4, sig } from "./helpers/rk4.js";

// Reference vector field, written from THEORY.md §2 directly (CE, gate 1[a>0]).
const ceField = (r: number, y: number) => (_t: number, s: number[]) => {
  if (!(s[0] > 0)) return [0, 0];
  const c = r * sig(-y * r * s[0] * s[1]);
  return [y * c * s[1], y * c * s[0]];
};

describe("modeVelocity", () => {
  it("is the CE gradient flow of log(1+e^{-y r a b}) (central differences)", () => {
    const loss = (a: number, b: number) => Math.log1p(Math.exp(-(-1) * 2.5 * a * b));
    const [da, db] = modeVelocity(0.3, -0.7, { r: 2.5, y: -1 });
    const h = 1e-6;
    expect(relErr(da, -(loss(0.3 + h, -0.7) - loss(0.3 - h, -0.7)) / (2 * h))).toBeLessThan(1e-8);
    expect(relErr(db, -(loss(0.3, -0.7 + h) - loss(0.3, -0.7 - h)) / (2 * h))).toBeLessThan(1e-8);
  });
  it("is zero for a dead unit and, under hinge, past the margin", () => {
    expect(modeVelocity(-0.1, 0.5, { r: 1 })).toEqual([0, 0]);
    expect(modeVelocity(2, 1, { r: 1, loss: "hinge" })).toEqual([0, 0]);
    expect(modeVelocity(0.5, 1, { r: 1, loss: "hinge" })).toEqual([1, 0.5]);
    expect(modeGain(0, { r: 2, weight: 0.25 })).toBeCloseTo(0.25, 15);
  });
  it("conserves a² − b² along its direction (P2): d/dt(a² − b²) = 0", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.constantFrom(1, -1),
        (a, b, y) => {
          const [da, db] = modeVelocity(a, b, { r: 1.3, y: y as 1 | -1 });
          return Math.abs(2 * a * da - 2 * b * db) < 1e-12;
        },
      ),
    );
  });
});

describe("simulateMode (against fixed-step RK4)", () => {
  const times = [0.5, 1, 2, 5, 10, 20];
  it("matches RK4 to 1e-8 for a correct, a recovering and a y = −1 mode, and keeps a² − b² to 1e-10", () => {
    for (const [a0, b0, r, y] of [
      [0.1, 0.1, 1, 1],
      [0.3, -0.2, 2, 1],
      [0.05, 0.04, 0.7, -1],
    ] as [number, number, number, 1 | -1][]) {
      const sim = simulateMode(a0, b0, { r, y }, times);
      expect(sim.frozenBy).toBe("none");
      for (let i = 0; i < times.length; i++) {
        const ref = rk4(ceField(r, y), [a0, b0], 0, times[i], 4000);
        expect(Math.abs(sim.a[i] - ref[0])).toBeLessThan(1e-8 * Math.max(1, Math.abs(ref[0])));
        expect(Math.abs(sim.b[i] - ref[1])).toBeLessThan(1e-8 * Math.max(1, Math.abs(ref[1])));
        expect(Math.abs(modeInvariant(sim.a[i], sim.b[i]) - modeInvariant(a0, b0))).toBeLessThan(1e-10);
        expect(sim.m[i]).toBeCloseTo(modeMargin(sim.a[i], sim.b[i], { r, y }), 14);
      }
    }
  });
  it("a failing mode (b < −a) dies: a reaches 0 at the same time as in RK4, then freezes", () => {
    const [a0, b0] = [0.2, -0.3];
    let tDeath = Number.NaN;
    let prev = [a0, b0];
    let tPrev = 0;
    // ungated field: the gate would corrupt the RK4 stages of the crossing step
    const smooth = (_t: number, s: number[]) => {
      const c = sig(-s[0] * s[1]);
      return [c * s[1], c * s[0]];
    };
    rk4(smooth, [a0, b0], 0, 20, 200000, (t, s) => {
      if (s[0] <= 0 && Number.isNaN(tDeath)) tDeath = tPrev + (t - tPrev) * (prev[0] / (prev[0] - s[0]));
      prev = s;
      tPrev = t;
      return true;
    });
    const sim = simulateMode(a0, b0, { r: 1 }, [1, 50]);
    expect(sim.frozenBy).toBe("dead");
    expect(Math.abs(sim.frozenAt - tDeath)).toBeLessThan(1e-7);
    expect(sim.a[1]).toBe(0);
    // on the hyperbola a² − b² = c < 0 the unit dies at b = −sqrt(−c)
    expect(Math.abs(sim.b[1] + Math.sqrt(b0 * b0 - a0 * a0))).toBeLessThan(1e-9);
  });
  it("hinge: m(t) = m(τ = r t) exactly until the margin, then the mode freezes (P6)", () => {
    const p = { r: 1.5, loss: "hinge" as const };
    const ts = [0.2, 0.5, 1, 1.5, 3, 10];
    const sim = simulateMode(0.1, 0.1, p, ts);
    // balanced: m = m0 e^{2 r t}, m0 = r a0²: reaches 1 at ln(1/m0)/(2r)
    const tMargin = Math.log(1 / (1.5 * 0.01)) / 3;
    expect(sim.frozenBy).toBe("margin");
    expect(Math.abs(sim.frozenAt - tMargin)).toBeLessThan(1e-9);
    for (let i = 0; i < ts.length; i++) {
      if (ts[i] < tMargin)
        expect(relErr(sim.m[i], modeMarginAtTau(1.5 * ts[i], 0.1, 0.1, p))).toBeLessThan(1e-9);
      else expect(Math.abs(sim.m[i] - 1)).toBeLessThan(1e-9);
    }
  });
  it("CE margin keeps growing (no freezing) while hinge stops (P6)", () => {
    const ce = simulateMode(0.1, 0.1, { r: 1 }, [10, 1000]);
    expect(ce.m[1]).toBeGreaterThan(ce.m[0] + 2);
  });
  it("a dead start stays put", () => {
    const sim = simulateMode(-0.1, 0.3, { r: 1 }, [0, 5]);
    expect(sim.a).toEqual([-0.1, -0.1]);
    expect(sim.frozenBy).toBe("dead");
  });
});
