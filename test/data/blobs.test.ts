import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blobs } from "../../src/data/blobs.js";
import { assertValidDataset } from "../../src/data/dataset.js";
import { Rng } from "../../src/engine/rng.js";
import { margins, sameBundle } from "./helpers.js";

describe("blobs", () => {
  it("defaults: n 200, d 2, margin 0.5 along the first axis, balanced labels", () => {
    const { train, tests } = blobs({}, new Rng(1));
    assertValidDataset(train);
    expect([train.n, train.d]).toEqual([200, 2]);
    expect(train.meta!.marginDirection).toEqual([1, 0]);
    expect(Array.from(train.y).filter((v) => v === 1).length).toBe(100);
    expect(Math.min(...margins(train, [1, 0]))).toBe(train.meta!.realizedMargin);
    expect(train.meta!.realizedMargin as number).toBeGreaterThanOrEqual(0.5);
    expect(tests.test.n).toBe(200);
  });

  it("realized margin ≥ requested along the reported direction, for any options (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 8 }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.constantFrom("axis" as const, "random" as const),
        fc.integer(),
        (n, d, std, margin, direction, seed) => {
          const { train, tests } = blobs(
            { n, d, std, margin, separation: 2 * margin + 2 * std, direction },
            new Rng(seed),
          );
          for (const data of [train, tests.test]) {
            const w = data.meta!.marginDirection as number[];
            expect(Math.abs(Math.hypot(...w) - 1)).toBeLessThan(1e-12);
            const m = margins(data, w);
            expect(Math.min(...m)).toBeGreaterThanOrEqual(margin);
            expect(data.meta!.realizedMargin).toBe(Math.min(...m));
            expect(data.d).toBe(d);
          }
        },
      ),
      { numRuns: 50 },
    );
  });

  it("blob means sit at ±separation/2 (up to truncation) and std holds across the margin direction", () => {
    const { train } = blobs({ n: 4000, d: 3, std: 0.5, separation: 6, margin: 0 }, new Rng(2));
    let mPos = 0;
    let sq = 0;
    for (let i = 0; i < train.n; i++) {
      if (train.y[i] === 1) mPos += train.x[3 * i] / (train.n / 2);
      sq += train.x[3 * i + 1] ** 2 + train.x[3 * i + 2] ** 2;
    }
    expect(mPos).toBeCloseTo(3, 1);
    expect(Math.sqrt(sq / (2 * train.n))).toBeCloseTo(0.5, 1);
  });

  it("is deterministic per seed", () => {
    expect(sameBundle(blobs({ n: 30 }, new Rng(4)), blobs({ n: 30 }, new Rng(4)))).toBe(true);
    expect(sameBundle(blobs({ n: 30 }, new Rng(4)), blobs({ n: 30 }, new Rng(5)))).toBe(false);
  });

  it("fails clearly when the margin cannot be met", () => {
    expect(() => blobs({ separation: 0, std: 0.01, margin: 1 }, new Rng(0))).toThrow(
      /rejection sampling kept only 0 of 200 points .* raise separation or lower margin/,
    );
    expect(() => blobs({ separation: 1, std: 0, margin: 1 }, new Rng(0))).toThrow(
      /raise separation to at least 2/,
    );
    expect(() => blobs({ n: 0 }, new Rng(0))).toThrow(/blobs data: n must be an integer/);
    expect(() => blobs({ std: -1 }, new Rng(0))).toThrow(/std must be a number in \[0/);
    expect(() => blobs({ direction: "diag" as "axis" }, new Rng(0))).toThrow(
      /direction must be one of "axis", "random"/,
    );
  });
});
