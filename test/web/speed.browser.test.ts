/**
 * The network tab's speed menu in Chromium: a finite speed is what the run gets when the worker can go
 * that fast (the GAN tab had a fixed wait after each slice that held it at ~40 % of the worker's pace;
 * fixed there in c166c19, and here). Needs `npm run build` and /usr/bin/chromium.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { encodeState } from "../../web/src/state/url-state.js";
import { describeInLab, runState, waitLoaded } from "./browser.js";

/** A run of ~1000 steps/s on a loaded core (200 points, 32 × 32 ReLU), far longer than any test plays it. */
const CONFIG = parseRunConfig({
  name: "speed-check",
  seed: 1,
  data: { kind: "moons", n: 200 },
  model: { hidden: [32, 32], activation: "relu" },
  optimizer: { kind: "gd", lr: 1e-4 },
  train: { steps: 1_000_000 },
  probes: { schedule: { kind: "every", every: 10 }, include: [] },
});

const step = async (page: Page) => Number(await runState(page, "step"));

/** Plays a fresh run at `speed` (steps/s, "Infinity": max) for ~2.5 s; the steps per second it made. */
async function rateAt(page: Page, speed: string): Promise<{ steps: number; seconds: number; rate: number }> {
  await page.click("[data-testid=reset]");
  await expect.poll(() => step(page)).toBe(0);
  await page.selectOption("[aria-label=speed]", speed);
  const t0 = Date.now();
  await page.click("[data-testid=play]");
  await page.waitForTimeout(2500);
  await page.click("[data-testid=play]");
  const seconds = (Date.now() - t0) / 1000;
  // Pausing posts the last progress: wait until the count stands still.
  let steps = -1;
  await expect.poll(async () => steps === (steps = await step(page))).toBe(true);
  return { steps, seconds, rate: steps / seconds };
}

describeInLab("the network tab's speed menu", (lb) => {
  it("a finite speed is reached when the worker can, max is not held back, slow stays slow", async () => {
    const page = await lb.newPage(encodeState(CONFIG));
    await waitLoaded(page, "speed-check");
    // Max before and after the others, the slower of the two: the machine's load changes within a test.
    const maxBefore = await rateAt(page, "Infinity");
    const fast = await rateAt(page, "1000");
    const slow = await rateAt(page, "20");
    const maxAfter = await rateAt(page, "Infinity");
    const max = Math.min(maxBefore.rate, maxAfter.rate);
    const rates = `fast ${fast.rate.toFixed(0)}/s, slow ${slow.rate.toFixed(1)}/s, max ${max.toFixed(0)}/s`;
    expect(slow.steps, "slow: at most 20 steps/s").toBeLessThanOrEqual(20 * slow.seconds + 10);
    expect(fast.steps, "fast: at most 1000 steps/s").toBeLessThanOrEqual(1000 * fast.seconds + 50);
    // Before the fix each tick owed a fixed 40 ms's worth of steps and then waited 40 ms, though a tick
    // lasts longer (its slice, the posts, the decision grid): fast made 189/s where max made 1038/s, and
    // slow 8.7/s.
    expect(fast.rate, rates).toBeGreaterThan(0.5 * Math.min(1000, max));
    expect(slow.rate, rates).toBeGreaterThan(0.6 * Math.min(20, max));
    expect(lb.consoleErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
