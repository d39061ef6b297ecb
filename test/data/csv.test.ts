import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "../../src/data/csv.js";
import type { Dataset } from "../../src/data/dataset.js";
import { featureMixture } from "../../src/data/feature-mixture.js";
import { Rng } from "../../src/engine/rng.js";
import { rowOf, sameData } from "./helpers.js";

const src = { source: "points.csv" };

describe("parseCsv", () => {
  it("reads a header, feature columns and a y column", () => {
    const d = parseCsv("a,b,y\n1,2,1\n-3.5,4e-2,-1\n", src);
    expect([d.n, d.d]).toEqual([2, 2]);
    expect(rowOf(d, 1)).toEqual([-3.5, 0.04]);
    expect(Array.from(d.y)).toEqual([1, -1]);
    expect(d.columns).toEqual(["a", "b"]);
    expect(d.name).toBe("points.csv");
  });

  it("finds the label column anywhere, named y or label (any case), or as configured", () => {
    expect(Array.from(parseCsv("Label,x\n0,1\n1,2", src).y)).toEqual([-1, 1]);
    expect(parseCsv("Label,x\n0,1\n1,2", src).columns).toEqual(["x"]);
    const d = parseCsv("x1,class,x2\n1,1,2\n3,-1,4", { ...src, label: "class" });
    expect(rowOf(d, 1)).toEqual([3, 4]);
    const e = parseCsv("x1,x2,x3,y\n1,2,3,1", { ...src, columns: ["x3", "x1"] });
    expect(rowOf(e, 0)).toEqual([3, 1]);
  });

  it("handles CRLF, BOM, blank lines, spaces, quotes, other delimiters", () => {
    const d = parseCsv('\ufeff"x, one";x2;y\r\n\r\n 1 ; "2" ;1\r\n\n3;4;-1\r\n', { ...src, delimiter: ";" });
    expect(d.columns).toEqual(["x, one", "x2"]);
    expect(rowOf(d, 0)).toEqual([1, 2]);
    expect(d.n).toBe(2);
    const q = parseCsv('"a ""quoted""\nname",y\n5,1\n', src);
    expect(q.columns).toEqual(['a "quoted"\nname']);
  });

  describe("errors name the source, the 1-based line and the column", () => {
    const cases: [string, string, RegExp][] = [
      ["empty file", "", /^points.csv: the file is empty/],
      ["only blank lines", "\n\n  \n", /^points.csv: the file is empty/],
      ["header only", "x,y\n", /^points.csv: no data rows after the header \(line 1\)/],
      [
        "no label column",
        "a,b\n1,2\n",
        /^points.csv, line 1: no label column; name it "y" or "label".*columns are a, b/,
      ],
      ["two label candidates", "y,label,x\n1,1,1", /line 1: both "y" and "label" could be the label column/],
      ["missing configured label", "x,y\n1,1", /line 1: no label column "cls"; columns are x, y/],
      ["empty header cell", "x,,y\n1,2,1", /line 1: header cell 2 is empty/],
      ["duplicate column", "x,x,y\n1,2,1", /line 1: column "x" appears twice \(cells 1 and 2\)/],
      ["no inputs", "y\n1\n", /line 1: no input columns besides the label "y"/],
      [
        "ragged short row",
        "x1,x2,y\n1,2,1\n\n3,1\n",
        /^points.csv, line 4: row has 2 cells but the header has 3 \(x1, x2, y\)/,
      ],
      ["ragged long row", "x1,y\n1,1\n1,2,3\n", /line 3: row has 3 cells but the header has 2/],
      ["empty cell", "x1,x2,y\n1,2,1\n1,,1\n", /^points.csv, line 3, column "x2": empty cell/],
      ["non-numeric cell", "x1,x2,y\n1,abc,1\n", /^points.csv, line 2, column "x2": "abc" is not a number/],
      ["hex is not accepted", "x1,y\n0x10,1\n", /line 2, column "x1": "0x10" is not a number/],
      [
        "NaN cell",
        "x1,x2,y\n1,2,1\n3,NaN,-1\n",
        /^points.csv, line 3, column "x2": "NaN" is not a finite number/,
      ],
      ["Infinity cell", "x1,y\n-Infinity,1\n", /line 2, column "x1": "-Infinity" is not a finite number/],
      ["overflow", "x1,y\n1e999,1\n", /line 2, column "x1": "1e999" overflows float64/],
      ["empty label", "x1,y\n1,\n", /line 2, column "y": empty cell/],
      [
        "non-binary label",
        "x1,y\n1,1\n2,2\n",
        /^points.csv, line 3, column "y": label 2 is not binary; labels must be -1\/\+1 or 0\/1/,
      ],
      ["fractional label", "x1,y\n1,0.5\n", /line 2, column "y": label 0.5 is not binary/],
      [
        "mixed label codings",
        "x1,y\n1,0\n2,1\n3,-1\n",
        /line 4, column "y": label -1 mixes codings with label 0 at points.csv, line 2/,
      ],
      ["unterminated quote", 'x1,y\n"1,1\n2,1\n', /^points.csv, line 2: a quoted field is never closed/],
      ["text after closing quote", 'x1,y\n"1"2,1\n', /line 2: unexpected text after a closing quote/],
      ["bad delimiter option", "x,y\n1,1", /delimiter must be a single character/],
    ];
    it.each(cases)("%s", (_, text, re) => {
      const opts =
        _ === "missing configured label"
          ? { ...src, label: "cls" }
          : _ === "bad delimiter option"
            ? { ...src, delimiter: "\n" }
            : src;
      expect(() => parseCsv(text, opts)).toThrow(re);
    });
    it("line numbers count lines inside quoted fields", () => {
      expect(() => parseCsv('"multi\nline",y\n1,1\n2,x\n', src)).toThrow(
        /line 4, column "y": "x" is not a number/,
      );
    });
    it("configured columns must exist and differ from the label", () => {
      expect(() => parseCsv("a,y\n1,1", { ...src, columns: ["b"] })).toThrow(
        /line 1: no column "b"; columns are a, y/,
      );
      expect(() => parseCsv("a,y\n1,1", { ...src, columns: ["y"] })).toThrow(
        /column "y" is the label column/,
      );
    });
  });
});

