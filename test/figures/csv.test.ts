import { describe, expect, it } from "vitest";
import { toCsv } from "../../src/figures/csv.js";

describe("toCsv", () => {
  it("quotes cells with commas, quotes and newlines; nulls are empty; columns are the union", () => {
    const csv = toCsv([
      { a: 1, b: 'say "hi", then\nleave' },
      { a: null, c: true },
    ]);
    expect(csv).toBe('a,b,c\n1,"say ""hi"", then\nleave",\n,,true\n');
  });
});
