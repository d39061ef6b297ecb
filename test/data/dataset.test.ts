import { describe, expect, it } from "vitest";
import { assertValidDataset, type Dataset, row } from "../../src/data/dataset.js";

const ok: Dataset = {
  name: "t",
  n: 2,
  d: 2,
  x: Float64Array.from([1, 2, 3, 4]),
  y: Float64Array.from([1, -1]),
};

describe("Dataset", () => {
  it("row returns a copy of one point", () => {
    expect(row(ok, 1)).toEqual([3, 4]);
  });
  it("assertValidDataset accepts a valid set and names each violation", () => {
    expect(() => assertValidDataset(ok)).not.toThrow();
    expect(() => assertValidDataset({ ...ok, n: 0 })).toThrow(/n must be a positive integer/);
    expect(() => assertValidDataset({ ...ok, d: 3 })).toThrow(/x has 4 numbers, expected n·d = 6/);
    expect(() => assertValidDataset({ ...ok, y: Float64Array.from([1]) })).toThrow(/y has 1 labels/);
    expect(() => assertValidDataset({ ...ok, x: Float64Array.from([1, Number.NaN, 3, 4]) })).toThrow(
      /x\[0\]\[1\] is NaN/,
    );
    expect(() => assertValidDataset({ ...ok, y: Float64Array.from([1, 0]) })).toThrow(/y\[1\] is 0/);
  });
});
