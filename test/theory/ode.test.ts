import { describe, expect, it } from "vitest";
import { logSpaced } from "../../src/math/spacing.js";
import { integrate, integrateLogTime } from "../../src/theory/ode.js";

describe("integrate (Dormand–Prince 5(4))", () => {
  it("solves y' = y to 1e-9 relative at dense output times", () => {
    const ts = Array.from({ length: 41 }, (_, i) => i * 0.5);
    const r = integrate(
      (_t, y, d) => {
        d[0] = y[0];
      },
      [1],
      0,
      20,
      { outputTimes: ts },
    );
    expect(r.status).toBe("done");
    expect(r.t).toEqual(ts);
    for (let i = 0; i < ts.length; i++) expect(Math.abs(r.y[i][0] / Math.exp(ts[i]) - 1)).toBeLessThan(1e-9);
  });
  it("solves the harmonic oscillator over 100 periods (y = cos t) to 1e-7", () => {
    const ts = logSpaced(0.01, 200 * Math.PI, 60);
    const r = integrate(
      (_t, y, d) => {
        d[0] = y[1];
        d[1] = -y[0];
      },
      [1, 0],
      0,
      200 * Math.PI,
      { outputTimes: ts },
    );
    for (let i = 0; i < ts.length; i++) {
      expect(Math.abs(r.y[i][0] - Math.cos(ts[i]))).toBeLessThan(1e-7);
      expect(Math.abs(r.y[i][1] + Math.sin(ts[i]))).toBeLessThan(1e-7);
    }
  });
  it("tighter tolerance gives a smaller error (the error control works)", () => {
    const err = (rtol: number) => {
      const r = integrate(
        (_t, y, d) => {
          d[0] = -2 * _t * y[0];
        },
        [1],
        0,
        3,
        { rtol, atol: rtol * 1e-3, outputTimes: [1.234] },
      );
      return Math.abs(r.y[0][0] - Math.exp(-(1.234 ** 2)));
    };
    expect(err(1e-5)).toBeGreaterThan(err(1e-11));
    expect(err(1e-11)).toBeLessThan(1e-10);
  });
  it("locates a terminal event on the dense output (cos t = 0 at π/2)", () => {
    const r = integrate(
      (_t, y, d) => {
        d[0] = y[1];
        d[1] = -y[0];
      },
      [1, 0],
      0,
      10,
      { outputTimes: [1, 2, 3], event: (_t, y) => y[0] },
    );
    expect(r.status).toBe("event");
    expect(Math.abs(r.eventTime! - Math.PI / 2)).toBeLessThan(1e-10);
    expect(r.t).toEqual([1]);
    expect(Math.abs(r.yEnd[0])).toBeLessThan(1e-10);
  });
  it("reports a blow-up as failed instead of throwing (y' = y², y(0) = 1 blows up at t = 1)", () => {
    const r = integrate(
      (_t, y, d) => {
        d[0] = y[0] * y[0];
      },
      [1],
      0,
      2,
    );
    expect(r.status).toBe("failed");
    expect(Math.abs(r.tEnd - 1)).toBeLessThan(1e-6);
  });
  it("rejects bad output times with a message", () => {
    expect(() => integrate(() => {}, [0], 0, 1, { outputTimes: [2] })).toThrow(/outputTimes/);
  });
});

describe("integrateLogTime", () => {
  it("integrates y' = 1/(1+t) from 0 to 1e8 (y = ln(1+t)) in few steps", () => {
    const ts = [0.5, ...logSpaced(1, 1e8, 9)];
    const r = integrateLogTime(
      (t, _y, d) => {
        d[0] = 1 / (1 + t);
      },
      [0],
      0,
      1e8,
      { outputTimes: ts },
    );
    expect(r.status).toBe("done");
    expect(r.t).toEqual(ts);
    for (let i = 0; i < ts.length; i++) expect(Math.abs(r.y[i][0] - Math.log1p(ts[i]))).toBeLessThan(1e-9);
    expect(r.steps).toBeLessThan(200);
  });
  it("reports event times in the original time", () => {
    const r = integrateLogTime(
      (t, _y, d) => {
        d[0] = 1 / t;
      },
      [0],
      1,
      1e8,
      { event: (_t, y) => y[0] - Math.log(12345) },
    );
    expect(r.status).toBe("event");
    expect(Math.abs(r.eventTime! / 12345 - 1)).toBeLessThan(1e-9);
  });
});
