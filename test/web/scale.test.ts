import { describe, expect, it } from "vitest";
import {
  extent,
  formatValue,
  makeScale,
  niceDomain,
  stickyDomain,
  tickLabel,
  ticks,
} from "../../web/src/plot/scale.js";

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

  it("grows a live chart's domain in coarse steps", () => {
    expect(stickyDomain(null, [0.098, 0.11], false)).toEqual(niceDomain([0.098, 0.11], false));
    // Growing weight norms: each change leaves room for the data to double their span.
    let dom = stickyDomain(null, [0.1, 0.1], false);
    let changes = 0;
    for (let hi = 0.1; hi < 12; hi *= 1.05) {
      const next = stickyDomain(dom, [0.09, hi], false);
      expect(next[0]).toBeLessThanOrEqual(0.09);
      expect(next[1]).toBeGreaterThanOrEqual(hi);
      expect(next[0]).toBeGreaterThanOrEqual(0);
      if (next !== dom) changes++;
      dom = next;
    }
    expect(changes).toBeLessThanOrEqual(12);
    // Kept while it holds the data and is not far too wide; replaced when the data shrink a lot.
    expect(stickyDomain([0, 10], [1, 6], false)).toEqual([0, 10]);
    expect(stickyDomain([0, 10], [0.01, 0.02], false)).toEqual(niceDomain([0.01, 0.02], false));
    expect(stickyDomain([20, 200], [60, 69.3], true)).toEqual([20, 200]);
    expect(stickyDomain([1e-3, 1e3], [60, 69.3], true)).toEqual(niceDomain([60, 69.3], true));
    const down = stickyDomain([-1, 1], [-3, 0.5], false);
    expect(down[0]).toBeLessThanOrEqual(-3);
    expect(down[1]).toBeGreaterThanOrEqual(0.5);
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
