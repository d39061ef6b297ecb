import { describe, expect, it } from "vitest";
import { extent, formatValue, makeScale, niceDomain, tickLabel, ticks } from "../../web/src/plot/scale.js";

describe("chart scales", () => {
  it("maps and inverts linear and log scales", () => {
    const lin = makeScale([0, 10], [0, 100], false);
    expect(lin(5)).toBe(50);
    expect(lin.invert(25)).toBe(2.5);
    const log = makeScale([1, 1000], [0, 300], true);
    expect(log(10)).toBeCloseTo(100, 12);
    expect(log.invert(200)).toBeCloseTo(100, 9);
  });

  it("ignores non-finite values, and non-positive ones on log axes", () => {
    expect(extent([1, Number.NaN, -2, 5, Number.POSITIVE_INFINITY], false)).toEqual([-2, 5]);
    expect(extent([0, -1, 0.5, 4], true)).toEqual([0.5, 4]);
    expect(extent([0, -1], true)).toBeNull();
  });

  it("picks round domains and ticks", () => {
    expect(niceDomain([0.13, 0.87], false)).toEqual([0, 1]);
    expect(niceDomain([0.003, 47], true)).toEqual([0.002, 50]);
    expect(ticks([0, 1], false, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(ticks([1e-6, 1], true)).toEqual([1e-6, 1e-5, 1e-4, 1e-3, 0.01, 0.1, 1]);
    expect(ticks([1, 10], true)).toEqual([1, 2, 5, 10]);
    const c = niceDomain([3, 3], false);
    expect(c[0]).toBeLessThan(3);
    expect(c[1]).toBeGreaterThan(3);
  });

  it("labels numbers briefly", () => {
    expect(tickLabel(1e-6, true)).toBe("10⁻⁶");
    expect(tickLabel(100, true)).toBe("100");
    expect(formatValue(-0.5)).toBe("−0.5");
    expect(formatValue(4.5e-5)).toBe("4.5e−5");
    expect(formatValue(Number.NaN)).toBe("NaN");
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe("∞");
  });
});
