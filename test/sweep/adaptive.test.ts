import { describe, expect, it } from "vitest";
import { type AdaptivePoint, boundaryCells, refineAdaptive } from "../../src/sweep/adaptive.js";

/** The failure separatrix of the one-unit model, b = −a, as a synthetic outcome: above it the unit lives. */
const separatrix = (pts: AdaptivePoint[]) =>
  pts.map((p) => ((p.coords[0] as number) + (p.coords[1] as number) > 0 ? "alive" : "dead"));

describe("refineAdaptive", () => {
  it("finds the line b = −a within the stated resolution with far fewer runs than the fine grid", async () => {
    const resolution = 2 / 256;
    const r = await refineAdaptive(
      {
        bounds: [
          [-1, 1],
          [-1.3, 0.7],
        ],
        initial: 8,
        resolution,
      },
      separatrix,
    );
    expect(r.fineCells).toEqual([256, 256]);
    expect(r.fullGridRuns).toBe(257 * 257);
    const edge = boundaryCells(r);
    expect(edge.length).toBeGreaterThan(200);
    // Every finest boundary cell lies within the resolution of the true line (its centre within a half diagonal).
    for (const c of edge) {
      expect(c.size).toBe(1);
      const a = -1 + ((c.lo[0] as number) + 0.5) * (r.spacing[0] as number);
      const b = -1.3 + ((c.lo[1] as number) + 0.5) * (r.spacing[1] as number);
      expect(Math.abs(a + b) / Math.SQRT2).toBeLessThanOrEqual(resolution);
    }
    // And the true line is covered: each point of it lies in (or on the edge of) some boundary cell.
    for (let a = -1; a <= 0.7 + 1e-9; a += 0.01) {
      const b = -a;
      if (b < -1.3 || b > 0.7) continue;
      const ia = (a + 1) / (r.spacing[0] as number);
      const ib = (b + 1.3) / (r.spacing[1] as number);
      const hit = edge.some(
        (c) =>
          ia >= (c.lo[0] as number) - 1e-9 &&
          ia <= (c.lo[0] as number) + 1 + 1e-9 &&
          ib >= (c.lo[1] as number) - 1e-9 &&
          ib <= (c.lo[1] as number) + 1 + 1e-9,
      );
      expect(hit, `a=${a}`).toBe(true);
    }
    // 66,049 runs for the full 257 × 257 grid; the refinement needs 1,770 (37× fewer): 81 coarse corners,
    // then ~5 new points per boundary cell per level along a line of ~256 finest cells.
    expect(r.runs).toBeLessThanOrEqual(2000);
    expect(r.runs).toBe(r.points.length);
  });

  it("runs every lattice point once, however many cells share it", async () => {
    const seen = new Set<string>();
    const r = await refineAdaptive(
      {
        bounds: [
          [0, 1],
          [0, 1],
        ],
        initial: 4,
        resolution: 1 / 64,
      },
      (pts) =>
        pts.map((p) => {
          const key = p.coords.join(",");
          expect(seen.has(key)).toBe(false);
          seen.add(key);
          return (p.coords[0] as number) ** 2 + (p.coords[1] as number) ** 2 < 0.5 ? "in" : "out";
        }),
    );
    expect(seen.size).toBe(r.runs);
    expect(r.cells.filter((c) => c.refined).every((c) => c.reason === "corners-differ")).toBe(true);
  });

  it("refines in 3-D around a sphere", async () => {
    const radius = 0.6;
    const r = await refineAdaptive(
      {
        bounds: [
          [-1, 1],
          [-1, 1],
          [-1, 1],
        ],
        initial: 4,
        resolution: 2 / 32,
      },
      (pts) => pts.map((p) => (Math.hypot(...p.coords) < radius ? "in" : "out")),
    );
    const h = r.spacing[0] as number;
    for (const c of boundaryCells(r)) {
      const centre = c.lo.map((k) => -1 + (k + 0.5) * h);
      expect(Math.abs(Math.hypot(...centre) - radius)).toBeLessThanOrEqual((h * Math.sqrt(3)) / 2 + 1e-12);
    }
    expect(r.runs).toBeLessThan(r.fullGridRuns / 2);
  });

  it("treats a point whose seeds disagree as on the boundary", async () => {
    // Outcome noisy within 0.05 of the line: replicates there disagree, so the band is refined.
    const noisy = (pts: AdaptivePoint[]) =>
      pts.map((p) => {
        const s = (p.coords[0] as number) + (p.coords[1] as number);
        const jitter = Math.abs(s) < 0.05 ? (p.replicate % 2 === 0 ? 0.06 : -0.06) : 0;
        return s + jitter > 0 ? "alive" : "dead";
      });
    const r = await refineAdaptive(
      {
        bounds: [
          [-1, 1],
          [-1, 1],
        ],
        initial: 8,
        resolution: 2 / 64,
        replicates: 3,
      },
      noisy,
    );
    expect(r.runs).toBe(3 * r.points.length);
    expect(r.cells.some((c) => c.reason === "replicates-differ")).toBe(true);
    for (const c of boundaryCells(r)) {
      const a = -1 + ((c.lo[0] as number) + 0.5) * (r.spacing[0] as number);
      const b = -1 + ((c.lo[1] as number) + 0.5) * (r.spacing[1] as number);
      expect(Math.abs(a + b)).toBeLessThanOrEqual(0.05 + 2 * (r.spacing[0] as number));
    }
  });

  it("refuses bad options with what to give instead", async () => {
    await expect(
      refineAdaptive({ bounds: [[1, 0]], initial: 2, resolution: 0.1 }, separatrix),
    ).rejects.toThrow(/low < high/);
    await expect(
      refineAdaptive({ bounds: [[0, 1]], initial: 0, resolution: 0.1 }, separatrix),
    ).rejects.toThrow(/initial/);
    await expect(
      refineAdaptive({ bounds: [[0, 1]], initial: 2, resolution: [0.1, 0.1] }, separatrix),
    ).rejects.toThrow(/one per axis/);
    await expect(refineAdaptive({ bounds: [[0, 1]], initial: 2, resolution: 0.1 }, () => [])).rejects.toThrow(
      /returned 0 outcomes/,
    );
  });

  it("takes coarse cells per axis, gives each point its lattice indices, and shows each level's cells", async () => {
    const levels: { level: number; cells: number }[] = [];
    const r = await refineAdaptive(
      {
        bounds: [
          [0, 3],
          [0, 1],
        ],
        initial: [3, 1],
        resolution: 0.25,
      },
      (pts) =>
        pts.map((p) => {
          // The lattice indices are the coordinates in units of the spacing (0.25 on both axes).
          expect(p.coords).toEqual(p.lattice.map((k) => k * 0.25));
          return (p.coords[0] as number) > 1.6 ? "right" : "left";
        }),
      (cells, level) => {
        levels.push({ level, cells: cells.length });
      },
    );
    expect(r.fineCells).toEqual([12, 4]);
    expect(levels[0]).toEqual({ level: 0, cells: 3 });
    expect(levels.map((l) => l.level)).toEqual([0, 1, 2]);
    expect(levels.reduce((a, l) => a + l.cells, 0)).toBe(r.cells.length);
    // The boundary x = 1.6 lies in the middle coarse cell, so only it is split: 1 → 4 → 8 cells.
    expect(levels.map((l) => l.cells)).toEqual([3, 4, 8]);
    await expect(
      refineAdaptive({ bounds: [[0, 1]], initial: [1, 2], resolution: 0.5 }, () => []),
    ).rejects.toThrow(/initial has 2 entries for 1 axes/);
  });
});
