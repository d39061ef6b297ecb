import { describe, expect, it } from "vitest";
import { boundaryCells, refineAdaptive } from "../../src/sweep/adaptive.js";
import { sweepEvaluator } from "../../src/sweep/adaptive-sweep.js";
import { builtinSweep } from "../../src/sweep/builtins.js";
import type { PointResult } from "../../src/sweep/run-point.js";

const learned = (r: PointResult) =>
  r.status === "failed" ? "error" : r.scalars.error === 0 ? "learned" : "failed";

describe("sweepEvaluator on the failure built-in (C3)", () => {
  it("finds the separatrix b0 = −a0 within the stated resolution, training the real one-unit runs", async () => {
    const spec = builtinSweep("failure");
    const resolution = 1 / 32;
    const r = await refineAdaptive(
      {
        bounds: [
          [0.1, 1.1],
          [-1.2, -0.2],
        ],
        initial: 4,
        resolution,
      },
      sweepEvaluator(spec, { outcome: learned }),
    );
    const outcomes = new Set(r.points.flatMap((p) => p.outcomes));
    expect(outcomes).toEqual(new Set(["learned", "failed"]));
    const edge = boundaryCells(r);
    expect(edge.length).toBeGreaterThan(20);
    // Theory (THEORY §4): fails iff b0 < −a0 here (a0 > 0). Each boundary cell's centre within the resolution.
    const far = edge.filter((c) => {
      const a = 0.1 + ((c.lo[0] as number) + 0.5) * (r.spacing[0] as number);
      const b = -1.2 + ((c.lo[1] as number) + 0.5) * (r.spacing[1] as number);
      return Math.abs(a + b) / Math.SQRT2 > resolution;
    });
    expect(far).toEqual([]);
    // The full 33 × 33 grid is 1,089 runs; the refinement trained 232 (57 boundary cells at 1/32).
    expect(r.fullGridRuns).toBe(33 * 33);
    expect(r.runs).toBeLessThan(r.fullGridRuns / 3);
  });

  it("says how many coordinates the sweep needs", async () => {
    const evaluate = sweepEvaluator(builtinSweep("failure"), { outcome: learned });
    await expect(refineAdaptive({ bounds: [[0, 1]], initial: 1, resolution: 1 }, evaluate)).rejects.toThrow(
      /1 coordinates for 2 axes/,
    );
  });
});
