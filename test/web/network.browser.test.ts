/**
 * The network diagram of a wide network in Chromium: collapsed to the first 10 nodes per column with the
 * total named, "show all" draws every node in a scrolling box, and the diagram downloads as SVG and PNG
 * with every edge and thumbnail in it. Needs `npm run build` and /usr/bin/chromium. LAB_SHOTS=dir saves
 * screenshots.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { encodeState } from "../../web/src/state/url-state.js";
import { HAVE_CHROMIUM, type LabBrowser, openLab, runToEnd, shot, waitLoaded } from "./browser.js";

let lb: LabBrowser;

/** Two hidden layers of 32 on 2-D data: 2 + 32 + 32 + 1 nodes, 2·32 + 32·32 + 32 weights. */
const WIDE = parseRunConfig({
  name: "wide-net",
  seed: 3,
  data: { kind: "playground", set: "circle", n: 60, nTest: 20 },
  model: { hidden: [32, 32], activation: "tanh", bias: true },
  init: { scheme: "xavier-normal" },
  loss: { kind: "ce", reduction: "mean" },
  optimizer: { kind: "gd", lr: 0.1 },
  train: { steps: 50 },
});
const NET = "[data-testid=network-diagram]";
const attr = (page: Page, key: string) => page.getAttribute(NET, `data-${key}`).then(Number);

/** The file a click on the network card's `format` button downloads. */
async function download(page: Page, format: "SVG" | "PNG"): Promise<{ name: string; bytes: Buffer }> {
  const [d] = await Promise.all([
    page.waitForEvent("download"),
    page.click(`[data-testid=card-network] >> text=${format}`),
  ]);
  const path = await d.path();
  if (process.env.LAB_SHOTS) await d.saveAs(`${process.env.LAB_SHOTS}/${d.suggestedFilename()}`);
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

describe.runIf(HAVE_CHROMIUM)("the network diagram of a wide network", () => {
  beforeAll(async () => {
    lb = await openLab();
  });
  afterAll(async () => {
    await lb?.close();
  });

  it("collapses to 10 nodes per column, shows all on request in a scrolling box, and exports SVG and PNG", async () => {
    const page = await lb.newPage(encodeState(WIDE));
    await waitLoaded(page, "wide-net");
    await runToEnd(page);
    expect(await attr(page, "step")).toBe(50);
    expect(await attr(page, "nodes")).toBe(2 + 10 + 10 + 1);
    expect(await page.textContent("[data-testid=card-network]")).toContain("layer 1 (10 of 32)");

    await page.check("[data-testid=network-all]");
    await expect.poll(() => attr(page, "nodes")).toBe(2 + 32 + 32 + 1);
    expect(await attr(page, "edges")).toBe(2 * 32 + 32 * 32 + 32);
    expect(await attr(page, "thumbs")).toBe(67);
    expect(await page.textContent("[data-testid=card-network]")).not.toContain("of 32)");
    const box = await page.$eval("[data-testid=network-scroll]", (e) => [e.scrollHeight, e.clientHeight]);
    expect(box[0], "the tall diagram scrolls inside its box").toBeGreaterThan(box[1]);
    expect(box[1]).toBeLessThanOrEqual(640);
    await shot(page, "network-all");

    const step = await attr(page, "step");
    const svg = await download(page, "SVG");
    expect(svg.name).toBe("learndyn-network.svg");
    const text = svg.bytes.toString("utf8");
    expect(text.startsWith("<svg xmlns=")).toBe(true);
    expect(text).toContain(`wide-net: network at step ${step}`);
    expect(text.match(/<line /g)?.length, "every weight an edge").toBe(1120);
    expect(text.match(/<image /g)?.length, "every node's thumbnail").toBe(67);

    const png = await download(page, "PNG");
    expect(png.name).toBe("learndyn-network.png");
    expect(png.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    const width = png.bytes.readUInt32BE(16);
    const diagramWidth = Number.parseFloat(
      (await page.$eval(NET, (e) => (e as HTMLElement).style.width)) ?? "0",
    );
    expect(width, "drawn at 2×").toBe(Math.ceil(2 * diagramWidth));
    await page.close();
  });

  it("logs no console errors", () => {
    expect(lb.consoleErrors).toEqual([]);
  });
});
