import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CsvRecord,
  CsvTokenizer,
  MAX_CELL_CHARS,
  MAX_RECORD_CELLS,
} from "../../src/data/csv-tokenizer.js";

/** The records of `pieces` read in order, or the error's message. */
function records(pieces: string[], delimiter = ","): CsvRecord[] | string {
  const out: CsvRecord[] = [];
  const t = new CsvTokenizer(delimiter, "t.csv", (r) => out.push(r));
  try {
    for (const p of pieces) t.push(p);
    t.end();
  } catch (e) {
    return (e as Error).message;
  }
  return out;
}

describe("CsvTokenizer", () => {
  it("reads quoted cells, line breaks of three kinds and blank lines, with the line each record starts on", () => {
    expect(records(['a, "b,""c"" " ,x\r\n\r\n1,"two\r\nlines",3\r4,5,6\n\n7,8,9'])).toEqual([
      { line: 1, cells: ["a", 'b,"c" ', "x"] },
      { line: 3, cells: ["1", "two\r\nlines", "3"] },
      { line: 5, cells: ["4", "5", "6"] },
      { line: 7, cells: ["7", "8", "9"] },
    ]);
  });

  it("gives the same records (and errors) for any cut of the text into pieces (property)", () => {
    const alphabet = fc.constantFrom(",", '"', "\r", "\n", " ", "1", "x", ";");
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 60 }).map((cs) => cs.join("")),
        fc.array(fc.nat(), { maxLength: 8 }),
        (text, cuts) => {
          const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
          const pieces = [0, ...at, text.length]
            .slice(1)
            .map((end, i, ends) => text.slice(i === 0 ? 0 : ends[i - 1], end));
          expect(records(pieces)).toEqual(records([text]));
          // One character at a time: every boundary, "\r" | "\n" included.
          expect(records([...text])).toEqual(records([text]));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("stops at the first cell or row that cannot be CSV, naming its line", () => {
    expect(records([`a,b\n${"x".repeat(MAX_CELL_CHARS + 1)}`])).toMatch(
      /^t\.csv, line 2: a cell longer than 1,048,576 characters; is this a CSV file/,
    );
    expect(records([`"${"x".repeat(600_000)}`, "x".repeat(600_000)])).toMatch(
      /line 1: a cell longer than .* \(or is a quote never closed\)/,
    );
    expect(records([",".repeat(MAX_RECORD_CELLS + 1)])).toMatch(
      /line 1: more than 1,000,000 cells in one row; is the delimiter "," right/,
    );
    expect(records(['a\n"open\n'])).toMatch(/line 2: a quoted field is never closed/);
    expect(records(['"a"b'])).toMatch(/line 1: unexpected text after a closing quote/);
  });
});
