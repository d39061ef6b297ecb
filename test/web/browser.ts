/**
 * Shared setup of the lab's browser tests: Debian's Chromium through playwright-core, the built dist/web
 * served by the same server as `learndyn lab`, and waits on the page's #run-state element.
 */
import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe } from "vitest";
import { type LabServer, startLabServer } from "../../src/cli/lab-server.js";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
/** Whether the browser tests can run here (CI installs Chromium, so there they must). */
export const HAVE_CHROMIUM = existsSync(CHROMIUM) || !!process.env.CI;

const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A browser on a lab server, collecting console errors. */
export interface LabBrowser {
  lab: LabServer;
  browser: Browser;
  consoleErrors: string[];
  newPage(hash?: string, search?: string): Promise<Page>;
  close(): Promise<void>;
}

export async function openLab(): Promise<LabBrowser> {
  const lab = await startLabServer({ root: "dist/web", port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const consoleErrors: string[] = [];
  return {
    lab,
    browser,
    consoleErrors,
    async newPage(hash = "", search = "") {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on("console", (m) => {
        if (m.type() === "error") consoleErrors.push(m.text());
      });
      page.on("pageerror", (e) => consoleErrors.push(`pageerror: ${e.message}`));
      await page.goto(`${lab.url}${search}${hash ? `#${hash}` : ""}`);
      return page;
    },
    async close() {
      await browser.close();
      await lab.close();
    },
  };
}

/**
 * A describe block (skipped where Chromium is missing) with one lab browser opened before its tests and
 * closed after them. `body` gets that browser; its fields are read when a test uses them (it opens in
 * beforeAll, after `body` has run).
 */
export function describeInLab(title: string, body: (lb: LabBrowser) => void): void {
  describe.runIf(HAVE_CHROMIUM)(title, () => {
    let open: LabBrowser | undefined;
    const lb = (): LabBrowser => {
      if (!open) throw new Error("the lab browser opens in beforeAll: use it inside a test");
      return open;
    };
    beforeAll(async () => {
      open = await openLab();
    });
    afterAll(async () => {
      await open?.close();
    });
    body({
      get lab() {
        return lb().lab;
      },
      get browser() {
        return lb().browser;
      },
      get consoleErrors() {
        return lb().consoleErrors;
      },
      newPage: (hash, search) => lb().newPage(hash, search),
      close: () => lb().close(),
    });
  });
}

/** An attribute of the page's #run-state element. */
export const runState = (page: Page, key: string) => page.getAttribute("#run-state", `data-${key}`);

/** Waits until the run named `name` is set up in the worker. */
export async function waitLoaded(page: Page, name: string): Promise<void> {
  await page.waitForFunction((n) => {
    const el = document.querySelector("#run-state");
    return el?.getAttribute("data-loaded") === "1" && el.getAttribute("data-name") === n;
  }, name);
}

/** Plays at full speed until the run is done. */
export async function runToEnd(page: Page): Promise<void> {
  await page.selectOption("[aria-label=speed]", "Infinity");
  await page.click("[data-testid=play]");
  await page.waitForFunction(
    () => document.querySelector("#run-state")?.getAttribute("data-status") === "done",
    null,
    { timeout: 90_000 },
  );
}

/** A number attribute of a chart's canvas (data-rules, data-theory, data-series). */
export async function chartCount(page: Page, testId: string, key: string): Promise<number> {
  return Number(await page.getAttribute(`[data-testid=${testId}]`, `data-${key}`));
}

/** The text of the element with data-testid `id` ("" when it has none). */
export const testIdText = async (page: Page, id: string) =>
  (await page.textContent(`[data-testid=${id}]`)) ?? "";

/** A full-page screenshot to $LAB_SHOTS/name.png when LAB_SHOTS names a folder (for looking at it). */
export async function shot(page: Page, name: string): Promise<void> {
  if (process.env.LAB_SHOTS)
    await page.screenshot({ path: `${process.env.LAB_SHOTS}/${name}.png`, fullPage: true });
}
