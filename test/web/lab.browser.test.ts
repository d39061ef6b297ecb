/**
 * The lab in Debian's Chromium (playwright-core), served from the built dist/web by the same server as
 * `learndyn lab`. Needs `npm run build` (npm test builds first) and /usr/bin/chromium (.ci/run installs it).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { runTraining } from "../../src/train/run.js";
import { PRESETS } from "../../web/src/presets.js";
import { decodeState, encodeState } from "../../web/src/state/url-state.js";
import {
  HAVE_CHROMIUM,
  type LabBrowser,
  openLab,
  runToEnd,
  runState as state,
  waitLoaded,
} from "./browser.js";

let lb: LabBrowser;
const newPage = (hash = "", search = "") => lb.newPage(hash, search);

async function waitRecords(page: Page, atLeast: number): Promise<number> {
  await page.waitForFunction(
    (k) => Number(document.querySelector("#run-state")?.getAttribute("data-records")) >= k,
    atLeast,
    {
      timeout: 30_000,
    },
  );
  return Number(await state(page, "records"));
}

describe.runIf(HAVE_CHROMIUM)("the lab in Chromium", () => {
  beforeAll(async () => {
    lb = await openLab();
  });
  afterAll(async () => {
    await lb?.close();
  });

  it(
    "runs every preset: curves move, theory overlaid where it applies",
    async () => {
      const page = await newPage();
      for (const p of PRESETS) {
        await page.selectOption("[data-testid=preset]", p.id);
        await waitLoaded(page, p.config.name!);
        await expect.poll(() => page.textContent("[data-testid=watch]")).toContain(p.watch.slice(0, 30));
        await page.click("[data-testid=play]");
        const first = await waitRecords(page, 3);
        const later = await waitRecords(page, first + 2);
        expect(later).toBeGreaterThan(first);
        await page.click("[data-testid=play]"); // pause
        expect(await page.isVisible("[data-testid=chart-loss]")).toBe(true);
        expect(await page.isVisible("[data-testid=chart-error]")).toBe(true);
        const theory = Number(await state(page, "theory"));
        if (["c1", "c2", "c3", "c4", "c6"].includes(p.id)) {
          expect(theory, `theory overlay for ${p.id}`).toBeGreaterThan(0);
          expect(await page.isVisible("[data-testid=phase-canvas]")).toBe(true);
        }
        if (["c5", "c7"].includes(p.id))
          expect(await page.textContent("[data-testid=card-modes]")).toContain("Feature strengths");
        if (["moons", "spiral"].includes(p.id))
          expect(await page.isVisible("[data-testid=boundary-canvas]")).toBe(true);
      }
      await page.close();
      // One page walks every preset: its time grows with their number (17 now).
    },
    8_000 * PRESETS.length,
  );

  it("a control changes the URL, and that URL restores the state", async () => {
    const page = await newPage();
    await page.selectOption("[data-testid=preset]", "c2");
    await waitLoaded(page, "C2 independent modes");
    const before = page.url();
    await page.fill("#f-optimizer-lr", "0.037");
    await page.selectOption("#f-loss-kind", "hinge");
    expect(page.url()).not.toBe(before);
    await expect
      .poll(() => {
        const d = decodeState(new URL(page.url()).hash);
        return d.kind === "ok" ? d.config : d;
      })
      .toMatchObject({ optimizer: { lr: 0.037 }, loss: { kind: "hinge" } });
    const url = page.url();
    const again = await lb.browser.newPage();
    await again.goto(url);
    await waitLoaded(again, "C2 independent modes");
    expect(await again.inputValue("#f-optimizer-lr")).toBe("0.037");
    expect(await again.inputValue("#f-loss-kind")).toBe("hinge");
    await again.close();
    // An invalid value is explained next to its control and stops the run from starting.
    await page.fill("#f-optimizer-lr", "-2");
    await expect
      .poll(() => page.textContent("[data-testid='problems-optimizer.lr']"))
      .toContain("optimizer.lr:");
    expect(await page.isDisabled("[data-testid=play]")).toBe(true);
    await page.close();
  });

  it("a bad CSV shows the parser's error; a good one becomes the data", async () => {
    const page = await newPage();
    await page.setInputFiles("[data-testid=csv-input]", {
      name: "bad.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("x1,x2,y\n0,1,1\n2,oops,-1\n"),
    });
    await expect
      .poll(() => page.textContent("[data-testid=csv-error]"))
      .toContain('bad.csv, line 3, column "x2": "oops" is not a number');
    await page.setInputFiles("[data-testid=csv-input]", {
      name: "good.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("x1,x2,y\n0,1,1\n1,0,0\n-1,0,1\n0,-1,0\n"),
    });
    await expect.poll(() => page.isVisible("[data-testid=csv-error]")).toBe(false);
    await expect.poll(() => page.inputValue("#f-data-kind")).toBe("inline");
    await expect.poll(() => page.isVisible("[data-testid=boundary-canvas]")).toBe(true);
    await page.close();
  });

  it("gives the same final loss as runTraining in Node, to the last bit", async () => {
    const preset = PRESETS.find((p) => p.id === "c4")!;
    const config = parseRunConfig({ ...preset.config, train: { steps: 700 } });
    const page = await newPage(encodeState(config));
    await waitLoaded(page, config.name!);
    await runToEnd(page);
    const node = runTraining(config);
    const final = node.history[node.history.length - 1];
    expect(await state(page, "final-loss")).toBe(String(final.loss));
    expect(Number(await state(page, "records"))).toBe(node.history.length);
    await page.close();
  });

  it("splits a large run's products across a helper thread (cross-origin isolated), same bits as Node", async () => {
    const config = parseRunConfig({
      name: "threads-check",
      data: { kind: "moons", n: 800 },
      model: { hidden: [96, 96], activation: "relu" },
      optimizer: { kind: "gd", lr: 1e-4 },
      train: { steps: 1000 },
    });
    // 2 threads asked for in the address (by default the lab leaves one of this machine's 2 cores to the page).
    const page = await newPage(encodeState(config), "?threads=2");
    await waitLoaded(page, "threads-check");
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
    await runToEnd(page);
    // The helper starts at the first large product and reports ready within the run (~1 s of steps).
    expect(await state(page, "threads")).toBe("2/2");
    await expect(page.textContent("[data-testid=status]")).resolves.toContain("wasm · 2/2 threads");
    const node = runTraining(config);
    expect(await state(page, "final-loss")).toBe(String(node.history[node.history.length - 1].loss));
    await page.close();
  });

  it("shows divergence as a banner and a marked curve, and exports figures", async () => {
    // A linear model under squared loss with η‖x‖² = 10 multiplies its error by −9 per step.
    const config = parseRunConfig({
      name: "diverges",
      data: { kind: "orthogonal", norms: [1, 1, 1, 1] },
      model: { hidden: [] },
      loss: { kind: "squared" },
      optimizer: { kind: "gd", lr: 10 },
      train: { steps: 200 },
    });
    const page = await newPage(encodeState(config));
    await waitLoaded(page, config.name!);
    await page.click("[data-testid=play]");
    await page.waitForSelector("[data-testid=diverged-banner]", { timeout: 30_000 });
    expect(await page.textContent("[data-testid=diverged-banner]")).toMatch(/diverged at step \d+/);
    expect(await state(page, "status")).toBe("diverged");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid=card-loss] >> text=SVG"),
    ]);
    expect(download.suggestedFilename()).toBe("learndyn-loss.svg");
    await page.close();
  });

  it("runs under the server's Content-Security-Policy: injected scripts do not run, figures still render", async () => {
    const violations: string[] = [];
    const config = parseRunConfig({ name: "csp", train: { steps: 400 } });
    const page = await newPage(encodeState(config));
    await page.exposeFunction("reportViolation", (v: string) => violations.push(v));
    await page.evaluate(() =>
      document.addEventListener("securitypolicyviolation", (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(
          `${e.violatedDirective} ${e.blockedURI}`,
        ),
      ),
    );
    // An injected inline script (what a cross-site-scripting bug would plant) does not run.
    expect(
      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "window.__injected = true";
        document.head.append(script);
        return (window as unknown as { __injected?: boolean }).__injected ?? "refused";
      }),
    ).toBe("refused");
    await waitLoaded(page, "csp");
    await page.click("[data-testid=play]");
    await waitRecords(page, 3);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.click("[data-testid=card-loss] >> text=PNG"),
    ]);
    expect(download.suggestedFilename()).toBe("learndyn-loss.png");
    // Besides the injected script, only evals are refused (zod probes whether it may eval and works
    // without; vega interprets its expressions): the lab itself loads nothing the policy refuses.
    expect(violations.filter((v) => !/^script-src(-elem)? (inline|eval)$/.test(v))).toEqual([]);
    expect(violations.some((v) => v.endsWith("inline"))).toBe(true);
    // The refused script shows in the console; nothing else may.
    lb.consoleErrors.splice(
      0,
      lb.consoleErrors.length,
      ...lb.consoleErrors.filter((m) => !/Content Security Policy/.test(m)),
    );
    await page.close();
  });

  it("logs no console errors", () => {
    expect(lb.consoleErrors).toEqual([]);
  });
});
