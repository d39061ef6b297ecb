import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFontMetrics } from "../../../src/node/report/fontMetrics.js";
import { fontDirectory } from "../../../src/node/report/fonts.js";

describe("fontMetrics", () => {
  const regular = parseFontMetrics(readFileSync(join(fontDirectory(), "DejaVuSans.ttf")));
  const bold = parseFontMetrics(readFileSync(join(fontDirectory(), "DejaVuSans-Bold.ttf")));

  it("reads DejaVu Sans advance widths (units per em 2048)", () => {
    expect(regular.advance("0".codePointAt(0)!)).toBeCloseTo(1303 / 2048, 6);
    expect(regular.advance(" ".codePointAt(0)!)).toBeCloseTo(651 / 2048, 6);
    expect(regular.advance("i".codePointAt(0)!)).toBeLessThan(regular.advance("m".codePointAt(0)!));
    expect(regular.width("00", 10)).toBeCloseTo((2 * 1303 * 10) / 2048, 6);
  });

  it("bold is wider; non-Latin symbols used in figures have glyphs", () => {
    expect(bold.width("learning", 12)).toBeGreaterThan(regular.width("learning", 12));
    for (const ch of "‖η×≈−⁻³εσ") expect(regular.advance(ch.codePointAt(0)!), ch).toBeGreaterThan(0.2);
  });

  it("rejects a file that is not a font", () => {
    expect(() => parseFontMetrics(new Uint8Array(64))).toThrow(/not a TrueType/);
  });
});
