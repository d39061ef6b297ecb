import { describe, expect, it } from "vitest";
import { contourLines } from "../../src/figures/contour.js";

function sample(f: (x: number, y: number) => number, n: number, lo: number, hi: number) {
  const x = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
  const y = x.slice();
  const values: number[] = [];
  for (const yj of y) for (const xi of x) values.push(f(xi, yj));
  return { x, y, values };
}

function area(line: { x: number; y: number }[]): number {
  let s = 0;
  for (let i = 0; i + 1 < line.length; i++) s += line[i].x * line[i + 1].y - line[i + 1].x * line[i].y;
  return Math.abs(s) / 2;
}

describe("contourLines", () => {
  it("finds the unit circle as one closed curve of radius ≈ 1 and area ≈ π", () => {
    const grid = sample((x, y) => x * x + y * y - 1, 81, -2, 2);
    const lines = contourLines(grid, 0);
    expect(lines).toHaveLength(1);
    const line = lines[0];
    expect(line.length).toBeGreaterThan(50);
    expect(line[0]).toEqual(line[line.length - 1]);
    for (const p of line) expect(Math.abs(Math.hypot(p.x, p.y) - 1)).toBeLessThan(2e-3);
    expect(area(line)).toBeCloseTo(Math.PI, 2);
  });

  it("finds other levels (radius 1.5 at level 1.25)", () => {
    const lines = contourLines(
      sample((x, y) => x * x + y * y - 1, 81, -2, 2),
      1.25,
    );
    expect(lines).toHaveLength(1);
    for (const p of lines[0]) expect(Math.abs(Math.hypot(p.x, p.y) - 1.5)).toBeLessThan(3e-3);
  });

  it("returns an open curve from boundary to boundary for a straight line", () => {
    const lines = contourLines(
      sample((x, y) => y - 0.5 * x - 0.1, 21, -1, 1),
      0,
    );
    expect(lines).toHaveLength(1);
    const line = lines[0];
    for (const p of line) expect(p.y).toBeCloseTo(0.5 * p.x + 0.1, 10);
    const xs = line.map((p) => p.x).sort((a, b) => a - b);
    expect(xs[0]).toBeCloseTo(-1, 10);
    expect(xs[xs.length - 1]).toBeCloseTo(1, 10);
  });

  it("separates two circles, resolves saddles, and skips NaN cells", () => {
    const two = (x: number, y: number) => Math.min((x + 1) ** 2 + y * y, (x - 1) ** 2 + y * y) - 0.25;
    expect(contourLines(sample(two, 81, -2, 2), 0)).toHaveLength(2);
    // f = x·y has a saddle at the origin: the zero set is the two axes; no segment may cross a quadrant.
    const lines = contourLines(
      sample((x, y) => x * y, 4, -1.5, 1.5),
      0,
    );
    for (const line of lines)
      for (const p of line) expect(Math.min(Math.abs(p.x), Math.abs(p.y))).toBeLessThan(1e-12);
    const g = sample((x, y) => x * x + y * y - 1, 41, -2, 2);
    g.values = g.values.map(() => Number.NaN);
    expect(contourLines(g, 0)).toEqual([]);
  });

  it("rejects a grid whose sizes do not match", () => {
    expect(() => contourLines({ x: [0, 1], y: [0, 1], values: [1, 2, 3] })).toThrow(/expected nx × ny/);
  });
});
