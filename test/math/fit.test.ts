import { describe, expect, it } from "vitest";
import { fitLine, fitPowerLaw, logLogSlope } from "../../src/math/fit.js";

describe("fitLine", () => {
  it("recovers a power law on log–log axes and needs two distinct x", () => {
    const pts = [1, 2, 4, 8].map((x) => ({ x, y: 5 * x ** 1.5 }));
    const f = fitLine(pts, "log", "log");
    expect(f.slope).toBeCloseTo(1.5, 12);
    expect(f.r2).toBeCloseTo(1, 12);
    expect(() => fitLine([{ x: 1, y: 1 }], "linear", "linear")).toThrow(/at least two/);
  });
});

describe("logLogSlope", () => {
  it("is the slope of ln y on ln x, and the same number fitLine gives on log axes", () => {
    const x = [1, 2, 4, 8, 16];
    const y = x.map((v) => 3 * v ** -0.75);
    expect(logLogSlope(x, y)).toBeCloseTo(-0.75, 13);
    expect(logLogSlope(x, y)).toBeCloseTo(
      fitLine(
        x.map((v, i) => ({ x: v, y: y[i] })),
        "log",
        "log",
      ).slope,
      13,
    );
    expect(logLogSlope([1, 2], [1, Number.NaN])).toBeNaN();
  });
});

describe("fitPowerLaw", () => {
  it("fits the exponent with a Student-t interval that covers noise and vanishes without it", () => {
    const exact = fitPowerLaw([1, 2, 4, 8].map((x) => ({ x, y: 3 * x ** -1.5 })));
    expect(exact?.slope).toBeCloseTo(-1.5, 12);
    expect(exact?.ci95).toBeLessThan(1e-10);
    const noisy = fitPowerLaw([1, 2, 4, 8, 16].flatMap((x) => [0.9, 1.1].map((f) => ({ x, y: f * x ** 2 }))));
    expect(noisy?.n).toBe(10);
    expect(Math.abs((noisy?.slope ?? 0) - 2)).toBeLessThan(noisy?.ci95 ?? 0);
    expect(fitPowerLaw([{ x: 1, y: 1 }])).toBeNull();
  });
});
