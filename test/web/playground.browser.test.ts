/**
 * What TensorFlow Playground users expect of the lab, in Chromium: input features (feature crosses) that
 * the CLI trains the same way, a train/test split with its test loss and test points, and sliders.
 * Needs `npm run build` and /usr/bin/chromium, like lab.browser.test.ts. LAB_SHOTS=dir saves screenshots.
 */
import { expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { runTraining } from "../../src/train/run.js";
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

/** XOR is not linearly separable in (x1, x2), but is in x1·x2: the cross is what Playground teaches. */
const XOR = {
  name: "xor-cross",
  seed: 1,
  data: { kind: "playground", set: "xor", n: 120, nTest: 80, noise: 0 },
  inputs: ["x1", "x2", "x1*x2"],
  model: { hidden: [4], activation: "tanh", bias: true },
  init: { scheme: "xavier-normal" },
  loss: { kind: "ce", reduction: "mean" },
  optimizer: { kind: "gd", lr: 0.3 },
  train: { steps: 400 },
} as const;

describeInLab("Playground parity in Chromium", (lb) => {
  it("trains on input features exactly as the CLI does, and shows test loss and test points", async () => {
    const config = parseRunConfig(XOR);
    const page = await lb.newPage(encodeState(config));
    await waitLoaded(page, "xor-cross");
    expect(await page.isChecked("[data-testid='input-x1*x2']")).toBe(true);
    expect(await page.isChecked("[data-testid='input-sin(x1)']")).toBe(false);
    expect(await text(page, "card-boundary")).toContain("the network sees x1, x2, x1*x2");
    expect(await text(page, "cli-command")).toContain("inputs");
    await runToEnd(page);
    const node = runTraining(config);
    expect(await runState(page, "final-loss")).toBe(String(node.history[node.history.length - 1].loss));
    expect(await chartCount(page, "chart-test-loss", "series")).toBe(2);
    expect(await text(page, "test-note")).toMatch(
      /^Now: test loss [\d.]+ per point \(train [\d.]+\), test error [\d.]+\.$/,
    );
    expect(await text(page, "card-test")).toContain("120 training points and 80 test points");
    expect(await page.isVisible("[data-testid=no-test-note]"), "this data has a test set").toBe(false);
    expect(Number(await page.getAttribute("[data-testid=boundary-canvas]", "data-test-points"))).toBe(0);
    await page.click("[data-testid=show-test]");
    await expect
      .poll(() => page.getAttribute("[data-testid=boundary-canvas]", "data-test-points"))
      .toBe("80");
    // The network diagram: 3 inputs → 4 units → output, one edge per weight, a thumbnail per node.
    const net = "[data-testid=network-diagram]";
    expect(await page.getAttribute(net, "data-nodes")).toBe("8");
    expect(await page.getAttribute(net, "data-edges")).toBe("16");
    expect(await page.getAttribute(net, "data-thumbs")).toBe("8");
    expect(await page.getAttribute(net, "data-step")).toBe("400");
    const widths = await page.$$eval(`${net} line`, (ls) =>
      ls.map((l) => Number(l.getAttribute("stroke-width"))),
    );
    expect(Math.max(...widths)).toBeCloseTo(5.3, 5); // the largest weight
    expect(Math.min(...widths)).toBeLessThan(4);
    const colours = await page.$$eval(
      `${net} line`,
      (ls) => new Set(ls.map((l) => l.getAttribute("stroke"))).size,
    );
    expect(colours, "positive and negative weights").toBe(2);
    // The thumbnails are painted: the output's thumbnail is not blank.
    const painted = await page.$$eval("[data-testid=unit-thumb]", (cs) =>
      (cs as HTMLCanvasElement[]).map((c) => {
        const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let coloured = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i] < 200 || d[i + 2] < 200) coloured++;
        return coloured;
      }),
    );
    expect(painted.length).toBe(8);
    expect(Math.min(...painted)).toBeGreaterThan(0);
    await shot(page, "xor-cross");
    // Unchecking the cross leaves the coordinates: the config loses x1*x2, the run restarts.
    await page.click("[data-testid='input-x1*x2']");
    await expect.poll(() => text(page, "cli-command")).not.toContain("x1*x2");
    await page.close();
  });

  it("sliders write the config: learning rate, width, noise and the train/test ratio", async () => {
    const page = await lb.newPage();
    await page.selectOption("[data-testid=preset]", "spiral");
    await waitLoaded(page, "spiral");
    await page.fill("[data-testid=slider-lr]", "300"); // halfway on 10⁻⁴…10 (log): 10^-1.5
    await expect.poll(() => page.inputValue("#f-optimizer-lr")).toBe("0.0316");
    await page.fill("[data-testid=slider-width]", "8");
    await expect.poll(() => page.inputValue("#f-model-hidden")).toBe("8, 8");
    await page.fill("[data-testid=slider-noise]", "20");
    await expect.poll(() => page.inputValue("#f-data-noise")).toBe("0.2");
    // Spiral: 300 training and 250 test points; a 30% training share of the same 550.
    await page.fill("[data-testid=slider-ratio]", "30");
    await expect.poll(() => page.inputValue("#f-data-n")).toBe("165");
    expect(await text(page, "slider-ratio-value")).toBe("30% · 165 train / 385 test");
    await waitLoaded(page, "spiral");
    await expect.poll(() => text(page, "card-test")).toContain("165 training points and 385 test points");
    await shot(page, "sliders");
    await page.close();
  });

  it("draws the network of a run on data that is not 2-D as dots, live as it trains", async () => {
    const page = await lb.newPage();
    await page.selectOption("[data-testid=preset]", "c2");
    await waitLoaded(page, "C2 independent modes");
    const net = "[data-testid=network-diagram]";
    await page.waitForSelector(net);
    expect(await page.getAttribute(net, "data-thumbs")).toBe("0");
    const before = await page.$$eval(`${net} line`, (ls) => ls.map((l) => l.getAttribute("data-w")).join());
    await page.click("[data-testid=step]");
    await expect.poll(() => page.getAttribute(net, "data-step")).not.toBe("0");
    const after = await page.$$eval(`${net} line`, (ls) => ls.map((l) => l.getAttribute("data-w")).join());
    expect(after).not.toBe(before);
    // No held-out set: no test card, and a line says why and which data have one.
    expect(await page.isVisible("[data-testid=card-test]")).toBe(false);
    expect(await text(page, "no-test-note")).toMatch(
      /^No test loss: orthogonal data has no held-out test set; playground, moons and blobs data draw/,
    );
    await page.close();
  });

  it("logs no console errors", () => {
    expect(lb.consoleErrors).toEqual([]);
  });
});
