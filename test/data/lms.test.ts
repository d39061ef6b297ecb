import { describe, expect, it } from "vitest";
import { lmsData, randomizeColumns } from "../../src/data/lms.js";
import { Rng } from "../../src/engine/rng.js";

describe("lmsData", () => {
  it("every coordinate separates the classes alone with the published margins (3 slabs, 7 slab columns)", () => {
    const { train } = lmsData({ n: 3000, slabs: 7, k: 3, slabMargin: 0.15, linearMargin: 0.2 }, new Rng(4));
    expect(train.d).toBe(8);
    const sw = (2 - 4 * 0.15) / 3;
    for (let i = 0; i < train.n; i++) {
      const y = train.y[i];
      expect(y * train.x[i * 8]).toBeGreaterThanOrEqual(0.2);
      for (let j = 1; j < 8; j++) {
        const v = Math.abs(train.x[i * 8 + j]);
        if (y > 0) expect(v).toBeGreaterThanOrEqual(0.5 * sw + 0.3);
        else expect(v).toBeLessThanOrEqual(0.5 * sw);
      }
    }
  });

  it("5 slabs: negatives in the centre with probability 3/4, positives in the two inner side slabs", () => {
    const { train } = lmsData({ n: 8000, slabs: 1 }, new Rng(1));
    const sw = (2 - 0.8) / 5;
    let centre = 0;
    let neg = 0;
    for (let i = 0; i < train.n; i++) {
      const v = Math.abs(train.x[i * 2 + 1]);
      if (train.y[i] > 0) {
        expect(v).toBeGreaterThanOrEqual(1.6 / 5);
        expect(v).toBeLessThanOrEqual(1.6 / 5 + sw);
      } else {
        neg++;
        if (v <= 0.5 * sw) centre++;
        else expect(v).toBeGreaterThanOrEqual(3.8 / 5);
      }
    }
    expect(Math.abs(centre / neg - 0.75)).toBeLessThan(0.03);
  });

  it("randomizeColumns permutes only the listed columns; bad input is refused", () => {
    const { train } = lmsData({ n: 50, slabs: 2 }, new Rng(2));
    const r = randomizeColumns(train, [0], new Rng(3));
    const col = (x: Float64Array, c: number) => Array.from({ length: 50 }, (_, i) => x[i * 3 + c]);
    expect(col(r.x, 0)).not.toEqual(col(train.x, 0));
    expect([...col(r.x, 0)].sort()).toEqual([...col(train.x, 0)].sort());
    expect(col(r.x, 1)).toEqual(col(train.x, 1));
    expect(() => randomizeColumns(train, [3], new Rng(1))).toThrow(/column 3/);
    expect(() => lmsData({ k: 7 as 5 }, new Rng(1))).toThrow(/k must be 3 or 5/);
    expect(() => lmsData({ slabMargin: 0.3 }, new Rng(1))).toThrow(/slabMargin/);
  });

  it("randomizedTests adds the test set's S- and Sᶜ-randomised copies, leaving the other draws as they were", () => {
    const plain = lmsData({ n: 40, nTest: 60, slabs: 3 }, new Rng(5));
    const both = lmsData({ n: 40, nTest: 60, slabs: 3, randomizedTests: true }, new Rng(5));
    expect(Array.from(both.train.x)).toEqual(Array.from(plain.train.x));
    expect(Array.from(both.tests.test.x)).toEqual(Array.from(plain.tests.test.x));
    expect(Object.keys(both.tests)).toEqual(["test", "S-randomized", "Sc-randomized"]);
    const col = (x: Float64Array, c: number) => Array.from({ length: 60 }, (_, i) => x[i * 4 + c]);
    const test = both.tests.test;
    const s = both.tests["S-randomized"];
    const sc = both.tests["Sc-randomized"];
    // S: only column 0 moved (same values, other order); Sᶜ: only the slab columns 1…3 moved
    expect(col(s.x, 0)).not.toEqual(col(test.x, 0));
    expect([...col(s.x, 0)].sort()).toEqual([...col(test.x, 0)].sort());
    for (const c of [1, 2, 3]) expect(col(s.x, c)).toEqual(col(test.x, c));
    expect(col(sc.x, 0)).toEqual(col(test.x, 0));
    for (const c of [1, 2, 3]) expect(col(sc.x, c)).not.toEqual(col(test.x, c));
    expect(Array.from(s.y)).toEqual(Array.from(test.y));
    expect(() => lmsData({ randomizedTests: 1 as unknown as boolean }, new Rng(1))).toThrow(
      /randomizedTests/,
    );
  });
});
