import { describe, expect, it } from "vitest";
import type { RunConfig } from "../../src/config/run-config.js";
import { stopCondition } from "../../src/train/stop.js";

const stop = (o: Partial<RunConfig["train"]["stop"]>): RunConfig["train"]["stop"] => ({
  targetLoss: null,
  targetError: null,
  plateau: null,
  divergeAbove: 1e15,
  ...o,
});
const rec = (step: number, loss: number, error = 0.5) => ({ step, t: step, loss, error });

describe("stop conditions", () => {
  it("divergence, targets, plateau; null to go on", () => {
    expect(stopCondition(stop({}), rec(3, Number.NaN), [], 3)?.status).toBe("diverged");
    expect(stopCondition(stop({}), rec(3, 2e15), [], 3)?.reason).toMatch(/limit 1000000000000000/);
    expect(stopCondition(stop({ targetLoss: 0.1 }), rec(4, 0.05), [], 4)?.status).toBe("stopped");
    expect(stopCondition(stop({ targetError: 0 }), rec(4, 1, 0), [], 4)?.reason).toMatch(/target error/);
    const plateau = stop({ plateau: { window: 10, minRelativeDecrease: 0.01 } });
    const history = [rec(0, 1), rec(5, 0.999)];
    expect(stopCondition(plateau, rec(10, 0.995), history, 10)?.reason).toMatch(/plateau/);
    expect(stopCondition(plateau, rec(10, 0.9), history, 10)).toBeNull();
    expect(stopCondition(stop({}), rec(1, 0.3), [], 1)).toBeNull();
  });
});
