/**
 * The sharpness card (web/src/components/sharpness-card.tsx): on the edge-of-stability preset it draws the
 * sharpness probe's η·λ_max and the dashed limit 2, and the value reaches the edge; a run without the probe
 * has no such card. Needs `npm run build` and /usr/bin/chromium, like lab.browser.test.ts.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPreset } from "../../web/src/presets.js";
import {
  chartCount,
  HAVE_CHROMIUM,
  type LabBrowser,
  openLab,
  runToEnd,
  shot,
  testIdText,
  waitLoaded,
} from "./browser.js";

let lb: LabBrowser;

describe.runIf(HAVE_CHROMIUM)("sharpness card", () => {
  beforeAll(async () => {
    lb = await openLab();
  });
  afterAll(async () => {
    await lb?.close();
  });

  it("edge-of-stability preset: η·λ_max with the limit 2, rising to the edge", async () => {
    const page = await lb.newPage();
    await page.selectOption("[data-testid=preset]", "eos");
    await waitLoaded(page, "edge of stability");
    expect(await page.isVisible("[data-testid=card-sharpness]"), "mounted before the first record").toBe(
      true,
    );
    await runToEnd(page);
    expect(await chartCount(page, "chart-sharpness", "series")).toBe(1);
    expect(await chartCount(page, "chart-sharpness", "theory")).toBe(1);
    const now = Number((await testIdText(page, "card-sharpness")).match(/now (\d+\.\d+)/)?.[1]);
    // Cohen et al.: at the edge η·λ_max hovers near 2; the preset's box says it rises from ≈ 0.9 to 2.
    expect(now).toBeGreaterThan(1.6);
    expect(now).toBeLessThan(2.6);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid=card-sharpness] >> text=SVG"),
    ]);
    expect(download.suggestedFilename()).toBe("learndyn-sharpness.svg");
    const svg = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
    expect(svg).toContain("2 (stability limit)");
    await page.locator("[data-testid=card-sharpness]").scrollIntoViewIfNeeded();
    await shot(page, "sharpness-card");
    if (process.env.LAB_SHOTS)
      await page
        .locator("[data-testid=card-sharpness]")
        .screenshot({ path: `${process.env.LAB_SHOTS}/sharpness-card-only.png` });
    await page.close();
  });

  it("a run without the sharpness probe has no sharpness card", async () => {
    const page = await lb.newPage();
    await page.selectOption("[data-testid=preset]", "c3");
    await waitLoaded(page, findPreset("c3")!.config.name!);
    expect(await page.isVisible("[data-testid=card-sharpness]")).toBe(false);
    await page.close();
  });

  it("logs no console errors", () => {
    expect(lb.consoleErrors).toEqual([]);
  });
});
