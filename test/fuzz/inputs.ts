/**
 * fast-check arbitraries of what a user (or an attacker) hands the CLI: run configs and sweep specs made
 * from valid ones by a few random edits (a field set to any JSON value, a field removed, an unknown field
 * added, a part replaced by junk), and data files (CSV and JSON, valid and broken: odd headers, cells,
 * encodings, byte-order marks, UTF-16, random bytes).
 */
import fc from "fast-check";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Values a field might be given: typical, edge and absurd numbers, strings, nesting. */
const value: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(0, 1, -1, 0.5, 2, 1e-300, 1e300, -1e9, 2 ** 53, 4, 100, 1e5, 1e9) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 2, arbitrary: fc.integer({ min: -10, max: 5000 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "gd",
      "adam",
      "moons",
      "relu",
      "ce",
      "log",
      "every",
      "",
      "NaN",
      "1e999",
      "__proto__",
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.array(fc.integer({ min: -2, max: 300 }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
);

const RUN_FIELDS = [
  "data.kind",
  "data.n",
  "data.nTest",
  "data.norms",
  "data.count",
  "data.dim",
  "data.d",
  "data.noise",
  "data.margin",
  "data.features",
  "data.noiseDims",
  "data.x",
  "data.y",
  "data.path",
  "data.labels",
  "model.hidden",
  "model.hidden.0",
  "model.activation",
  "model.bias",
  "model.leakySlope",
  "init.scheme",
  "init.scale",
  "init.weights",
  "init.layers",
  "init.balanced",
  "loss.kind",
  "loss.reduction",
  "optimizer.kind",
  "optimizer.lr",
  "optimizer.momentum",
  "optimizer.weightDecay",
  "train.steps",
  "train.batchSize",
  "train.chunk",
  "train.stop",
  "train.stop.divergeAbove",
  "probes.schedule",
  "probes.schedule.kind",
  "probes.schedule.every",
  "probes.include",
  "schedules.lr",
  "inputs",
  "regularization.spectralDecoupling",
  "seed",
  "unknownField",
  "model.unknown",
  "secondOrder",
];

/** Valid run configs the edits start from. */
const RUN_BASES: Json[] = [
  {},
  { data: { kind: "orthogonal", norms: [1, 2, 0.5, 1] }, model: { hidden: [8] }, train: { steps: 20 } },
  { data: { kind: "moons", n: 40 }, model: { hidden: [6, 6] }, optimizer: { kind: "adam", lr: 0.01 } },
  {
    data: { kind: "blobs", n: 30, d: 3 },
    loss: { kind: "hinge" },
    probes: { schedule: { kind: "log", perDecade: 3 } },
  },
  {
    data: {
      kind: "inline",
      x: [
        [0, 1],
        [1, 0],
      ],
      y: [1, -1],
    },
    model: { hidden: [] },
    init: { scheme: "xavier" },
  },
];

/** A field path: a known one, or random words (a typo, a new key). */
const path = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...RUN_FIELDS) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.string({ minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 })
      .map((p) => p.join(".")),
  },
);

type Edit = { kind: "set"; path: string; value: Json } | { kind: "delete"; path: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("set" as const), path, value }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("delete" as const), path }) },
);

/** Applies edits to a deep copy (a path through a non-object replaces it by an object, as --set does). */
function applyEdits(base: Json, edits: readonly Edit[], prefix = ""): Json {
  const root = structuredClone(base) as Json;
  if (typeof root !== "object" || root === null || Array.isArray(root)) return root;
  for (const e of edits) {
    const keys = `${prefix}${e.path}`.split(".");
    let node = root as Record<string, Json>;
    for (const key of keys.slice(0, -1)) {
      const next = node[key];
      if (typeof next !== "object" || next === null) node[key] = {};
      node = node[key] as Record<string, Json>;
    }
    const last = keys[keys.length - 1];
    // Own data properties only (as JSON.parse makes them): "__proto__" becomes a key, not the prototype.
    if (e.kind === "set")
      Object.defineProperty(node, last, {
        value: e.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else delete node[last];
  }
  return root;
}

/** Run configs: a valid base with 0–3 edits, or (1 in 10) any JSON value at all. */
export const runConfigInput: fc.Arbitrary<Json> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .tuple(fc.constantFrom(...RUN_BASES), fc.array(edit, { minLength: 0, maxLength: 3 }))
      .map(([b, e]) => applyEdits(b, e)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json> },
);

const SWEEP_BASE: Json = {
  name: "fuzz",
  base: { data: { kind: "orthogonal", norms: [1, 1, 1, 1] }, model: { hidden: [4] }, train: { steps: 10 } },
  axes: [
    { field: "optimizer.lr", values: [0.05, 0.2] },
    { name: "scale", field: "init.scale", range: { from: 0.01, to: 1, count: 3, scale: "log" } },
  ],
  seeds: 2,
  keep: { scalars: ["loss", "error"], history: { points: 3 } },
};

const SWEEP_FIELDS = [
  "name",
  "seeds",
  "combine",
  "keep",
  "keep.scalars",
  "keep.history",
  "keep.history.points",
  "axes",
  "axes.0",
  "axes.0.field",
  "axes.0.fields",
  "axes.0.values",
  "axes.0.range",
  "axes.0.name",
  "axes.1.range.from",
  "axes.1.range.to",
  "axes.1.range.count",
  "axes.1.range.scale",
  "axes.1.field",
  "axes.1.values",
  "axes.2",
  "axes.0.derive",
  "base",
  "figures",
  "unknown",
];

const sweepEdit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      path: fc.constantFrom(...SWEEP_FIELDS),
      value,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      path: fc.constantFrom(...RUN_FIELDS).map((p) => `base.${p}`),
      value,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("set" as const),
      path: fc.constant("axes.0.field"),
      value: fc.constantFrom(...RUN_FIELDS) as fc.Arbitrary<Json>,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("delete" as const), path: fc.constantFrom(...SWEEP_FIELDS) }),
  },
);

