import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertValidDataset } from "../../src/data/dataset.js";
import { PLAYGROUND_SETS, playground } from "../../src/data/playground.js";
import { Rng } from "../../src/engine/rng.js";
import { rowOf, sameBundle } from "./helpers.js";

describe("playground", () => {
  it("every set: n and nTest, d 2, labels ±1 from both classes, deterministic (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLAYGROUND_SETS),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 80 }),
        fc.double({ min: 0, max: 0.5, noNaN: true }),
        fc.integer(),
        (set, n, nTest, noise, seed) => {
          const a = playground({ set, n, nTest, noise }, new Rng(seed));
          assertValidDataset(a.train);
          assertValidDataset(a.tests.test);
          expect([a.train.n, a.train.d, a.tests.test.n]).toEqual([n, 2, nTest]);
          expect(sameBundle(a, playground({ set, n, nTest, noise }, new Rng(seed)))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
    expect(sameBundle(playground({}, new Rng(1)), playground({}, new Rng(2)))).toBe(false);
  });

  it("circle without noise: +1 inside radius 2.5, −1 in the ring [3.5, 5], half each", () => {
    const { train, tests } = playground({ set: "circle", n: 300, nTest: 201 }, new Rng(4));
    for (const d of [train, tests.test]) {
      for (let i = 0; i < d.n; i++) {
        const r = Math.hypot(...rowOf(d, i));
        if (d.y[i] === 1) expect(r).toBeLessThanOrEqual(2.5);
        else expect(r >= 3.5 && r <= 5).toBe(true);
      }
    }
    const pos = [train, tests.test].reduce((s, d) => s + Array.from(d.y).filter((v) => v === 1).length, 0);
    expect(pos).toBe(251); // ⌈501/2⌉
  });

  it("xor without noise: label = sign(x·y), coordinates padded away from the axes", () => {
    const { train } = playground({ set: "xor", n: 400 }, new Rng(5));
    for (let i = 0; i < train.n; i++) {
      const [x, y] = rowOf(train, i);
      expect(Math.abs(x)).toBeGreaterThanOrEqual(0.3);
      expect(Math.abs(y)).toBeGreaterThanOrEqual(0.3);
      expect(train.y[i]).toBe(x * y >= 0 ? 1 : -1);
    }
  });

  it("noise flips circle and xor labels near the boundary (labels decided on the jittered point)", () => {
    const { train } = playground({ set: "xor", n: 1000, noise: 0.5 }, new Rng(6));
    let wrong = 0;
    for (let i = 0; i < train.n; i++) {
      const [x, y] = rowOf(train, i);
      if (train.y[i] !== (x * y >= 0 ? 1 : -1)) wrong++;
    }
    expect(wrong).toBeGreaterThan(50);
  });

  it("gauss: means ±(2, 2), variance 0.5 + 7·noise", () => {
    for (const noise of [0, 0.5]) {
      const { train } = playground({ set: "gauss", n: 4000, nTest: 1, noise }, new Rng(7));
      let mean = 0;
      let sq = 0;
      let count = 0;
      for (let i = 0; i < train.n; i++) {
        if (train.y[i] !== 1) continue;
        const [x] = rowOf(train, i);
        mean += x;
        sq += (x - 2) ** 2;
        count++;
      }
      expect(mean / count).toBeCloseTo(2, 1);
      expect(sq / count / (0.5 + 7 * noise)).toBeGreaterThan(0.9);
      expect(sq / count / (0.5 + 7 * noise)).toBeLessThan(1.1);
    }
  });

  it("spiral without noise follows playground's formula", () => {
    const { train, tests } = playground({ set: "spiral", n: 10, nTest: 10 }, new Rng(8));
    const expected = new Set<string>();
    for (const [dt, label] of [
      [0, 1],
      [Math.PI, -1],
    ]) {
      for (let i = 0; i < 10; i++) {
        const r = (i / 10) * 5;
        const t = ((1.75 * i) / 10) * 2 * Math.PI + dt;
        expected.add(`${r * Math.sin(t)},${r * Math.cos(t)},${label}`);
      }
    }
    const got = new Set<string>();
    for (const d of [train, tests.test])
      for (let i = 0; i < d.n; i++) got.add(`${rowOf(d, i).join(",")},${d.y[i]}`);
    expect(got).toEqual(expected);
  });

  it("rejects bad options", () => {
    expect(() => playground({ set: "moons" as "xor" }, new Rng(0))).toThrow(
      /set must be one of "circle", "xor", "gauss", "spiral", got "moons"/,
    );
    expect(() => playground({ noise: 30 }, new Rng(0))).toThrow(
      /noise must be a number in \[0, 0.5\], got 30/,
    );
    expect(() => playground({ n: 0 }, new Rng(0))).toThrow(/n must be an integer/);
  });
});
