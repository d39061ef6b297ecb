import { describe, expect, it } from "vitest";
import { closedFormSpectrum, linearRegressionRun } from "./second-order-helpers.js";

describe("sharpness probe", () => {
  it("records λ_max(XᵀX), the top 3 and η·λ_max for least squares, at every record", () => {
    const { result, x } = linearRegressionRun({ include: ["sharpness"], secondOrder: { topK: 3 } });
    const want = closedFormSpectrum(x);
    expect(result.history.length).toBe(5);
    for (const rec of result.history) {
      expect(Math.abs((rec.sharpness as number) - want[0])).toBeLessThan(1e-10 * want[0]);
      expect(rec.lrSharpness).toBeCloseTo(0.01 * want[0], 12);
      expect(rec.sharpnessConverged).toBe(1);
      for (const [j, v] of (rec.hessianTop as number[]).entries())
        expect(Math.abs(v - want[j])).toBeLessThan(1e-9 * want[0]);
    }
  });

  it("adds coupled weight decay λ to every eigenvalue, and warm starts need fewer products", () => {
    const { result, x } = linearRegressionRun(
      { include: ["sharpness"] },
      { optimizer: { kind: "gd", lr: 0.01, weightDecay: 0.25 } },
    );
    const want = closedFormSpectrum(x)[0] + 0.25;
    expect(Math.abs((result.history[0].sharpness as number) - want)).toBeLessThan(1e-10 * want);
    const matvecs = result.history.map((r) => r.hessianMatvecs as number);
    expect(Math.max(...matvecs.slice(1))).toBeLessThanOrEqual(matvecs[0]);
  });

  it("measures only every k-th record with secondOrder.every", () => {
    const { result } = linearRegressionRun({ include: ["sharpness"], secondOrder: { every: 2 } });
    expect(result.history.map((r) => "sharpness" in r)).toEqual([true, false, true, false, true]);
  });
});