/** Sweep specs: the base spec with 1–4 edits (its own fields, its base config's, an axis's field). */
export const sweepSpecInput: fc.Arbitrary<Json> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc.array(sweepEdit, { minLength: 1, maxLength: 4 }).map((e) => applyEdits(SWEEP_BASE, e)),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json> },
);

/** A well-formed number cell (a label column gets numbers too; ±1 is common). */
const goodCell = fc.oneof(
  fc.constantFrom("1", "-1"),
  fc.double({ min: -10, max: 10, noNaN: true }).map((v) => String(v)),
);

/** A CSV cell: numbers, labels, empty, quoted, junk. */
const cell = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -10, max: 10, noNaN: true }).map((v) => String(v)) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "1",
      "-1",
      "0",
      "+1",
      "",
      " ",
      "NaN",
      "Infinity",
      "1e999",
      "0x10",
      "1,5",
      '"2"',
      '"a,b"',
      "abc",
      '"',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
);

const header = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .integer({ min: 1, max: 5 })
      .map((d) => [...Array.from({ length: d }, (_, i) => `x${i}`), "label"]),
  },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom("x", "x", "label", "y", "", "a b", '"q"'), {
      minLength: 1,
      maxLength: 5,
    }),
  },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 4 }), { minLength: 1, maxLength: 4 }) },
);

/** Rows as wide as the header (mostly well-formed numbers, so many files are accepted), or any width. */
const rowsFor = (width: number) =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.array(fc.array(goodCell, { minLength: width, maxLength: width }), { maxLength: 12 }),
    },
    {
      // Inputs, then a ±1 label last (where the header's "label" is).
      weight: 3,
      arbitrary: fc.array(
        fc
          .tuple(
            fc.array(goodCell, { minLength: width - 1, maxLength: width - 1 }),
            fc.constantFrom("1", "-1"),
          )
          .map(([x, y]) => [...x, y]),
        { minLength: 1, maxLength: 12 },
      ),
    },
    {
      weight: 2,
      arbitrary: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 12 }),
    },
    { weight: 1, arbitrary: fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 12 }) },
  );

const csvText = header
  .chain((h) =>
    fc.tuple(
      fc.constant(h),
      rowsFor(h.length),
      fc.constantFrom(",", ",", ";", "\t"),
      fc.constantFrom("\n", "\r\n", "\r"),
    ),
  )
  .map(([h, rows, sep, eol]) => [h.join(sep), ...rows.map((r) => r.join(sep))].join(eol));

const jsonData = fc
  .oneof(
    fc.record({
      x: fc.array(fc.array(fc.double({ noNaN: true, min: -5, max: 5 }), { maxLength: 3 }), { maxLength: 6 }),
      y: fc.array(fc.constantFrom(1, -1, 0, 2), { maxLength: 6 }),
    }),
    fc.jsonValue({ maxDepth: 3 }),
  )
  .map((v) => JSON.stringify(v));

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => {
  const out = new Uint8Array(2 + 2 * s.length);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) new DataView(out.buffer).setUint16(2 + 2 * i, s.charCodeAt(i), true);
  return out;
};

/** Data files: CSV or JSON text as UTF-8 (with or without a BOM) or UTF-16, cut short, or random bytes. */
export const dataFileInput = fc.oneof(
  { weight: 5, arbitrary: csvText.map((t) => ({ ext: ".csv" as const, bytes: utf8(t) })) },
  { weight: 1, arbitrary: csvText.map((t) => ({ ext: ".csv" as const, bytes: utf8(`\uFEFF${t}`) })) },
  { weight: 1, arbitrary: csvText.map((t) => ({ ext: ".csv" as const, bytes: utf16le(t) })) },
  { weight: 3, arbitrary: jsonData.map((t) => ({ ext: ".json" as const, bytes: utf8(t) })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(jsonData, fc.nat())
      .map(([t, k]) => ({ ext: ".json" as const, bytes: utf8(t.slice(0, k % (t.length + 1))) })),
  },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ ext: ".txt" as const, bytes })),
  },
);
