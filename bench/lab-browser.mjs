// Shared by the lab's browser scripts: Debian's Chromium driven by playwright-core, and the lab served
// from dist/web by the same server code as `learndyn lab`. Run `npm run build` first.
import { chromium } from "playwright-core";
import { startLabServer } from "../dist/cli/lab-server.js";

/** Chromium flags that work on this kind of machine (closed network, root, no GPU). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Starts the lab server on a free port and a headless Chromium. playwright's launch() gives Chromium a new
 * empty --user-data-dir of its own (it refuses one in args), removed when the browser closes.
 */
export async function openLab() {
  const lab = await startLabServer({ port: 0, host: "127.0.0.1" });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  return {
    url: lab.url,
    browser,
    async close() {
      await browser.close();
      await lab.close();
    },
  };
}
