import { describe, expect, it } from "vitest";
import { gridMixture, ringMixture, sampleMixture } from "../../src/data/gaussian-mixtures.js";
import { Rng } from "../../src/engine/rng.js";
import { modeMetrics } from "../../src/gan/mode-metrics.js";

describe("mode metrics (VEEGAN/PacGAN protocol)", () => {
  it("samples of the true mixture: every mode, ~99 % high quality, KL near 0", () => {
    const m = gridMixture();
    const pts = sampleMixture(m, 2500, new Rng(1));
    const r = modeMetrics(m, pts, 2500);
    expect(r.modesCaptured).toBe(25);
    // P(|N(0, I₂)| < 3) = 1 − e^{−4.5} ≈ 0.989
    expect(r.highQuality).toBeGreaterThan(0.98);
    expect(r.kl).toBeLessThan(0.02);
  });

  it("a generator collapsed on one mode: 1 mode, KL = ln K", () => {
    const m = ringMixture();
    const pts = new Float64Array(2 * 100);
    for (let i = 0; i < 100; i++) {
      pts[2 * i] = 2 + 0.01 * Math.sin(i);
      pts[2 * i + 1] = 0.01 * Math.cos(i);
    }
    const r = modeMetrics(m, pts, 100);
    expect(r.modesCaptured).toBe(1);
    expect(r.highQuality).toBe(1);
    expect(r.kl).toBeCloseTo(Math.log(8), 12);
  });

  it("3σ rule, minCount and the no-high-quality case", () => {
    const m = ringMixture();
    // one point at 2.9σ from mode 0, one at 3.1σ from mode 2, one far away
    const pts = [2 + 2.9 * 0.02, 0, 0, 2 + 3.1 * 0.02, 0, 0];
    const r = modeMetrics(m, pts, 3);
    expect(r.counts[0]).toBe(1);
    expect(r.counts[2]).toBe(0);
    expect(r.modesCaptured).toBe(1);
    expect(r.highQuality).toBeCloseTo(1 / 3, 12);
    expect(modeMetrics(m, pts, 3, { minCount: 2 }).modesCaptured).toBe(0);
    const none = modeMetrics(m, [0, 0, Number.NaN, 1], 2);
    expect(none.highQuality).toBe(0);
    expect(none.kl).toBeCloseTo(Math.log(8), 12);
  });
});
