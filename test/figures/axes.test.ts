import { describe, expect, it } from "vitest";
import { powerOfTenLabel, scaleAndAxis } from "../../src/figures/axes.js";

describe("axes", () => {
  it("writes powers of ten with superscripts", () => {
    expect(powerOfTenLabel(-3)).toBe("10⁻³");
    expect(powerOfTenLabel(12)).toBe("10¹²");
  });
  it("uses 1-2-5 ticks on log axes spanning less than 2.5 decades", () => {
    const { scale, axis } = scaleAndAxis({ scale: "log", title: "t", extent: [0.07, 11] });
    expect(scale.domain).toEqual([0.05, 20]);
    expect(axis.values).toEqual([0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20]);
  });

  it("puts integer quantities on integer ticks", () => {
    const { axis } = scaleAndAxis({ scale: "linear", title: "depth D", integer: true });
    expect(axis).toMatchObject({ format: "d", tickMinStep: 1 });
    expect(scaleAndAxis({ scale: "linear", title: "t" }).axis.tickMinStep).toBeUndefined();
  });
});
