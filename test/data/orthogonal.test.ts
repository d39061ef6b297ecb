import { describe, expect, it } from "vitest";
import { assertValidDataset } from "../../src/data/dataset.js";
import { orthogonal } from "../../src/data/orthogonal.js";
import { Rng } from "../../src/engine/rng.js";
import { rowOf, sameBundle } from "./helpers.js";

describe("orthogonal", () => {
  it("places x_k = r_k e_k with the given labels", () => {
    const { train, tests } = orthogonal({ norms: [1, 2, 3], labels: [1, -1, 1] }, new Rng(0));
    assertValidDataset(train);
    expect(train.n).toBe(3);
    expect(train.d).toBe(3);
    expect(rowOf(train, 0)).toEqual([1, 0, 0]);
    expect(rowOf(train, 1)).toEqual([0, 2, 0]);
    expect(rowOf(train, 2)).toEqual([0, 0, 3]);
    expect(Array.from(train.y)).toEqual([1, -1, 1]);
    expect(train.features?.names).toEqual(["e1", "e2", "e3"]);
    expect(Array.from(train.features!.directions)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(Array.from(train.featureMask!)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(tests).toEqual({});
  });
  it("takes one norm with a count, a larger dim, and label modes", () => {
    const { train } = orthogonal({ norms: 0.5, count: 4, dim: 6 }, new Rng(0));
    expect(train.n).toBe(4);
    expect(train.d).toBe(6);
    for (let k = 0; k < 4; k++) expect(Math.hypot(...rowOf(train, k))).toBe(0.5);
    expect(Array.from(train.y)).toEqual([1, -1, 1, -1]);
    expect(Array.from(orthogonal({ count: 3, labels: "positive" }, new Rng(0)).train.y)).toEqual([1, 1, 1]);
    expect(orthogonal({}, new Rng(0)).train.n).toBe(2);
  });
  it("random labels are seeded and ±1", () => {
    const a = orthogonal({ norms: 1, count: 64, labels: "random" }, new Rng(1));
    const b = orthogonal({ norms: 1, count: 64, labels: "random" }, new Rng(1));
    const c = orthogonal({ norms: 1, count: 64, labels: "random" }, new Rng(2));
    expect(sameBundle(a, b)).toBe(true);
    expect(sameBundle(a, c)).toBe(false);
    expect(Array.from(a.train.y).every((v) => v === 1 || v === -1)).toBe(true);
    expect(new Set(a.train.y).size).toBe(2);
  });
  it("rejects bad options, naming the field", () => {
    const rng = new Rng(0);
    expect(() => orthogonal({ norms: [1, 0] }, rng)).toThrow(/norms\[1\] must be a number in \(0, 1000000\]/);
    expect(() => orthogonal({ norms: [] }, rng)).toThrow(/norms must hold 1 to 4096 numbers/);
    expect(() => orthogonal({ norms: [1, 2], count: 3 }, rng)).toThrow(
      /count \(3\) disagrees with norms.length \(2\)/,
    );
    expect(() => orthogonal({ norms: 1, count: 0 }, rng)).toThrow(/count must be an integer/);
    expect(() => orthogonal({ norms: [1, 2], dim: 1 }, rng)).toThrow(/dim must be an integer in \[2, 4096\]/);
    expect(() => orthogonal({ norms: [1, 2], labels: [1] }, rng)).toThrow(
      /labels must hold one label per point \(2\)/,
    );
    expect(() => orthogonal({ norms: [1, 2], labels: [1, 0] }, rng)).toThrow(
      /labels\[1\] must be -1 or \+1, got 0/,
    );
    expect(() => orthogonal({ labels: "zigzag" as "random" }, rng)).toThrow(
      /labels must be one of "alternating"/,
    );
  });
});
