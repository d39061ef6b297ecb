import { describe, expect, it } from "vitest";
import {
  categoryColors,
  OUTCOME_COLORS,
  PALETTE,
  paletteColor,
  themeConfig,
} from "../../src/figures/theme.js";

describe("theme", () => {
  it("gives outcome colours by name and palette colours otherwise, without repeats", () => {
    const cols = categoryColors(["learned", "a", "b", "Failed"], { b: "#123456" });
    expect(cols).toEqual([OUTCOME_COLORS.learned, PALETTE[0], "#123456", OUTCOME_COLORS.failed]);
    expect(paletteColor(PALETTE.length + 1)).toBe(PALETTE[1]);
  });
  it("has readable defaults: fonts of 12 px or more and the palette as category range", () => {
    const c = themeConfig();
    expect(c.axis?.labelFontSize).toBeGreaterThanOrEqual(12);
    expect(c.legend?.labelFontSize).toBeGreaterThanOrEqual(12);
    expect(c.range?.category).toEqual([...PALETTE]);
  });
});
