import { describe, expect, it } from "vitest";
import { LOSSES, type LossSpec, lossAndGradient } from "../../src/engine/loss.js";
import { lossObjective, pointCurvature, squaredObjective } from "../../src/engine/output-curvature.js";

describe("pointCurvature", () => {
  it("is the derivative of ∂ℓ/∂f (central differences) for every loss, away from the hinge's kink", () => {
    for (const kind of LOSSES) {
      const spec: LossSpec = { kind, reduction: "sum", margin: 1 };
      for (const f of [-3.1, -0.4, 0.2, 2.5]) {
        for (const y of [-1, 1]) {
          const h = 1e-5;
          const g = (x: number) => {
            const d = new Float64Array(1);
            lossAndGradient(spec, Float64Array.of(x), Float64Array.of(y), 1, d);
            return d[0];
          };
          const fd = (g(f + h) - g(f - h)) / (2 * h);
          expect(Math.abs(pointCurvature(spec, f, y) - fd)).toBeLessThan(1e-8);
        }
      }
    }
  });

  it("stays finite and positive for cross-entropy at huge margins", () => {
    const spec: LossSpec = { kind: "ce", reduction: "sum", margin: 1 };
    expect(pointCurvature(spec, 800, 1)).toBe(0);
    expect(pointCurvature(spec, 40, -1)).toBeGreaterThan(0);
    expect(Number.isFinite(pointCurvature(spec, -800, 1))).toBe(true);
  });
});

describe("lossObjective", () => {
  it("gives the trainer's gradient bits and scales the curvature by 1/n for mean", () => {
    const spec: LossSpec = { kind: "ce", reduction: "mean", margin: 1 };
    const f = Float64Array.of(0.3, -1.2, 2);
    const y = Float64Array.of(1, 1, -1);
    const want = new Float64Array(3);
    const loss = lossAndGradient(spec, f, y, 3, want);
    const got = new Float64Array(3);
    const obj = lossObjective(spec, y);
    expect(obj.gradient(f, 3, got)).toBe(loss);
    expect(Array.from(got)).toEqual(Array.from(want));
    const out = new Float64Array(3);
    obj.curvature(Float64Array.of(1, 1, 1), 3, out);
    expect(out[1]).toBeCloseTo(pointCurvature(spec, -1.2, 1) / 3, 15);
  });

  it("squaredObjective refuses too few targets", () => {
    expect(() =>
      squaredObjective(new Float64Array(3), 2).gradient(new Float64Array(4), 2, new Float64Array(4)),
    ).toThrow(/2 × 2 outputs but 3 targets/);
  });
});
