/**
 * What the study presets' boxes promise (starvation-toy, simplicity-bias), checked on a finished run:
 * used by presets.browser.test.ts (every preset) and study-presets.browser.test.ts.
 */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { chartCount, testIdText } from "./browser.js";

/** The numbers of a note, in order. */
const numbers = (text: string) => [...text.matchAll(/-?\d+(?:\.\d+)?(?:e-?\d+)?/g)].map((m) => Number(m[0]));

/** z and z* of the toy's modes note ("Now: z = (z₁, z₂); theory z* = (z*₁, z*₂)."). */
export async function toyNote(page: Page): Promise<{ z: number[]; zStar: number[] }> {
  const text = await testIdText(page, "modes-note");
  const m = text.match(/^Now: z = \(([^)]*)\); theory z\* = \(([^)]*)\)\.$/);
  expect(m, text).not.toBeNull();
  return { z: numbers(m![1]), zStar: numbers(m![2]) };
}

/** The latest test error on each named test set, from the error card's note. */
export async function testErrors(page: Page): Promise<Record<string, number>> {
  const text = await testIdText(page, "accuracy-note");
  const out: Record<string, number> = {};
  for (const m of text.matchAll(/(test|S-randomized|Sc-randomized) (\d+(?:\.\d+)?(?:e-?\d+)?)/g))
    out[m[1]] = Number(m[2]);
  return out;
}

export const STUDY_PROMISES: Record<string, (page: Page) => Promise<void>> = {
  async "starvation-toy"(page) {
    expect(await page.isChecked("[data-testid=log-x]"), "who is learned first shows on log time").toBe(true);
    expect(await testIdText(page, "card-modes")).toContain("Feature coordinates z_j");
    expect(await chartCount(page, "chart-modes", "theory"), "z* dashed per feature").toBe(2);
    const { z, zStar } = await toyNote(page);
    // feature 1 (Λ₁ = 6) dominates and feature 2 stays small, on the exact minimiser (GD's 5000 steps stop
    // within 0.5% of it: the study's limits row)
    expect(z[0]).toBeGreaterThan(5 * z[1]);
    for (const j of [0, 1]) expect(Math.abs(z[j] - zStar[j]) / zStar[j], `z${j + 1}`).toBeLessThan(0.01);
  },
  async "simplicity-bias"(page) {
    const errors = await testErrors(page);
    expect(Object.keys(errors).sort()).toEqual(["S-randomized", "Sc-randomized", "test"]);
    expect(errors.test, "the net has learned the data").toBeLessThan(0.05);
    // relies on the linear coordinate: without it chance, without all the slabs still right
    expect(Math.abs(errors["S-randomized"] - 0.5)).toBeLessThan(0.1);
    expect(errors["Sc-randomized"]).toBeLessThan(0.05);
  },
};
