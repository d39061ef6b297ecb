/**
 * A run on a log record schedule in Chromium: the charts keep up with the run. The bug this guards: the
 * history slider's record outlived the pause it was set in, so after scrubbing back (on a log schedule
 * half the slider is t < 1) "step", "play" to the end, or "reset" trained on while every chart stayed at
 * the scrubbed record (t ≈ 1.3). Needs `npm run build` and /usr/bin/chromium. LAB_SHOTS=dir saves shots.
 */
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { runTraining } from "../../src/train/run.js";
import { PRESETS } from "../../web/src/presets.js";
import { encodeState } from "../../web/src/state/url-state.js";
import { describeInLab, runState, runToEnd, shot, testIdText, waitLoaded } from "./browser.js";

const c1 = PRESETS.find((p) => p.id === "c1")!;
const config = parseRunConfig({
  ...c1.config,
  probes: { ...c1.config.probes, schedule: { kind: "log", perDecade: 20 } },
});
const { lr } = config.optimizer;
const T = lr * config.train.steps;

/**
 * Where the loss chart's curve ends: the rightmost painted CSS-pixel column of its curves layer, and the
 * column the chart's log time axis [η, η·steps] (views.tsx) puts t at (plot margins of line-frame.ts).
 */
async function curveEnd(page: Page, t: number): Promise<{ painted: number; expected: number }> {
  return page.$eval(
    "[data-testid=chart-loss]",
    (top, [t, lo, hi]) => {
      const curves = top.parentElement!.querySelectorAll("canvas")[2] as HTMLCanvasElement;
      const { width, height } = curves;
      const px = curves.getContext("2d")!.getImageData(0, 0, width, height).data;
      let right = -1;
      for (let x = width - 1; x >= 0 && right < 0; x--)
        for (let y = 0; y < height; y++)
          if (px[(y * width + x) * 4 + 3] > 0) {
            right = x;
            break;
          }
      const css = curves.clientWidth;
      const dpr = width / css;
      const [left, plotW] = [58, css - 58 - 14];
      return {
        painted: right / dpr,
        expected: left + (plotW * Math.log(t / lo)) / Math.log(hi / lo),
      };
    },
    [t, lr, T] as [number, number, number],
  );
}

/** The same run in Node: its record times. */
let recordTimes: number[] | null = null;

/** The t of the run's latest record. */
async function latestT(page: Page): Promise<number> {
  recordTimes ??= runTraining(config).history.map((r) => r.t);
  return recordTimes[Number(await runState(page, "records")) - 1];
}

/** Waits until the loss chart's curve ends at the latest record (round caps reach ~2 px past it). */
async function expectCurveAtLatest(page: Page, what: string): Promise<void> {
  const t = await latestT(page);
  await expect
    .poll(async () => {
      const { painted, expected } = await curveEnd(page, t);
      return Math.abs(painted - expected) <= 4
        ? "at the latest record"
        : `${what}: ${painted} px, not ${expected}`;
    })
    .toBe("at the latest record");
}

async function scrubTo(page: Page, k: number): Promise<void> {
  await page.fill("[data-testid=scrub]", String(k));
  await expect.poll(() => runState(page, "at")).toBe(String(k));
}

describeInLab("a log record schedule in the lab", (lb) => {
  it("the charts follow the run after scrubbing back: step, play to the end, reset", async () => {
    const page = await lb.newPage(encodeState(config));
    await waitLoaded(page, config.name!);
    expect(await page.isChecked("[data-testid=log-x]"), "C1 opens on log time").toBe(true);
    await page.click("[data-testid=step]");
    await page.click("[data-testid=step]");
    await expect.poll(() => runState(page, "step")).toBe("20");
    // Steps 0–11, 13, 14, 16, 18 (step 20 is recorded as the 21st step starts): 16 records.
    expect(await runState(page, "records")).toBe("16");
    await expectCurveAtLatest(page, "after two steps");

    // Back to record 12 (step 13, t = 0.26): the chart shows that much.
    await scrubTo(page, 12);
    expect(await testIdText(page, "scrub-label")).toBe("step 13 · t = 0.26");
    const scrubbed = await curveEnd(page, 0.26);
    expect(Math.abs(scrubbed.painted - scrubbed.expected)).toBeLessThanOrEqual(4);

    // Training on shows the latest record again.
    await page.click("[data-testid=step]");
    await expect.poll(() => runState(page, "step")).toBe("30");
    await expectCurveAtLatest(page, "after a step from a scrubbed record");
    expect(await runState(page, "at"), "step returns the views to the latest record").toBe("");

    await scrubTo(page, 5);
    await runToEnd(page);
    expect(await runState(page, "at"), "play returns the views to the latest record").toBe("");
    expect(await testIdText(page, "scrub-label")).toBe(`latest: step 600 · t = ${T}`);
    await expectCurveAtLatest(page, "at the end of the run");
    await shot(page, "log-schedule-end");

    await scrubTo(page, 5);
    await page.click("[data-testid=reset]");
    await expect.poll(() => runState(page, "step")).toBe("0");
    expect(await runState(page, "at"), "reset starts the new run at its latest record").toBe("");
    await page.click("[data-testid=step]");
    await expect.poll(() => runState(page, "step")).toBe("10");
    await expectCurveAtLatest(page, "after reset and a step");
    expect(lb.consoleErrors).toEqual([]);
    await page.close();
  }, 90_000);
});
