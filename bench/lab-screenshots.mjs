// Screenshots of the lab at desktop and phone width, for looking at: node bench/lab-screenshots.mjs [outDir]
import { mkdirSync } from "node:fs";
import { openLab } from "./lab-browser.mjs";

const out = process.argv[2] ?? "/tmp/lab-shots";
mkdirSync(out, { recursive: true });
const presets = (process.env.PRESETS ?? "c1,c3,moons").split(",");
const lab = await openLab();
try {
  for (const [name, viewport] of [
    ["desktop", { width: 1280, height: 800 }],
    ["phone", { width: 390, height: 844 }],
  ]) {
    const page = await lab.browser.newPage({ viewport, deviceScaleFactor: 1 });
    page.on("console", (m) => m.type() === "error" && console.log(`[console ${name}] ${m.text()}`));
    page.on("pageerror", (e) => console.log(`[pageerror ${name}] ${e.message}`));
    await page.goto(lab.url);
    for (const id of presets) {
      const before = Number(await page.getAttribute("#run-state", "data-run"));
      await page.selectOption("[data-testid=preset]", id);
      // A new run of this preset, set up in the worker (the old run's state says "loaded" until then).
      await page.waitForFunction(
        ([pid, run]) => {
          const el = document.querySelector("#run-state");
          return (
            Number(el?.getAttribute("data-run")) > run &&
            el?.getAttribute("data-loaded") === "1" &&
            document.querySelector("[data-testid=preset]").value === pid
          );
        },
        [id, before],
      );
      await page.selectOption("[aria-label=speed]", "Infinity");
      await page.click("[data-testid=play]");
      await page.waitForFunction(
        () =>
          ["done", "diverged", "stopped"].includes(
            document.querySelector("#run-state")?.getAttribute("data-status") ?? "",
          ),
        null,
        { timeout: 60_000 },
      );
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${out}/${name}-${id}.png` });
      if (name === "phone") await page.screenshot({ path: `${out}/${name}-${id}-full.png`, fullPage: true });
      if (name === "desktop")
        await page.screenshot({ path: `${out}/${name}-${id}-full.png`, fullPage: true });
      console.log(`${out}/${name}-${id}.png`);
    }
    if (name === "desktop") await extraShots(page);
    await page.close();
  }
} finally {
  await lab.close();
}

/** An uploaded 200-point CSV (two noisy moons drawn here) trained to the end, and the GAN tab after 1000 updates. */
async function extraShots(page) {
  const rows = ["x1,x2,y"];
  for (let i = 0; i < 200; i++) {
    const a = Math.PI * ((i * 0.618) % 1);
    const up = i % 2 === 0;
    const x = up ? Math.cos(a) : 1 - Math.cos(a);
    const y = up ? Math.sin(a) : 0.5 - Math.sin(a);
    rows.push(`${x + 0.1 * Math.sin(i * 12.9898)},${y + 0.1 * Math.cos(i * 78.233)},${up ? 1 : -1}`);
  }
  const before = Number(await page.getAttribute("#run-state", "data-run"));
  await page.setInputFiles("[data-testid=csv-input]", {
    name: "moons200.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${rows.join("\n")}\n`),
  });
  await page.waitForFunction((run) => {
    const el = document.querySelector("#run-state");
    return Number(el?.getAttribute("data-run")) > run && el?.getAttribute("data-name") === "moons200";
  }, before);
  await page.selectOption("[aria-label=speed]", "Infinity");
  await page.click("[data-testid=play]");
  await page.waitForFunction(
    () => document.querySelector("#run-state")?.getAttribute("data-status") === "done",
    null,
    {
      timeout: 60_000,
    },
  );
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/desktop-upload-full.png`, fullPage: true });
  console.log(`${out}/desktop-upload-full.png  url length ${page.url().length}`);
  await page.click("[data-testid=tab-gan]");
  await page.waitForSelector("[data-testid=gan-plane]");
  await page.click("[data-testid=gan-play]");
  await page.waitForFunction(
    () => Number(document.querySelector("[data-testid=gan-plane]")?.getAttribute("data-iteration")) >= 1000,
    null,
    { timeout: 60_000 },
  );
  await page.click("[data-testid=gan-play]");
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/desktop-gan-full.png`, fullPage: true });
  console.log(`${out}/desktop-gan-full.png  ${page.url()}`);
  await page.click("[data-testid=tab-lab]");
}
