import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/dataset.js";
import { featureMixture } from "../../src/data/feature-mixture.js";
import { applyStandardization, fitStandardization, standardizeBundle } from "../../src/data/standardize.js";
import { Rng } from "../../src/engine/rng.js";

const data: Dataset = {
  name: "s",
  n: 4,
  d: 2,
  x: Float64Array.from([1, 5, 3, 5, 5, 5, 7, 5]),
  y: Float64Array.from([1, -1, 1, -1]),
};

describe("standardize", () => {
  it("centers and scales to zero mean, unit std; constant columns keep scale 1", () => {
    const s = fitStandardization(data);
    expect(Array.from(s.mean)).toEqual([4, 5]);
    expect(s.scale[0]).toBeCloseTo(Math.sqrt(5), 14);
    expect(s.scale[1]).toBe(1);
    const out = applyStandardization(data, s);
    let m = 0;
    let v = 0;
    for (let i = 0; i < 4; i++) m += out.x[2 * i];
    for (let i = 0; i < 4; i++) v += out.x[2 * i] ** 2;
    expect(m).toBeCloseTo(0, 14);
    expect(v / 4).toBeCloseTo(1, 14);
    expect(out.x[1]).toBe(0);
    expect(data.x[0]).toBe(1); // input untouched
  });

  it("center-only keeps feature directions; scaling drops them", () => {
    const { train } = featureMixture(
      { n: 20, features: [{ name: "A" }, { name: "B", frequency: 0.3 }] },
      new Rng(1),
    );
    const centered = applyStandardization(train, fitStandardization(train, { scale: false }));
    expect(centered.features).toBeDefined();
    expect(centered.featureMask).toBeDefined();
    const scaled = applyStandardization(train, fitStandardization(train));
    expect(scaled.features).toBeUndefined();
    expect(Array.from(fitStandardization(train, { center: false, scale: false }).mean)).toEqual([0, 0]);
  });

  it("standardizeBundle fits on train and applies to tests", () => {
    const b = featureMixture({ n: 20, nTest: 10 }, new Rng(2));
    const s = standardizeBundle(b);
    const fit = fitStandardization(b.train);
    const expected = (b.tests.all.x[0] - fit.mean[0]) / fit.scale[0];
    expect(s.tests.all.x[0]).toBe(expected);
    expect(() => applyStandardization({ ...data, d: 1, x: Float64Array.from([1, 2, 3, 4]) }, fit)).toThrow(
      /d = 1/,
    );
  });
});
