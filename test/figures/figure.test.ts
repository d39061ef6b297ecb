import { describe, expect, it } from "vitest";
import { droppedNotes, formatNumber } from "../../src/figures/figure.js";

describe("formatNumber", () => {
  it("formats with a real minus sign and few digits", () => {
    expect(formatNumber(-1.0049)).toBe("−1");
    expect(formatNumber(2.5)).toBe("2.5");
  });
  it("writes small and large numbers in the figures' power-of-ten style", () => {
    expect(formatNumber(0.000123456)).toBe("1.23×10⁻⁴");
    expect(formatNumber(1e-6)).toBe("10⁻⁶");
    expect(formatNumber(-1e-6)).toBe("−10⁻⁶");
    expect(formatNumber(2.5e7)).toBe("2.5×10⁷");
    expect(formatNumber(0.001)).toBe("0.001");
  });
});

describe("droppedNotes", () => {
  it("counts dropped values in words, singular and plural", () => {
    expect(droppedNotes(0, 0)).toBe("");
    expect(droppedNotes(1, 0)).toBe("1 value ≤ 0 dropped (log axis)");
    expect(droppedNotes(2, 3)).toBe("2 values ≤ 0 dropped (log axis); 3 values not finite dropped");
  });
});
