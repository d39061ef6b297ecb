import { describe, expect, it } from "vitest";
import { contourLines } from "../../../src/figures/contour.js";
import { distanceToLines, inputMargin } from "../../../src/kit/measure/boundary-margin.js";

describe("input-space margin of a boundary", () => {
  it("distance to a polyline: perpendicular inside a segment, to the end point past it", () => {
    const line = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 1 },
    ];
    expect(distanceToLines({ x: 0.5, y: -0.3 }, [line])).toBeCloseTo(0.3, 14);
    expect(distanceToLines({ x: -0.3, y: -0.4 }, [line])).toBeCloseTo(0.5, 14);
    expect(distanceToLines({ x: 1.2, y: 0.5 }, [line])).toBeCloseTo(0.2, 14);
    expect(distanceToLines({ x: 0, y: 0 }, [])).toBe(Number.POSITIVE_INFINITY);
  });

  it("the line x₁ = 0 from a grid's contour: the margin is the nearest point's |x₁|, negative when misclassified", () => {
    const coords = Array.from({ length: 21 }, (_, i) => -1 + i / 10);
    const values = coords.flatMap(() => coords.map((c) => -c)); // f = −x₁: class +1 at x₁ < 0
    const lines = contourLines({ x: coords, y: coords, values }, 0);
    const y = [1, -1, -1];
    const logitsOf = (x: number[]) => y.map((_, i) => -x[2 * i]);
    const x = [-0.3, 0.2, 0.45, -0.7, 0.12, 0.5];
    expect(inputMargin(lines, x, y, logitsOf(x))).toBeCloseTo(0.12, 12);
    // The third point moved across the line to x₁ = −0.2: classified wrong, at distance 0.2.
    const moved = [-0.3, 0.2, 0.45, -0.7, -0.2, 0.5];
    expect(inputMargin(lines, moved, y, logitsOf(moved))).toBeCloseTo(-0.2, 12);
    expect(() => inputMargin(lines, [0, 0, 1], [1, 1], [1, 1])).toThrow(/n × 2 points/);
  });
});
