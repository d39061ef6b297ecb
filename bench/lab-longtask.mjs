// Is the lab's page responsive while it trains? Counts the main thread's long tasks (PerformanceObserver
// "longtask", > 50 ms) while presets train at full speed, then the cost of one Vega render of a shared
// figure spec (the figure export), which is why the live charts are drawn on canvas instead.
// Usage: npm run build && node bench/lab-longtask.mjs   (prints a table; not a test)
import { openLab } from "./lab-browser.mjs";

const PRESETS = (process.env.PRESETS ?? "c1,c3,c7,moons,spiral").split(",");
const SECONDS = Number(process.env.SECONDS ?? 8);

const lab = await openLab();
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
        if (box) await page.mouse.move(box.x + 60 + Math.random() * (box.width - 80), box.y + box.height / 2);
        await page.waitForTimeout(100);
      }
      const seconds = (Date.now() - t0) / 1000;
      if ((await page.getAttribute("[data-testid=play]", "aria-label")) === "pause")
        await page.click("[data-testid=play]");
      const records = Number(await page.getAttribute("#run-state", "data-records"));
      const tasks = await page.evaluate(() => window.__longtasks);
      const max = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
      rows.push({
        preset: id,
        speed,
        seconds: seconds.toFixed(1),
        records,
        longTasks: tasks.length,
        maxMs: Math.round(max),
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
const training = rows.filter((r) => r.speed !== "-");
const worst = Math.max(...training.map((r) => r.maxMs));
console.log(
  `longest main-thread task while training: ${worst} ms (${worst <= 50 ? "never blocked > 50 ms" : "BLOCKED > 50 ms"})`,
);
