// Is the lab's page responsive while it trains? Counts the main thread's long tasks (PerformanceObserver
// "longtask", > 50 ms) while presets train at full speed, then the cost of one Vega render of a shared
// figure spec (the figure export), which is why the live charts are drawn on canvas instead.
// Usage: npm run build && node bench/lab-longtask.mjs   (prints a table; not a test)
//   PRESETS=c1,c3 SECONDS=8 REPEAT=3 node bench/lab-longtask.mjs
//   LAB_ROOT=/some/other/build node bench/lab-longtask.mjs   (A/B against another build of the lab)
// Long tasks are wall-clock: on a loaded machine a 15 ms task can last 50 ms while the OS runs other
// processes, so the load average is printed and REPEAT runs each case several times (all runs listed).
import { availableParallelism, loadavg } from "node:os";
import { chromium } from "playwright-core";
import { startLabServer } from "../dist/cli/lab-server.js";
import { CHROMIUM_ARGS } from "./lab-browser.mjs";

const PRESETS = (process.env.PRESETS ?? "c1,c3,c7,moons,spiral").split(",");
const SECONDS = Number(process.env.SECONDS ?? 8);
const REPEAT = Number(process.env.REPEAT ?? 1);

const server = await startLabServer({ port: 0, host: "127.0.0.1", root: process.env.LAB_ROOT });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: CHROMIUM_ARGS,
});
const lab = {
  url: server.url,
  browser,
  async close() {
    await browser.close();
    await server.close();
  },
};
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(" ");
const loadBefore = load();
const rows = [];
try {
  const page = await lab.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    window.__longtasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(lab.url);
  await page.waitForFunction(() => document.querySelector("#run-state")?.getAttribute("data-loaded") === "1");
  for (const id of PRESETS) {
    for (const speed of ["100", "Infinity"]) {
      const runs = [];
      for (let rep = 0; rep < REPEAT; rep++) {
        const run = Number(await page.getAttribute("#run-state", "data-run"));
        await page.selectOption("[data-testid=preset]", id);
        await page.waitForTimeout(300);
        if (Number(await page.getAttribute("#run-state", "data-run")) === run)
          await page.click("[data-testid=reset]");
        await page.waitForFunction((prev) => {
          const el = document.querySelector("#run-state");
          return Number(el?.getAttribute("data-run")) > prev && el?.getAttribute("data-loaded") === "1";
        }, run);
        await page.selectOption("[aria-label=speed]", speed);
        await page.evaluate(() => {
          window.__longtasks = [];
        });
        const t0 = Date.now();
        await page.click("[data-testid=play]");
        // Hover over the loss chart while training, as a user reading values would.
        const box = await page.locator("[data-testid=chart-loss]").boundingBox();
        while (Date.now() - t0 < SECONDS * 1000) {
          const status = await page.getAttribute("#run-state", "data-status");
          if (status !== "running") break;
          if (box)
            await page.mouse.move(box.x + 60 + Math.random() * (box.width - 80), box.y + box.height / 2);
          await page.waitForTimeout(100);
        }
        const seconds = (Date.now() - t0) / 1000;
        if ((await page.getAttribute("[data-testid=play]", "aria-label")) === "pause")
          await page.click("[data-testid=play]");
        const records = Number(await page.getAttribute("#run-state", "data-records"));
        const tasks = await page.evaluate(() => window.__longtasks);
        const max = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
        runs.push({ seconds, records, longTasks: tasks.length, maxMs: Math.round(max) });
      }
      rows.push({
        preset: id,
        speed,
        seconds: runs.map((r) => r.seconds.toFixed(1)).join("/"),
        records: runs.map((r) => r.records).join("/"),
        longTasks: runs.map((r) => r.longTasks).join("/"),
        maxMs: Math.max(...runs.map((r) => r.maxMs)),
        maxMsPerRun: runs.map((r) => r.maxMs).join("/"),
      });
    }
  }
  // One figure export (vega parse + render of a shared spec) for comparison.
  await page.evaluate(() => {
    window.__longtasks = [];
  });
  const t0 = Date.now();
  await Promise.all([page.waitForEvent("download"), page.click("[data-testid=card-error] >> text=SVG")]);
  const exportMs = Date.now() - t0;
  const tasks = await page.evaluate(() => window.__longtasks);
  rows.push({
    preset: "figure export (vega)",
    speed: "-",
    seconds: (exportMs / 1000).toFixed(2),
    records: "-",
    longTasks: tasks.length,
    maxMs: Math.round(tasks.reduce((m, t) => Math.max(m, t.duration), 0)),
  });
  await page.close();
} finally {
  await lab.close();
}
console.table(rows);
console.log(
  `load average (1, 5, 15 min): before ${loadBefore}, after ${load()} on ${availableParallelism()} cores`,
);
const training = rows.filter((r) => r.speed !== "-");
const worst = Math.max(...training.map((r) => r.maxMs));
console.log(
  `longest main-thread task while training: ${worst} ms (${worst <= 50 ? "never blocked > 50 ms" : "BLOCKED > 50 ms"})`,
);
