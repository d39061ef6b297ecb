import { describe, expect, it } from "vitest";
import {
  alternatingLabels,
  checkBoolean,
  checkInt,
  checkNumber,
  checkOneOf,
  normalizeLabels,
  show,
} from "../../src/data/validate.js";

describe("checks", () => {
  it("checkInt accepts integers in range and names the field otherwise", () => {
    expect(checkInt("gen", "n", 3, 1, 10)).toBe(3);
    expect(() => checkInt("gen", "n", 0, 1, 10)).toThrow(/gen: n must be an integer in \[1, 10\], got 0/);
    expect(() => checkInt("gen", "n", 2.5, 1)).toThrow(/n must be an integer in \[1, ∞\), got 2.5/);
    expect(() => checkInt("gen", "n", "3", 1)).toThrow(/got "3"/);
  });
  it("checkNumber handles open lower bounds and non-finite values", () => {
    expect(checkNumber("g", "r", 0, 0, 1)).toBe(0);
    expect(() => checkNumber("g", "r", 0, 0, 1, true)).toThrow(/r must be a number in \(0, 1\], got 0/);
    expect(() => checkNumber("g", "r", Number.NaN)).toThrow(/r must be a finite number, got NaN/);
    expect(() => checkNumber("g", "r", 2, 0, 1)).toThrow(/\[0, 1\]/);
  });
  it("checkOneOf and checkBoolean list what is allowed", () => {
    expect(checkOneOf("g", "set", "a", ["a", "b"] as const)).toBe("a");
    expect(() => checkOneOf("g", "set", "c", ["a", "b"] as const)).toThrow(
      /set must be one of "a", "b", got "c"/,
    );
    expect(checkBoolean("g", "f", true)).toBe(true);
    expect(() => checkBoolean("g", "f", 1)).toThrow(/f must be true or false/);
  });
  it("show shortens long values", () => {
    expect(show("x".repeat(100)).length).toBe(60);
    expect(show([1, 2])).toBe("[1,2]");
    expect(show(undefined)).toBe("undefined");
  });
});

describe("normalizeLabels", () => {
  const at = (i: number) => `row ${i}`;
  it("keeps ±1 and converts 0/1", () => {
    expect(Array.from(normalizeLabels([1, -1, 1], at).y)).toEqual([1, -1, 1]);
    expect(normalizeLabels([1, -1], at).coding).toBe("pm1");
    const r = normalizeLabels([0, 1, 0], at);
    expect(Array.from(r.y)).toEqual([-1, 1, -1]);
    expect(r.coding).toBe("01");
    expect(normalizeLabels([1, 1], at).coding).toBe("pm1");
  });
  it("rejects non-binary labels and mixed codings, naming the place", () => {
    expect(() => normalizeLabels([1, 2], at)).toThrow(/row 1: label 2 is not binary/);
    expect(() => normalizeLabels([1, 0.5], at)).toThrow(/row 1: label 0.5/);
    expect(() => normalizeLabels([0, 1, -1], at)).toThrow(
      /row 2: label -1 mixes codings with label 0 at row 0/,
    );
    expect(() => normalizeLabels([-1, 0], at)).toThrow(/row 1: label 0 mixes codings with label -1 at row 0/);
  });
  it("alternatingLabels starts at +1", () => {
    expect(Array.from(alternatingLabels(3))).toEqual([1, -1, 1]);
  });
});
