import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FONT_FAMILY, fontFiles, fontMetrics } from "../../../src/node/report/fonts.js";

describe("fonts", () => {
  it("finds the DejaVu Sans files shipped by the dejavu-fonts-ttf npm package", () => {
    const files = fontFiles();
    expect(files).toHaveLength(4);
    for (const f of files) expect(existsSync(f), f).toBe(true);
    expect(files[0]).toMatch(/dejavu-fonts-ttf[\\/]ttf[\\/]DejaVuSans\.ttf$/);
    expect(FONT_FAMILY).toBe("DejaVu Sans");
  });
  it("caches metrics per weight", () => {
    expect(fontMetrics("bold")).toBe(fontMetrics("bold"));
    expect(fontMetrics("bold").width("M", 10)).toBeGreaterThan(fontMetrics("regular").width("M", 10));
  });
});
