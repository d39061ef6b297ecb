import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blobs } from "../../src/data/blobs.js";
import type { Dataset } from "../../src/data/dataset.js";
import { featureMixture } from "../../src/data/feature-mixture.js";
import { fromJsonValue, parseJson, toJson } from "../../src/data/json.js";
import { Rng } from "../../src/engine/rng.js";
import { bytes, rowOf, sameData } from "./helpers.js";

const src = { source: "data.json" };

describe("parseJson", () => {
  it("reads {x, y} with ±1 or 0/1 labels", () => {
    const d = parseJson('{"x": [[1, 2], [3, 4]], "y": [0, 1]}', src);
    expect([d.n, d.d, d.name]).toEqual([2, 2, "data.json"]);
    expect(rowOf(d, 1)).toEqual([3, 4]);
    expect(Array.from(d.y)).toEqual([-1, 1]);
    expect(parseJson('{"name": "n", "x": [[1]], "y": [-1]}').name).toBe("n");
  });

  const cases: [string, string, RegExp][] = [
    ["syntax error with line", '{\n"x" 1}', /^data.json, line 2, column 5: not valid JSON/],
    ["syntax error", '{"x": [[1]], "y": [1,]}', /^data.json(, line \d+, column \d+)?: not valid JSON/],
    ["not an object", "[1, 2]", /^data.json: expected an object \{"x"/],
    ["unknown key", '{"X": [[1]], "y": [1]}', /unknown key "X"; allowed keys are name, x, y/],
    ["x missing", '{"y": [1]}', /^data.json: x must be a non-empty array of rows/],
    ["x empty", '{"x": [], "y": []}', /x must be a non-empty array of rows/],
    ["x not rows", '{"x": [1, 2], "y": [1, 1]}', /x\[0\] must be an array of numbers, got 1/],
    ["empty row", '{"x": [[]], "y": [1]}', /x\[0\] is empty/],
    ["ragged rows", '{"x": [[1, 2], [3]], "y": [1, 1]}', /^data.json: x\[1\] has 1 numbers but x\[0\] has 2/],
    [
      "string entry",
      '{"x": [[1, "a"]], "y": [1]}',
      /^data.json: x\[0\]\[1\] is "a"; entries must be finite numbers/,
    ],
    [
      "null entry (NaN)",
      '{"x": [[1], [null]], "y": [1, 1]}',
      /x\[1\]\[0\] is null \(JSON writes NaN and Infinity as null\)/,
    ],
    ["y length", '{"x": [[1], [2]], "y": [1]}', /^data.json: y has 1 labels but x has 2 rows/],
    ["y not array", '{"x": [[1]], "y": 1}', /y must be an array of labels/],
    ["y string", '{"x": [[1]], "y": ["1"]}', /y\[0\] is "1"; labels must be -1\/\+1 or 0\/1/],
    ["y non-binary", '{"x": [[1], [2]], "y": [1, 3]}', /^data.json: y\[1\]: label 3 is not binary/],
    [
      "y mixed",
      '{"x": [[1], [2], [3]], "y": [0, 1, -1]}',
      /y\[2\]: label -1 mixes codings with label 0 at data.json: y\[0\]/,
    ],
    ["name not string", '{"name": 3, "x": [[1]], "y": [1]}', /name must be a string/],
    [
      "columns wrong length",
      '{"x": [[1]], "y": [1], "columns": ["a", "b"]}',
      /columns has 2 names but x has 1 columns/,
    ],
    [
      "feature directions wrong width",
      '{"x": [[1, 2]], "y": [1], "features": {"names": ["A"], "directions": [[1]]}}',
      /features.directions\[0\] has 1 numbers but expected 2/,
    ],
    ["mask without features", '{"x": [[1]], "y": [1], "featureMask": [[1]]}', /featureMask needs features/],
    [
      "mask not 0/1",
      '{"x": [[1]], "y": [1], "features": {"names": ["A"], "directions": [[1]]}, "featureMask": [[2]]}',
      /featureMask\[0\]\[0\] is 2; entries must be 0 or 1/,
    ],
    [
      "bad meta",
      '{"x": [[1]], "y": [1], "meta": {"m": {"a": 1}}}',
      /meta.m must be a number, string, boolean or number\[\]/,
    ],
  ];
  it.each(cases)("error: %s", (_, text, re) => {
    expect(() => parseJson(text, src)).toThrow(re);
  });

  it("fromJsonValue takes parsed values", () => {
    expect(fromJsonValue({ x: [[1, 2]], y: [1] }).d).toBe(2);
    expect(() => fromJsonValue(null, { source: "cfg" })).toThrow(/^cfg: expected an object/);
  });
});

describe("toJson", () => {
  it("round trips everything a generator makes (features, mask, meta)", () => {
    const { train } = featureMixture({ n: 20, basis: "random", noiseDims: 2, noiseStd: 0.1 }, new Rng(2));
    const back = parseJson(toJson(train), src);
    expect(sameData(back, train)).toBe(true);
    expect(back.name).toBe(train.name);
    expect(back.features!.names).toEqual(train.features!.names);
    expect(bytes(back.features!.directions)).toEqual(bytes(train.features!.directions));
    expect(bytes(back.featureMask!)).toEqual(bytes(train.featureMask!));
    expect(back.meta).toEqual(train.meta);
    const b = blobs({ n: 10, direction: "random", d: 3 }, new Rng(1)).train;
    expect(parseJson(toJson(b)).meta).toEqual(b.meta);
  });

  it("writes 0/1 labels on request and stays valid JSON", () => {
    const d: Dataset = {
      name: 'q"uote',
      n: 2,
      d: 1,
      x: Float64Array.from([-0, 5e-324]),
      y: Float64Array.from([1, -1]),
    };
    const text = toJson(d, { labels: "01" });
    expect(JSON.parse(text).y).toEqual([1, 0]);
    expect(JSON.parse(text).name).toBe('q"uote');
    expect(Object.is(parseJson(text).x[0], -0)).toBe(true);
  });

  it("round trips bit-identically for any finite data (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(
          fc.tuple(
            fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 5, maxLength: 5 }),
            fc.boolean(),
          ),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        (d, rows) => {
          const data: Dataset = {
            name: "p",
            n: rows.length,
            d,
            x: Float64Array.from(rows.flatMap(([r]) => r.slice(0, d))),
            y: Float64Array.from(rows.map(([, b]) => (b ? 1 : -1))),
          };
          expect(sameData(parseJson(toJson(data)), data)).toBe(true);
        },
      ),
    );
  });
});

describe("parseJson encodings", () => {
  it("accepts a UTF-8 byte-order mark, as CSV does", () => {
    expect(parseJson('\ufeff{"x": [[1], [2]], "y": [1, -1]}', src).n).toBe(2);
  });
  it("names UTF-16", () => {
    const text = new TextDecoder().decode(Buffer.from('{"x": [[1]], "y": [1]}', "utf16le"));
    expect(() => parseJson(text, src)).toThrow(/data\.json: the text is UTF-16 encoded/);
  });
});
