import { describe, expect, it } from "vitest";
import type { Dataset } from "../../src/data/dataset.js";
import {
  bundleWithInputFeatures,
  INPUT_FEATURES,
  planeFeatures,
  withInputFeatures,
} from "../../src/data/input-features.js";

const plane: Dataset = {
  name: "two points",
  n: 2,
  d: 2,
  x: Float64Array.from([1, 2, -0.5, 3]),
  y: Float64Array.from([1, -1]),
};

describe("input features of 2-D data", () => {
  it("computes each feature per point, in the order listed", () => {
    const all = planeFeatures(plane.x, 2, INPUT_FEATURES);
    expect(Array.from(all.subarray(0, 7))).toEqual([1, 2, 1, 4, 2, Math.sin(1), Math.sin(2)]);
    expect(Array.from(all.subarray(7))).toEqual([-0.5, 3, 0.25, 9, -1.5, Math.sin(-0.5), Math.sin(3)]);
    const crossed = withInputFeatures(plane, ["x1*x2", "x1"]);
    expect(crossed.d).toBe(2);
    expect(Array.from(crossed.x)).toEqual([2, 1, -1.5, -0.5]);
    expect(crossed.columns).toEqual(["x1*x2", "x1"]);
    expect(crossed.y).toBe(plane.y);
  });

  it("transforms the test sets too, and leaves a bundle alone without a list", () => {
    const bundle = { train: plane, tests: { test: plane } };
    expect(bundleWithInputFeatures(bundle, undefined)).toBe(bundle);
    const out = bundleWithInputFeatures(bundle, ["x1^2"]);
    expect(Array.from(out.tests.test.x)).toEqual([1, 0.25]);
  });

  it("refuses unknown or repeated names and data that is not 2-D, saying what to do", () => {
    expect(() => withInputFeatures(plane, ["x3"])).toThrow(/"x3" is not an input feature; use "x1"/);
    expect(() => withInputFeatures(plane, ["x1", "x1"])).toThrow(/listed twice/);
    expect(() => withInputFeatures(plane, [])).toThrow(/at least one/);
    const cube = { ...plane, n: 1, d: 3, x: Float64Array.from([1, 2, 3]), y: Float64Array.from([1]) };
    expect(() => withInputFeatures(cube, ["x1"])).toThrow(/2-D data.*d = 3; remove "inputs"/);
  });
});
