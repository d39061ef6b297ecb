/**
 * The study presets in Chromium: each loads, its run shows what its box says (study-promises.ts), and the
 * toy's suggested edit (Λ₁ = 2 in the Data group) gives the z₂ the box quotes. Needs `npm run build` and
 * /usr/bin/chromium; LAB_SHOTS=dir saves a screenshot of each.
 */
import { expect, it } from "vitest";
import { findPreset } from "../../web/src/presets.js";
import { describeInLab, runState, runToEnd, shot, waitLoaded } from "./browser.js";
import { STUDY_PROMISES, toyNote } from "./study-promises.js";

describeInLab("the study presets", (lb) => {
  for (const id of Object.keys(STUDY_PROMISES)) {
    it(`${id}: loads, runs and shows what its box says`, async () => {
      const preset = findPreset(id)!;
      const page = await lb.newPage();
      await page.selectOption("[data-testid=preset]", id);
      await waitLoaded(page, preset.config.name!);
      expect(await page.textContent("[data-testid=watch]")).toContain(preset.watch.slice(0, 60));
      await runToEnd(page);
      await STUDY_PROMISES[id](page);
      await shot(page, `preset-${id}`);
      if (id === "starvation-toy") {
        const strong = await toyNote(page);
        await page.fill("#f-data-strength1", "2");
        await page.press("#f-data-strength1", "Enter");
        await expect.poll(() => runState(page, "records")).toBe("0");
        await runToEnd(page);
        const even = await toyNote(page);
        // the box: "z₂ then ends at 1.64" — the stronger feature 1 had held it down
        expect(preset.watch).toContain(`z₂ then ends at ${even.z[1].toFixed(2)}`);
        expect(even.z[1]).toBeGreaterThan(1.2 * strong.z[1]);
        await shot(page, "preset-starvation-toy-even");
      }
      await page.close();
    });
  }

  it("logs no console errors", () => {
    expect(lb.consoleErrors).toEqual([]);
  });
});
