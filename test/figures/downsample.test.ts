import { describe, expect, it } from "vitest";
import { downsample, downsampleIndices } from "../../src/figures/downsample.js";

describe("downsample", () => {
  const n = 100_000;
  const x = Float64Array.from({ length: n }, (_, i) => i);
  const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i / 5000));

  it("keeps a one-point spike, both endpoints, and at most maxPoints points", () => {
    const spiky = Float64Array.from(y);
    spiky[54_321] = 50;
    spiky[77_777] = -40;
    const idx = downsampleIndices(x, spiky, { maxPoints: 1000 });
    expect(idx.length).toBeLessThanOrEqual(1000);
    expect(idx.length).toBeGreaterThan(900);
    expect(idx).toContain(54_321);
    expect(idx).toContain(77_777);
    expect(idx[0]).toBe(0);
    expect(idx[idx.length - 1]).toBe(n - 1);
    for (let k = 1; k < idx.length; k++) expect(idx[k]).toBeGreaterThan(idx[k - 1]);
  });

  it("keeps the envelope: the max and min of the result equal those of the input", () => {
    const out = downsample(x, y, { maxPoints: 200 });
    expect(Math.max(...out.y)).toBe(Math.max(...y));
    expect(Math.min(...out.y)).toBe(Math.min(...y));
  });

  it("returns everything when there are few points, skipping non-finite ones", () => {
    const idx = downsampleIndices([0, 1, 2, 3, 4], [1, Number.NaN, 3, Number.POSITIVE_INFINITY, 5], {
      maxPoints: 10,
    });
    expect(idx).toEqual([0, 2, 4]);
  });

  it("with logX buckets evenly in log x, so the early decades keep their detail", () => {
    const t = Float64Array.from({ length: n }, (_, i) => (i + 1) * 1e-3); // 1e-3 … 1e2
    const v = Float64Array.from(t, (s) => Math.exp(-s));
    const lin = downsampleIndices(t, v, { maxPoints: 400 });
    const log = downsampleIndices(t, v, { maxPoints: 400, logX: true });
    const early = (idx: number[]) => idx.filter((i) => t[i] < 0.1).length;
    expect(early(log)).toBeGreaterThan(5 * early(lin));
    expect(log.length).toBeLessThanOrEqual(400);
    // logX drops x ≤ 0
    expect(downsampleIndices([0, 1, 2], [1, 2, 3], { logX: true })).toEqual([1, 2]);
  });

  it("rejects mismatched lengths and too small maxPoints", () => {
    expect(() => downsampleIndices([1, 2], [1], {})).toThrow(/equal length/);
    expect(() => downsampleIndices([1, 2], [1, 2], { maxPoints: 2 })).toThrow(/at least 4/);
  });
});
