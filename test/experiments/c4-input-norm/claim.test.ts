import { describe, expect, it } from "vitest";
import { c4Experiment } from "../../../src/experiments/c4-input-norm/claim.js";
import { measureFlipTimes } from "../../../src/experiments/c4-input-norm/flip-times.js";
import { C4_SETTINGS } from "../../../src/experiments/c4-input-norm/settings.js";

describe("C4: input norm sets the speed", () => {
  it("P3: t* = ln((a0+|b0|)/(a0−|b0|))/‖x‖ with log–log slope −1 (other norms, ratio, label)", () => {
    const f = measureFlipTimes({ norms: [0.3, 0.9, 2.7, 6], a0: 0.004, b0: -0.0026, lr: 0.002 });
    expect(Math.abs(f.slope + 1)).toBeLessThan(0.005);
    expect(f.maxRelErrorClosed).toBeLessThan(2e-3);
    f.measured.forEach((t, k) => {
      expect(t).toBeCloseTo(Math.log(0.0066 / 0.0014) / f.norms[k], 2);
    });
    // y = −1 mirrors: b0 > 0 is the wrong sign.
    const g = measureFlipTimes({ norms: [0.5, 2], a0: 0.01, b0: 0.003, y: -1, lr: 0.002 });
    expect(g.maxRelErrorClosed).toBeLessThan(2e-3);
  });

  it("P3: independent of the init scale for small init; the exact flow time holds at large init", () => {
    const small = [1e-3, 1e-2].map((eps) =>
      measureFlipTimes({ norms: [0.7, 2.2], a0: eps, b0: -0.35 * eps }),
    );
    small[0].measured.forEach((t, k) => {
      expect(Math.abs(t / small[1].measured[k] - 1)).toBeLessThan(1e-3);
    });
    const large = measureFlipTimes({ norms: [0.7, 2.2], a0: 1.5, b0: -0.6, lr: 0.002 });
    expect(large.maxRelErrorClosed).toBeGreaterThan(0.05);
    expect(large.maxRelErrorExact).toBeLessThan(0.01);
  });

  it("runs at reduced size with every check passing", () => {
    const s = {
      ...C4_SETTINGS.default,
      norms: [0.3, 1, 3],
      ratios: [0.3, 0.6],
      scales: [1e-3, 1e-2, 0.5],
      smallScaleMax: 0.01,
      limitScales: [0.5],
      largeLrs: [0.2],
    };
    const res = c4Experiment.runWith(s, { seed: 1 });
    expect(res.checks.filter((c) => !c.pass)).toEqual([]);
    expect(res.figures.length).toBe(2);
  });
});
