import { describe, expect, it } from "vitest";
import { BUILTIN_SWEEPS, builtinSweep } from "../../src/sweep/builtins.js";
import { checkAxisValues, planSweep, pointConfig } from "../../src/sweep/expand.js";
import { contentHash } from "../../src/sweep/hash.js";
import { runPoint } from "../../src/sweep/run-point.js";

describe("built-in sweeps", () => {
  it("are valid specs whose every axis value validates", () => {
    for (const b of BUILTIN_SWEEPS) {
      const plan = planSweep(builtinSweep(b.name));
      expect(plan.pointCount).toBeGreaterThan(1);
      checkAxisValues(plan);
    }
    expect(() => builtinSweep("nope")).toThrow(/built-ins: failure/);
  });

  it("failure: (a0, b0) land in the explicit weights; a wrong start beyond the separatrix fails", () => {
    const plan = planSweep(builtinSweep("failure"));
    const run = (a0: number, b0: number) => {
      for (let i = 0; i < plan.pointCount; i++) {
        const p = plan.pointAt(i);
        if (Math.abs((p.values[0] as number) - a0) < 1e-9 && Math.abs((p.values[1] as number) - b0) < 1e-9) {
          const config = pointConfig(plan, p, 0);
          expect(config.init.scheme === "explicit" && config.init.weights).toEqual([
            { W: [[a0]] },
            { W: [[b0]] },
          ]);
          return runPoint({
            ...p,
            seedIndex: 0,
            config,
            configHash: contentHash(config),
            keep: plan.spec.keep,
          });
        }
      }
      throw new Error("point not found");
    };
    expect(run(0.525, -0.5).scalars.error).toBe(0); // a0 > |b0|: recovers
    expect(run(0.475, -0.5).scalars.error).toBe(1); // b0 < −a0: fails
    expect(run(-0.025, 1).scalars.error).toBe(1); // a0 ≤ 0: dead
  });

  it("time-to-learn derives the target loss from the frequency", () => {
    const plan = planSweep(builtinSweep("time-to-learn"));
    const c = pointConfig(plan, plan.pointAt(0), 0);
    const p = (c.data as { features: { frequency: number }[] }).features[0].frequency;
    const expected = Math.log(2) - p * (Math.log(2) - Math.log(1 + Math.exp(-1)));
    expect(c.train.stop.targetLoss).toBeCloseTo(expected, 10);
  });
});