describe("toCsv", () => {
  it("writes x1..xd and y, or the data set's column names, with 0/1 labels on request", () => {
    const d: Dataset = {
      name: "t",
      n: 2,
      d: 2,
      x: Float64Array.from([1, -0, 0.1, 1e-300]),
      y: Float64Array.from([1, -1]),
    };
    expect(toCsv(d)).toBe("x1,x2,y\n1,-0\n0.1,1e-300,-1\n".replace("1,-0\n", "1,-0,1\n"));
    expect(toCsv(d, { labels: "01", label: "label" })).toBe("x1,x2,label\n1,-0,1\n0.1,1e-300,0\n");
    expect(toCsv({ ...d, columns: ["a,b", "c"] })).toMatch(/^"a,b",c,y\n/);
    expect(() => toCsv({ ...d, columns: ["y", "c"] })).toThrow(/already named "y"/);
  });

  it("round trips bit-identically for any finite data (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(
          fc.tuple(
            fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 6, maxLength: 6 }),
            fc.boolean(),
          ),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        fc.constantFrom("pm1" as const, "01" as const),
        (d, rows, labels) => {
          const data: Dataset = {
            name: "p",
            n: rows.length,
            d,
            x: Float64Array.from(rows.flatMap(([r]) => r.slice(0, d))),
            y: Float64Array.from(rows.map(([, b]) => (b ? 1 : -1))),
          };
          const back = parseCsv(toCsv(data, { labels }), { source: "p" });
          expect(sameData(back, data)).toBe(true);
        },
      ),
    );
  });

  it("round trips a generated data set with its column names", () => {
    const { train } = featureMixture({ n: 30, noiseDims: 2, noiseStd: 0.3 }, new Rng(1));
    const once = parseCsv(toCsv(train), src);
    expect(sameData(once, train)).toBe(true);
    const named = parseCsv(toCsv({ ...train, columns: ["A", "B", "n1", "n2"] }), src);
    expect(named.columns).toEqual(["A", "B", "n1", "n2"]);
  });
});

describe("parseCsv at scale and in other encodings", () => {
  it("checks a header of 100,000 columns in linear time, and lists few of them in errors", () => {
    const names = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const text = `${names.join(",")},y\n${names.map(() => "1").join(",")},1\n`;
    // The quadratic check took 11.6 s here, past the test's time limit; the map takes a fraction of it.
    expect(parseCsv(text, src).d).toBe(100_000);
    const short = `${names.join(",")},y\n1,1\n`;
    const message = (() => {
      try {
        parseCsv(short, src);
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message).toMatch(/row has 2 cells but the header has 100001 .*… \(100001 columns\)/);
    expect(message!.length).toBeLessThan(400);
  });

  it("names UTF-16 instead of reporting garbage column names", () => {
    const utf16AsUtf8 = new TextDecoder().decode(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("x1,x2,y\n1,2,1\n", "utf16le")]),
    );
    expect(() => parseCsv(utf16AsUtf8, src)).toThrow(
      /points\.csv: the text is UTF-16 encoded; save it as UTF-8/,
    );
    const noMark = new TextDecoder().decode(Buffer.from("x1,x2,y\n1,2,1\n", "utf16le"));
    expect(() => parseCsv(noMark, src)).toThrow(/UTF-16/);
  });
});
