/**
 * Beyond Playground, in Chromium: runs pinned and overlaid (seeds side by side), and scrubbing back
 * through a finished run (phase portrait, decision boundary and network at step k).
 * Needs `npm run build` and /usr/bin/chromium, like lab.browser.test.ts. LAB_SHOTS=dir saves screenshots.
 */
import { expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { encodeState } from "../../web/src/state/url-state.js";
import {
  chartCount,
  describeInLab,
  runState,
  runToEnd,
  shot,
  testIdText as text,
  waitLoaded,
} from "./browser.js";

const XOR = parseRunConfig({
  name: "xor-seeds",
  seed: 1,
  data: { kind: "playground", set: "xor", n: 120, nTest: 80 },
  model: { hidden: [6], activation: "tanh", bias: true },
  init: { scheme: "xavier-normal" },
  loss: { kind: "ce", reduction: "mean" },
  optimizer: { kind: "gd", lr: 0.3 },
  train: { steps: 400 },
});

const UNITS = parseRunConfig({
  name: "units",
  data: { kind: "orthogonal", norms: [1, 1, 1, 1] },
  model: { hidden: [4], activation: "relu" },
  init: { scheme: "gaussian", scale: 0.1 },
  optimizer: { lr: 0.05 },
  train: { steps: 300 },
});

describeInLab("comparing and rewinding runs in Chromium", (lb) => {
  it("pins a run and overlays the next seed's on the loss and error charts", async () => {
    const page = await lb.newPage(encodeState(XOR));
    await waitLoaded(page, "xor-seeds");
    await runToEnd(page);
    const first = await runState(page, "final-loss");
    const before = Number(await runState(page, "run"));
    await page.click("[data-testid=pin-next-seed]");
    await expect.poll(() => page.inputValue("#f-seed")).toBe("2");
    await expect.poll(() => text(page, "pin-chip")).toContain("pinned 1: seed 1");
    // The next seed's run (same name): wait for a newer run id to be set up, not for the name.
    await page.waitForFunction((id) => {
      const el = document.querySelector("#run-state");
      return Number(el?.getAttribute("data-run")) > id && el?.getAttribute("data-loaded") === "1";
    }, before);
    await runToEnd(page);
    expect(await runState(page, "pins")).toBe("1");
    expect(await chartCount(page, "chart-loss", "series")).toBe(2);
    expect(await chartCount(page, "chart-error", "series")).toBe(2);
    expect(await text(page, "card-loss")).toContain("pinned 1: seed 1");
    expect(await runState(page, "final-loss"), "another seed, another run").not.toBe(first);
    await shot(page, "pinned-seeds");
    await page.click("[aria-label='unpin 1']");
    await expect.poll(() => chartCount(page, "chart-loss", "series")).toBe(1);
    await page.close();
  });

  it("keeps pins in the URL: the link re-trains them to the same curves, bit for bit", async () => {
    const page = await lb.newPage(encodeState(XOR));
    await waitLoaded(page, "xor-seeds");
    await runToEnd(page);
    const finalLoss = await runState(page, "final-loss");
    await page.click("[data-testid=pin-next-seed]");
    await expect.poll(() => text(page, "pin-chip")).toContain("pinned 1: seed 1");
    await expect.poll(() => page.url()).toContain("&pins=");
    const pinnedLoss = await runState(page, "pin-final-loss");
    expect(pinnedLoss).toBe(finalLoss);
    const link = page.url();
    expect(link.length, "the pin is its changes, not its curves").toBeLessThan(2500);
    await page.close();

    const again = await lb.newPage(link.slice(link.indexOf("#") + 1));
    await again.waitForFunction(
      () => document.querySelector("#run-state")?.getAttribute("data-pins-restoring") === "0",
      null,
      { timeout: 60_000 },
    );
    expect(await runState(again, "pins")).toBe("1");
    expect(await text(again, "pin-chip")).toContain("pinned 1: seed 1");
    expect(await runState(again, "pin-final-loss"), "re-trained from the link").toBe(pinnedLoss);
    expect(await chartCount(again, "chart-loss", "series")).toBe(2);
    expect(again.url()).toContain("&pins=");
    await shot(again, "pins-from-link");
    await again.close();
  });

  it("scrubs a finished run back to step k: boundary, network and phase portrait of that step", async () => {
    const page = await lb.newPage(encodeState(XOR));
    await waitLoaded(page, "xor-seeds");
    await runToEnd(page);
    const records = Number(await runState(page, "records"));
    const boundaryAtEnd = await page.getAttribute("[data-testid=boundary-canvas]", "data-step");
    expect(boundaryAtEnd).toBe("400");
    await page.fill("[data-testid=scrub]", "0");
    await expect.poll(() => text(page, "scrub-label")).toBe("step 0 · t = 0");
    expect(await page.getAttribute("[data-testid=boundary-canvas]", "data-step")).toBe("0");
    expect(await page.getAttribute("[data-testid=network-diagram]", "data-step")).toBe("0");
    await page.fill("[data-testid=scrub]", "20");
    await expect.poll(() => page.getAttribute("[data-testid=network-diagram]", "data-step")).toBe("200");
    await shot(page, "scrubbed-xor");
    await page.click("[data-testid=scrub-latest]");
    await expect.poll(() => page.getAttribute("[data-testid=boundary-canvas]", "data-step")).toBe("400");
    expect(records).toBe(41);

    await page.goto(`${lb.lab.url}#${encodeState(UNITS)}`);
    await waitLoaded(page, "units");
    await runToEnd(page);
    const n = Number(await runState(page, "records"));
    expect(await page.getAttribute("[data-testid=phase-canvas]", "data-points")).toBe(String(4 * n));
    await page.fill("[data-testid=scrub]", "5");
    await expect.poll(() => page.getAttribute("[data-testid=phase-canvas]", "data-points")).toBe("24");
    await shot(page, "scrubbed-units");
    await page.close();
  });

  it("logs no console errors", () => {
    expect(lb.consoleErrors).toEqual([]);
  });
});
