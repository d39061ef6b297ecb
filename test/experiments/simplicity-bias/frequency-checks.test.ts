import { describe, expect, it } from "vitest";
import type { FfSetting } from "../../../src/experiments/simplicity-bias/frequency.js";
import {
  ffChecks,
  measuredReliance,
  predictedReliance,
} from "../../../src/experiments/simplicity-bias/frequency-checks.js";
import { SB_SETTINGS } from "../../../src/experiments/simplicity-bias/settings.js";

const s = SB_SETTINGS.default;
const setting = (rho: number, aRandomized: number, bRandomized: number): FfSetting => ({
  p: 0.5,
  rB: 2 * rho,
  rho,
  seeds: [0, 1, 2].map(() => ({ test: 1, aRandomized, bRandomized })),
});

describe("frequency-half checks", () => {
  it("predicts reliance on A below ρ = 1 and on B above it", () => {
    expect(predictedReliance(0.99)).toBe("A");
    expect(predictedReliance(1.01)).toBe("B");
    expect(measuredReliance(setting(0.5, 0.5, 1))).toBe("A");
    expect(measuredReliance(setting(0.5, 1, 0.5))).toBe("B");
  });
  it("passes the predicted outcome, and turns the opposite one into a finding with its numbers", () => {
    const ok = ffChecks([setting(0.5, 0.5, 1)], s);
    expect(ok.map((c) => c.pass)).toEqual([true, true, true]);
    const swapped = ffChecks([setting(0.9, 1, 0.51)], s);
    expect(swapped.map((c) => c.pass)).toEqual([true, false, false]);
    expect(swapped[1].finding).toMatch(/relies on B, not on A.*ρ·r_B\/r_A = 1\.6/);
  });
  it("a net that uses neither feature (both shuffles at the test accuracy's chance) fails without a finding", () => {
    const c = ffChecks(
      [{ ...setting(0.5, 0.5, 0.5), seeds: [{ test: 0.5, aRandomized: 0.5, bRandomized: 0.5 }] }],
      s,
    );
    expect(c[0].pass).toBe(false);
    expect(c.every((k) => !k.finding)).toBe(true);
  });
});
