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
    await page.close();
  }
} finally {
  await lab.close();
}
