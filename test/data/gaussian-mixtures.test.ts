import { describe, expect, it } from "vitest";
import { gridMixture, namedMixture, ringMixture, sampleMixture } from "../../src/data/gaussian-mixtures.js";
import { Rng } from "../../src/engine/rng.js";

describe("gaussian mixtures", () => {
  it("ring: 8 modes on a circle of radius 2, std 0.02", () => {
    const m = ringMixture();
    expect(m.modes).toBe(8);
    expect(m.std).toBe(0.02);
    for (let k = 0; k < 8; k++) expect(Math.hypot(m.means[2 * k], m.means[2 * k + 1])).toBeCloseTo(2, 12);
    // neighbours 45° apart
    const d = Math.hypot(m.means[0] - m.means[2], m.means[1] - m.means[3]);
    expect(d).toBeCloseTo(2 * 2 * Math.sin(Math.PI / 8), 12);
  });

  it("grid: 25 modes at {−4, −2, 0, 2, 4}², std 0.05 (PacGAN/VEEGAN spacing)", () => {
    const m = gridMixture();
    expect(m.modes).toBe(25);
    expect(m.std).toBe(0.05);
    const xs = new Set<number>();
    for (let k = 0; k < 25; k++) xs.add(m.means[2 * k]);
    expect([...xs].sort((a, b) => a - b)).toEqual([-4, -2, 0, 2, 4]);
    expect(namedMixture("grid").means).toEqual(m.means);
  });

  it("samples: seeded, equal weights, per-mode spread σ", () => {
    const m = ringMixture({ modes: 4, radius: 3, std: 0.1 });
    const n = 40000;
    const labels = new Int32Array(n);
    const a = sampleMixture(m, n, new Rng(7), undefined, labels);
    const b = sampleMixture(m, n, new Rng(7));
    expect(Array.from(a)).toEqual(Array.from(b));
    const counts = [0, 0, 0, 0];
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const k = labels[i];
      counts[k]++;
      sq += (a[2 * i] - m.means[2 * k]) ** 2 + (a[2 * i + 1] - m.means[2 * k + 1]) ** 2;
    }
    for (const c of counts) expect(Math.abs(c / n - 0.25)).toBeLessThan(0.01);
    expect(Math.sqrt(sq / (2 * n))).toBeCloseTo(0.1, 2);
  });

  it("rejects bad options with the field name", () => {
    expect(() => ringMixture({ radius: -1 })).toThrow(/radius/);
    expect(() => gridMixture({ side: 2.5 })).toThrow(/side/);
  });
});
