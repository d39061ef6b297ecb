import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { assertValidDataset, type Dataset } from "../../src/data/dataset.js";
import { featureMixture } from "../../src/data/feature-mixture.js";
import { Rng } from "../../src/engine/rng.js";
import { sameBundle } from "./helpers.js";

/** u_j · x_i for feature j. */
function coord(data: Dataset, i: number, j: number): number {
  const u = data.features!.directions.subarray(j * data.d, (j + 1) * data.d);
  let s = 0;
  for (let c = 0; c < data.d; c++) s += u[c] * data.x[i * data.d + c];
  return s;
}

function carriers(data: Dataset, j: number): number[] {
  const k = data.features!.names.length;
  const out: number[] = [];
  for (let i = 0; i < data.n; i++) if (data.featureMask![i * k + j]) out.push(i);
  return out;
}

describe("featureMixture", () => {
  it("defaults to THEORY.md §7: A in every point, B in half, norm 1, correlated", () => {
    const { train, tests } = featureMixture({}, new Rng(3));
    assertValidDataset(train);
    expect(train.n).toBe(100);
    expect(train.d).toBe(2);
    expect(train.features!.names).toEqual(["A", "B"]);
    expect(carriers(train, 0).length).toBe(100);
    expect(carriers(train, 1).length).toBe(50);
    for (let i = 0; i < train.n; i++) {
      expect(coord(train, i, 0)).toBe(train.y[i]);
      expect(coord(train, i, 1)).toBe(train.featureMask![2 * i + 1] ? train.y[i] : 0);
    }
    expect(Object.keys(tests).sort()).toEqual(["A-only", "B-only", "all"]);
    expect(train.meta).toEqual({ pointsWithoutFeatures: 0 });
  });

  it('carriers "disjoint": exact counts, no point carries two features, labels balanced', () => {
    const features = [
      { name: "A", frequency: 0.4 },
      { name: "B", frequency: 0.2 },
      { name: "C", frequency: 0.1 },
    ];
    const { train } = featureMixture({ n: 200, features, carriers: "disjoint" }, new Rng(5));
    const sets = [0, 1, 2].map((j) => carriers(train, j));
    expect(sets.map((s) => s.length)).toEqual([80, 40, 20]);
    const all = sets.flat();
    expect(new Set(all).size).toBe(all.length);
    for (const s of sets) expect(s.filter((i) => train.y[i] === 1).length).toBe(s.length / 2);
    expect(train.meta).toEqual({ pointsWithoutFeatures: 60 });
    // The default still draws independently: with these frequencies some point carries two features.
    const indep = featureMixture({ n: 200, features }, new Rng(5)).train;
    const both = [0, 1, 2].flatMap((j) => carriers(indep, j));
    expect(new Set(both).size).toBeLessThan(both.length);
  });

  it('carriers "disjoint" refuses frequencies that need more than n points', () => {
    const features = [
      { name: "A", frequency: 0.8 },
      { name: "B", frequency: 0.4 },
    ];
    expect(() => featureMixture({ n: 100, features, carriers: "disjoint" }, new Rng(1))).toThrow(
      /needs at most n = 100 carriers in all, but the frequencies ask for 120/,
    );
  });

  it("test sets carry exactly one feature, or all", () => {
    const { tests } = featureMixture(
      {
        n: 40,
        nTest: 30,
        features: [
          { name: "A", norm: 2 },
          { name: "B", norm: 0.5, frequency: 0.1 },
        ],
      },
      new Rng(1),
    );
    const b = tests["B-only"];
    expect(b.n).toBe(30);
    for (let i = 0; i < b.n; i++) {
      expect(Array.from(b.featureMask!.subarray(2 * i, 2 * i + 2))).toEqual([0, 1]);
      expect(coord(b, i, 0)).toBe(0);
      expect(coord(b, i, 1)).toBe(0.5 * b.y[i]);
    }
    const all = tests.all;
    for (let i = 0; i < all.n; i++) {
      expect(coord(all, i, 0)).toBe(2 * all.y[i]);
      expect(coord(all, i, 1)).toBe(0.5 * all.y[i]);
    }
    expect(Array.from(b.y).filter((v) => v === 1).length).toBe(15);
  });

  it("frequencies are exact (round(p·n)) and split evenly between labels (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.integer(),
        (n, ps, seed) => {
          const features = ps.map((p, j) => ({ name: `f${j}`, frequency: p }));
          const { train } = featureMixture({ n, features, nTest: 1 }, new Rng(seed));
          ps.forEach((p, j) => {
            const c = carriers(train, j);
            expect(c.length).toBe(Math.round(p * n));
            const pos = c.filter((i) => train.y[i] === 1).length;
            const nPos = Math.ceil(n / 2);
            const nNeg = n - nPos;
            const want = Math.min(nPos, Math.ceil(c.length / 2));
            // As even as the class sizes allow.
            expect(pos).toBe(c.length - want > nNeg ? c.length - nNeg : want);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("random basis: orthonormal directions, noise orthogonal to them, feature coordinates exact", () => {
    const { train } = featureMixture(
      {
        n: 200,
        basis: "random",
        noiseDims: 50,
        noiseStd: 2,
        features: [
          { name: "A" },
          { name: "B", norm: 3, frequency: 0.25 },
          { name: "C", norm: 0.5, frequency: 0.7 },
        ],
      },
      new Rng(7),
    );
    const { d } = train;
    expect(d).toBe(53);
    const u = train.features!.directions;
    for (let a = 0; a < 3; a++) {
      for (let b = 0; b < 3; b++) {
        let s = 0;
        for (let c = 0; c < d; c++) s += u[a * d + c] * u[b * d + c];
        expect(Math.abs(s - (a === b ? 1 : 0))).toBeLessThan(1e-12);
      }
    }
    const norms = [1, 3, 0.5];
    let noiseSq = 0;
    for (let i = 0; i < train.n; i++) {
      let total = 0;
      for (let c = 0; c < d; c++) total += train.x[i * d + c] ** 2;
      let feat = 0;
      for (let j = 0; j < 3; j++) {
        const expected = train.featureMask![i * 3 + j] ? norms[j] * train.y[i] : 0;
        expect(coord(train, i, j)).toBeCloseTo(expected, 10);
        feat += expected ** 2;
      }
      noiseSq += total - feat;
    }
    // E|noise|² per point = noiseStd² · noiseDims = 200; 200 points → relative sd ≈ 1.4%.
    expect(noiseSq / train.n / 200).toBeGreaterThan(0.93);
    expect(noiseSq / train.n / 200).toBeLessThan(1.07);
  });

  it("anti-correlated and uncorrelated features", () => {
    const { train } = featureMixture(
      {
        n: 101,
        features: [
          { name: "A", correlation: "anti" },
          { name: "U", frequency: 0.8, norm: 2, correlation: "uncorrelated" },
        ],
      },
      new Rng(11),
    );
    for (let i = 0; i < train.n; i++) expect(coord(train, i, 0)).toBe(-train.y[i]);
    for (const label of [1, -1]) {
      const c = carriers(train, 1).filter((i) => train.y[i] === label);
      const sum = c.reduce((s, i) => s + coord(train, i, 1), 0);
      expect(Math.abs(sum)).toBeLessThanOrEqual(2);
      expect(c.every((i) => Math.abs(coord(train, i, 1)) === 2)).toBe(true);
    }
  });

  it("counts points without any feature", () => {
    const { train } = featureMixture({ n: 10, features: [{ name: "A", frequency: 0.3 }] }, new Rng(0));
    expect(train.meta!.pointsWithoutFeatures).toBe(7);
  });

  it("is deterministic per seed and differs across seeds", () => {
    const opts = {
      n: 50,
      features: [{ name: "A" }, { name: "B", frequency: 0.3 }],
      noiseDims: 3,
      noiseStd: 0.1,
    };
    expect(sameBundle(featureMixture(opts, new Rng(5)), featureMixture(opts, new Rng(5)))).toBe(true);
    expect(sameBundle(featureMixture(opts, new Rng(5)), featureMixture(opts, new Rng(6)))).toBe(false);
    const r = { ...opts, basis: "random" as const };
    expect(sameBundle(featureMixture(r, new Rng(5)), featureMixture(r, new Rng(5)))).toBe(true);
  });

  it("rejects bad options, naming the field", () => {
    const rng = new Rng(0);
    expect(() => featureMixture({ n: 0 }, rng)).toThrow(
      /features data: n must be an integer in \[1, 100000\]/,
    );
    expect(() => featureMixture({ features: [] }, rng)).toThrow(
      /features must be a list of 1 to 64 features/,
    );
    expect(() => featureMixture({ features: [{ name: "A" }, { name: "A" }] }, rng)).toThrow(
      /features\[1\].name "A" is used twice/,
    );
    expect(() => featureMixture({ features: [{ name: "" }] }, rng)).toThrow(
      /features\[0\].name must be a non-empty/,
    );
    expect(() => featureMixture({ features: [{ name: "all" }] }, rng)).toThrow(/"all" is reserved/);
    expect(() => featureMixture({ features: [{ name: "A", frequency: 1.5 }] }, rng)).toThrow(
      /features\[0\].frequency must be a number in \[0, 1\], got 1.5/,
    );
    expect(() => featureMixture({ features: [{ name: "A", norm: 0 }] }, rng)).toThrow(/features\[0\].norm/);
    expect(() => featureMixture({ features: [{ name: "A", correlation: "x" as "anti" }] }, rng)).toThrow(
      /features\[0\].correlation must be one of "correlated", "anti", "uncorrelated"/,
    );
    expect(() => featureMixture({ basis: "polar" as "random" }, rng)).toThrow(/basis must be one of/);
    expect(() => featureMixture({ noiseDims: -1 }, rng)).toThrow(/noiseDims must be an integer/);
    expect(() => featureMixture({ noiseStd: -1 }, rng)).toThrow(
      /noiseStd must be a number in \[0, 1000000\]/,
    );
  });
});
