import { describe, expect, it } from "vitest";
import { directionTo } from "../../src/probes/direction.js";

describe("directionTo", () => {
  it("measures the angle and the chord between unit vectors", () => {
    const d = directionTo([1, 1], [2, 0]);
    expect(d.angle).toBeCloseTo(Math.PI / 4, 14);
    expect(d.cosine).toBeCloseTo(Math.SQRT1_2, 14);
    expect(d.gap).toBeCloseTo(2 * Math.sin(Math.PI / 8), 14);
  });
  it("keeps tiny angles accurate where acos would not", () => {
    const e = 1e-9;
    expect(directionTo([1, e], [1, 0]).angle).toBeCloseTo(e, 20);
    expect(directionTo([-1, 0], [1, 0]).angle).toBeCloseTo(Math.PI, 12);
  });
  it("refuses zero vectors and length mismatches", () => {
    expect(() => directionTo([0, 0], [1, 0])).toThrow(/non-zero/);
    expect(() => directionTo([1], [1, 0])).toThrow(/entries/);
  });
});
