/**
 * The lab's GAN view in Debian's Chromium (playwright-core), served from the built dist/web. Needs
 * `npm run build` (npm test builds first) and /usr/bin/chromium (.ci/run installs it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAVE_CHROMIUM, type LabBrowser, openLab } from "./browser.js";

let lb: LabBrowser;

describe.runIf(HAVE_CHROMIUM)("the GAN view in Chromium", () => {
  beforeAll(async () => {
    lb = await openLab();
  });
  afterAll(async () => {
    await lb?.close();
  });

  it("loads from its tab, trains, moves the samples and reports the modes captured", async () => {
    const page = await lb.newPage();
    await page.waitForSelector("#run-state", { state: "attached" });
    await page.click("[data-testid=tab-gan]");
    const plane = "[data-testid=gan-plane]";
    await page.waitForSelector(plane);
    await expect.poll(() => page.url()).toMatch(/#gan\?data=ring&loss=hinge&optimizer=adam&seed=0$/);
    const start = await page.getAttribute(plane, "data-first-sample");
    expect(await page.textContent("[data-testid=gan-modes]")).toMatch(/^\d+ \/ 8$/);
    await page.click("[data-testid=gan-play]");
    await page.waitForFunction(
      (sel) => Number(document.querySelector(sel)?.getAttribute("data-iteration")) >= 300,
      plane,
      { timeout: 30_000 },
    );
    await page.click("[data-testid=gan-play]");
    expect(await page.getAttribute(plane, "data-first-sample")).not.toBe(start);
    expect(Number(await page.textContent("[data-testid=gan-iteration]"))).toBeGreaterThanOrEqual(300);
    expect(await page.textContent("[data-testid=gan-modes]")).toMatch(/^\d+ \/ 8$/);
    // The grid has 25 modes; choosing it starts a new run.
    await page.selectOption("[data-testid=gan-data]", "grid");
    await expect.poll(() => page.textContent("[data-testid=gan-modes]")).toMatch(/^\d+ \/ 25$/);
    expect(await page.textContent("[data-testid=gan-iteration]")).toBe("0");
    // The choice is in the URL: a reload shows the same run.
    await page.selectOption("[data-testid=gan-loss]", "minimax");
    await expect.poll(() => page.url()).toMatch(/#gan\?data=grid&loss=minimax&optimizer=adam&seed=0$/);
    await page.reload();
    await page.waitForSelector(plane);
    expect(await page.inputValue("[data-testid=gan-data]")).toBe("grid");
    expect(await page.inputValue("[data-testid=gan-loss]")).toBe("minimax");
    await expect.poll(() => page.textContent("[data-testid=gan-modes]")).toMatch(/^\d+ \/ 25$/);
    // Step: exactly one record's worth of generator updates.
    await page.click("[data-testid=gan-step]");
    await expect.poll(() => page.textContent("[data-testid=gan-iteration]")).toBe("50");
    expect(await page.textContent("[data-testid=gan-cli-command]")).toBe(
      "npx learndyn gan --set data=grid --set loss=minimax --set " +
        '\'optimizer={"kind":"adam","lr":0.001,"beta1":0.5,"beta2":0.999,"eps":1e-8,"momentum":0}\'' +
        ' --set \'generator={"hidden":[32,32],"noiseDim":2}\' --set \'discriminator={"hidden":[32,32]}\'' +
        " --set batchSize=64 --set iterations=4000 --set recordEvery=50",
    );
    const [cfg] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid=gan-config-json]"),
    ]);
    expect(cfg.suggestedFilename()).toBe("learndyn-gan.json");
    const [svg] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid=gan-modes-svg]"),
    ]);
    expect(svg.suggestedFilename()).toBe("learndyn-gan-modes.svg");
    // Back to the network lab.
    await page.click("[data-testid=tab-lab]");
    await page.waitForFunction(
      () => document.querySelector("#run-state")?.getAttribute("data-loaded") === "1",
    );
    expect(lb.consoleErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
