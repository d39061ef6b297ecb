import { describe, expect, it } from "vitest";
import { droppedNotes, formatNumber } from "../../src/figures/figure.js";

describe("formatNumber", () => {
  it("formats with a real minus sign and few digits", () => {
    expect(formatNumber(-1.0049)).toBe("−1");
    expect(formatNumber(0.000123456)).toBe("1.23e−4");
    expect(formatNumber(2.5)).toBe("2.5");
  });
});

describe("droppedNotes", () => {
  it("counts dropped values in words, singular and plural", () => {
    expect(droppedNotes(0, 0)).toBe("");
    expect(droppedNotes(1, 0)).toBe("1 value ≤ 0 dropped (log axis)");
    expect(droppedNotes(2, 3)).toBe("2 values ≤ 0 dropped (log axis); 3 values not finite dropped");
  });
});
