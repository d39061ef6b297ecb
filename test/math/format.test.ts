import { describe, expect, it } from "vitest";
import { formatCompact, formatSignificant } from "../../src/math/format.js";

describe("formatSignificant", () => {
  it("rounds as JavaScript prints numbers", () => {
    expect(formatSignificant(-1.23456)).toBe("-1.23");
    expect(formatSignificant(123456)).toBe("123000");
    expect(formatSignificant(2.5e-7, 2)).toBe("2.5e-7");
    expect(formatSignificant(Number.POSITIVE_INFINITY)).toBe("Infinity");
  });
});

describe("formatCompact", () => {
  it("uses exponents below 1e-3 and from 1e5 for the terminal", () => {
    expect(formatCompact(0.5)).toBe("0.5");
    expect(formatCompact(123456)).toBe("1.235e+5");
    expect(formatCompact(0.0001234)).toBe("1.234e-4");
    expect(formatCompact(0)).toBe("0");
  });
});
