import { describe, expect, it } from "vitest";
import { contourLines } from "../../../src/figures/contour.js";
import { arcDeviation, boundaryDeviation, resample } from "../../../src/kit/measure/boundary-curvature.js";

const arc = (R: number, alpha: number, k = 2000) =>
  Array.from({ length: k + 1 }, (_, i) => {
    const t = -alpha + (2 * alpha * i) / k;
    return { x: 3 + R * Math.cos(t), y: -1 + R * Math.sin(t) };
  });

describe("boundary deviation from a straight line", () => {
  it("a straight line (any direction, in pieces) gives 0", () => {
    const line = Array.from({ length: 11 }, (_, i) => ({ x: 0.3 * i, y: 1 - 0.7 * i }));
    const d = boundaryDeviation([line.slice(0, 6), line.slice(5)]);
    expect(d.rms).toBeLessThan(1e-12);
    expect(d.fractionAbove).toBe(0);
    expect(Math.abs(d.line.direction.x * 0.7 + d.line.direction.y * 0.3)).toBeLessThan(1e-12);
    expect(d.length).toBeCloseTo(10 * Math.hypot(0.3, 0.7), 1);
  });

  it("a circular arc gives R·√(½ + sin 2α/(4α) − (sin α/α)²)", () => {
    for (const [R, alpha] of [
      [1, 0.5],
      [2, 1],
      [0.5, Math.PI / 2],
    ]) {
      const d = boundaryDeviation([arc(R, alpha)], { step: 0.001 });
      expect(d.rms).toBeCloseTo(arcDeviation(R, alpha), 4);
    }
    // Small α: the sagitta-based expansion R α²·(2/(3√5))/… ≈ R α² · 0.0894 (deviation ∝ α²).
    expect(arcDeviation(1, 0.1) / arcDeviation(1, 0.2)).toBeCloseTo(0.25, 2);
    // The full circle (α = π): no direction is preferred, the distance is R/√2.
    expect(arcDeviation(1, Math.PI)).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it("only the part inside the box counts; δ sets the fraction", () => {
    const lines = [arc(1, 1.2)];
    const all = boundaryDeviation(lines, { delta: 0.05 });
    const clipped = boundaryDeviation(lines, { box: { xMin: 3.9, xMax: 5, yMin: -2, yMax: 0 } });
    expect(clipped.length).toBeLessThan(all.length);
    expect(clipped.rms).toBeLessThan(all.rms);
    expect(all.fractionAbove).toBeGreaterThan(0.3);
    expect(resample(lines, 0.01).length).toBeCloseTo(240, -1);
  });

  it("works on the zero contour of a sampled function (a parabola bends, a plane does not)", () => {
    const xs = Array.from({ length: 61 }, (_, i) => -1.5 + (3 * i) / 60);
    const plane = xs.flatMap((y) => xs.map((x) => x - 0.2 * y));
    const bowl = xs.flatMap((y) => xs.map((x) => x - 0.5 * y * y));
    expect(boundaryDeviation(contourLines({ x: xs, y: xs, values: plane }, 0)).rms).toBeLessThan(1e-9);
    expect(boundaryDeviation(contourLines({ x: xs, y: xs, values: bowl }, 0)).rms).toBeGreaterThan(0.1);
  });
});
