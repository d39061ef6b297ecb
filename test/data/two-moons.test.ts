import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { assertValidDataset, type Dataset } from "../../src/data/dataset.js";
import { twoMoons } from "../../src/data/two-moons.js";
import { Rng } from "../../src/engine/rng.js";
import { margins, sameBundle } from "./helpers.js";

interface Case {
  n: number;
  margin: number;
  rotation: number;
  x: number[][];
  y: number[];
}
const fixture: { cases: Case[] } = JSON.parse(
  readFileSync(new URL("./fixtures/moons.json", import.meta.url), "utf8"),
);

function sortedRows(x: number[][], y: number[]): number[][] {
  // Sort on rounded keys so last-bit differences (numpy's linspace and mean vs ours) cannot reorder ties.
  const key = (v: number) => Math.round(v * 1e9);
  return x.map((r, i) => [...r, y[i]]).sort((a, b) => key(a[0]) - key(b[0]) || key(a[1]) - key(b[1]));
}

function rowsOf(d: Dataset): { x: number[][]; y: number[] } {
  return {
    x: Array.from({ length: d.n }, (_, i) => [d.x[2 * i], d.x[2 * i + 1]]),
    y: Array.from(d.y),
  };
}

describe("twoMoons", () => {
  it.each(fixture.cases)(
    "matches the Gradient Starvation construction (noise 0, n $n, margin $margin, rotation $rotation)",
    (c) => {
      const { train } = twoMoons({ n: c.n, noise: 0, margin: c.margin, rotation: c.rotation }, new Rng(1));
      assertValidDataset(train);
      const ours = rowsOf(train);
      const a = sortedRows(ours.x, ours.y);
      const b = sortedRows(c.x, c.y);
      expect(a.length).toBe(b.length);
      a.forEach((r, i) => {
        expect(Math.abs(r[0] - b[i][0])).toBeLessThan(1e-12);
        expect(Math.abs(r[1] - b[i][1])).toBeLessThan(1e-12);
        expect(r[2]).toBe(b[i][2]);
      });
    },
  );

  it("defaults: 300 points, half per moon, margin 0.1 along the first axis", () => {
    const { train, tests } = twoMoons({}, new Rng(2));
    expect([train.n, train.d]).toEqual([300, 2]);
    expect(Array.from(train.y).filter((v) => v === -1).length).toBe(150);
    const m = margins(train, [-1, 0]);
    expect(Math.min(...m)).toBeGreaterThanOrEqual(0.1);
    expect(train.meta!.realizedMargin).toBe(Math.min(...m));
    expect(tests.test.n).toBe(300);
  });

  it("realized margin holds along the rotated direction; negative margins overlap", () => {
    const { train } = twoMoons({ n: 200, rotation: 45, margin: 0.2 }, new Rng(3));
    const w = train.meta!.marginDirection as number[];
    expect(Math.min(...margins(train, w))).toBeGreaterThan(0.2 - 1e-12);
    const neg = twoMoons({ n: 200, margin: -0.1 }, new Rng(3)).train;
    const mNeg = Math.min(...margins(neg, [-1, 0]));
    expect(mNeg).toBeGreaterThanOrEqual(-0.1);
    expect(mNeg).toBeLessThan(0);
  });

  it("is deterministic per seed, noisy draws differ across seeds", () => {
    expect(sameBundle(twoMoons({}, new Rng(9)), twoMoons({}, new Rng(9)))).toBe(true);
    expect(sameBundle(twoMoons({}, new Rng(9)), twoMoons({}, new Rng(10)))).toBe(false);
  });

  it("rejects bad options", () => {
    expect(() => twoMoons({ n: 1 }, new Rng(0))).toThrow(
      /moons data: n must be an integer in \[2, 100000\], got 1/,
    );
    expect(() => twoMoons({ noise: -0.1 }, new Rng(0))).toThrow(/noise must be a number in \[0, 10\]/);
    expect(() => twoMoons({ margin: Number.NaN }, new Rng(0))).toThrow(
      /margin must be a number in \[-10, 10\]/,
    );
  });
});
