import { describe, expect, it } from "vitest";
import { assertValidDataset } from "../../src/data/dataset.js";
import { lmsData } from "../../src/data/lms.js";
import { DATA_KINDS, type DataSpec, makeData } from "../../src/data/registry.js";
import { twoPointToy } from "../../src/data/two-point-toy.js";
import { Rng } from "../../src/engine/rng.js";
import { rowOf, sameBundle } from "./helpers.js";

const examples: DataSpec[] = [
  { kind: "orthogonal", norms: [1, 2, 3], labels: [1, -1, 1] },
  {
    kind: "features",
    n: 100,
    features: [
      { name: "A", norm: 1, frequency: 1 },
      { name: "B", norm: 1, frequency: 0.3 },
    ],
    noiseDims: 0,
    noiseStd: 0,
  },
  { kind: "moons", n: 300, noise: 0.1, margin: 0.1 },
  { kind: "playground", set: "spiral", n: 200, noise: 0 },
  { kind: "blobs", n: 200, d: 2, margin: 0.5, std: 1 },
  { kind: "lms", n: 300, nTest: 100, slabs: 5, k: 3, noise: 2 },
  { kind: "two-point-toy", strength1: 5, coupling: 0.3 },
  {
    kind: "inline",
    x: [
      [1, 0],
      [0, 1],
    ],
    y: [1, 0],
    tests: { probe: { x: [[2, 2]], y: [1] } },
  },
];

describe("makeData", () => {
  it("lists every kind once with a description", () => {
    expect(DATA_KINDS.map((k) => k.kind).sort()).toEqual([
      "blobs",
      "features",
      "inline",
      "lms",
      "moons",
      "orthogonal",
      "playground",
      "two-point-toy",
    ]);
    expect(DATA_KINDS.every((k) => k.description.length > 10)).toBe(true);
  });

  it.each(examples)("makes valid, seeded data for $kind", (spec) => {
    const a = makeData(spec, new Rng(1));
    assertValidDataset(a.train);
    for (const t of Object.values(a.tests)) {
      assertValidDataset(t);
      expect(t.d).toBe(a.train.d);
    }
    expect(sameBundle(a, makeData(spec, new Rng(1)))).toBe(true);
  });

  it("feature spec gives exact counts and the expected test sets", () => {
    const { train, tests } = makeData(examples[1], new Rng(2));
    expect(Array.from(train.featureMask!).filter((_, i) => i % 2 === 1 && train.featureMask![i]).length).toBe(
      30,
    );
    expect(Object.keys(tests).sort()).toEqual(["A-only", "B-only", "all"]);
  });

  it("inline data converts 0/1 labels and keeps named tests", () => {
    const { train, tests } = makeData(examples[7], new Rng(0));
    expect(Array.from(train.y)).toEqual([1, -1]);
    expect(train.name).toBe("inline");
    expect(rowOf(tests.probe, 0)).toEqual([2, 2]);
  });

  it("lms and two-point-toy are the generators' data: LMS with its test set, the toy's φ and labels +1", () => {
    const lms = makeData(examples[5], new Rng(3));
    expect(sameBundle(lms, lmsData({ n: 300, nTest: 100, slabs: 5, k: 3, noise: 2 }, new Rng(3)))).toBe(true);
    expect([lms.train.n, lms.train.d, lms.tests.test.n]).toEqual([300, 8, 100]);
    const toy = makeData(examples[6], new Rng(0));
    expect(Array.from(toy.train.x)).toEqual(Array.from(twoPointToy({ strength1: 5, coupling: 0.3 }).phi));
    expect(Array.from(toy.train.y)).toEqual([1, 1]);
    expect(toy.tests).toEqual({});
  });

  it("errors name the kind and the field", () => {
    expect(() => makeData({ kind: "spirals" } as unknown as DataSpec, new Rng(0))).toThrow(
      /data: kind must be one of "orthogonal", "features", "blobs", "moons", "playground", "lms", "two-point-toy", "inline", got "spirals"/,
    );
    expect(() => makeData({ kind: "moons", n: -3 }, new Rng(0))).toThrow(/moons data: n must be an integer/);
    expect(() => makeData({ kind: "inline", x: [[1]], y: [2] }, new Rng(0))).toThrow(
      /inline data: y\[0\]: label 2/,
    );
    expect(() =>
      makeData({ kind: "inline", x: [[1]], y: [1], tests: { t: { x: [[1, 2]], y: [1] } } }, new Rng(0)),
    ).toThrow(/tests.t has d = 2 but the training set has d = 1/);
    expect(() => makeData({ kind: "lms", slabMargin: 0.3 }, new Rng(0))).toThrow(/lms data: slabMargin/);
    expect(() => makeData({ kind: "two-point-toy", strength1: -1 }, new Rng(0))).toThrow(
      /two-point toy: strength1/,
    );
    expect(() => makeData(null as unknown as DataSpec, new Rng(0))).toThrow(/expected an object with a kind/);
  });
});
