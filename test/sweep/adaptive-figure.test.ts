import { describe, expect, it } from "vitest";
import { refineAdaptive } from "../../src/sweep/adaptive.js";
import { adaptiveFigure } from "../../src/sweep/adaptive-figure.js";

describe("adaptiveFigure", () => {
  it("draws every point by outcome, the boundary cells on the line, and the theory dashed", async () => {
    const r = await refineAdaptive(
      {
        bounds: [
          [-1, 1],
          [-1, 1],
        ],
        initial: 4,
        resolution: 2 / 32,
        replicates: 2,
      },
      (pts) =>
        pts.map((p) => {
          const s = (p.coords[0] as number) + (p.coords[1] as number);
          // Exactly on the line the two seeds disagree: those points are "mixed".
          return s === 0 ? (p.replicate === 0 ? "alive" : "dead") : s > 0 ? "alive" : "dead";
        }),
    );
    const f = adaptiveFigure(r, {
      title: "failure",
      axes: ["a₀", "b₀"],
      theory: [{ slope: -1, intercept: 0, label: "theory: b = −a" }],
    });
    const pts = f.figure.data.filter((d) => d.layer === "point");
    const boundary = pts.filter((d) => d.category === "boundary");
    expect(pts.length).toBe(r.points.length + boundary.length);
    expect(boundary.length).toBeGreaterThan(10);
    for (const b of boundary)
      expect(Math.abs((b.x as number) + (b.y as number))).toBeLessThanOrEqual(2 / 32 + 1e-12);
    expect(pts.some((d) => d.category === "mixed")).toBe(true);
    expect(JSON.stringify(f.figure.spec)).toContain("theory: b = −a");
    expect(f.figure.spec).toMatchObject({ title: { subtitle: expect.stringContaining(`${r.runs} runs`) } });
  });
});
