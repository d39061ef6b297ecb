// The README's screenshots, taken from real runs: `npm run screenshots` (it builds first) writes SHOTS below.
// The lab is dist/web served by the server of `learndyn lab`, in Debian's Chromium through playwright-core
// (as the browser tests); each lab run is trained to its end in the page. The report is a fresh
// `learndyn reproduce` of the seven claims at the default scale (a few minutes on 2 cores); REPORT=dir
// photographs a report already written there instead. Look at every image after a run: nothing here
// checks what they show (test/scripts/screenshots.test.ts checks that they exist and the README shows them).
//   CHROMIUM=/path/to/chromium   another browser binary (default /usr/bin/chromium)
//   ONLY=lab | ONLY=report       take only the lab's three or the report's two
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** Every image the script writes (paths from the repository root) and what it shows. */
export const SHOTS = [
  { file: "docs/img/lab-c3.png", shows: "the lab on preset C3, trained to its end" },
  { file: "docs/img/own-data.png", shows: "an uploaded moons.csv (200 points) under the neutral config" },
  { file: "docs/img/gan.png", shows: "the GAN tab's default run (ring, hinge, Adam) trained to its end" },
  {
    file: "docs/img/report-summary.png",
    shows: "the top of a reproduce report: citation, contents, summary",
  },
  { file: "docs/img/report.png", shows: "the report's C3 section: setting, theory, verdict and figures" },
];

const shotPath = (name) => join(ROOT, SHOTS.find((s) => s.file.endsWith(`/${name}.png`)).file);

/** Two noisy moons, 200 points, drawn here with fixed phases (no RNG: the same file every time). */
function moonsCsv() {
  const rows = ["x1,x2,y"];
  for (let i = 0; i < 200; i++) {
    const a = Math.PI * ((i * 0.618) % 1);
    const up = i % 2 === 0;
    const x = up ? Math.cos(a) : 1 - Math.cos(a);
    const y = up ? Math.sin(a) : 0.5 - Math.sin(a);
    rows.push(`${x + 0.1 * Math.sin(i * 12.9898)},${y + 0.1 * Math.cos(i * 78.233)},${up ? 1 : -1}`);
  }
  return `${rows.join("\n")}\n`;
}

/** Waits for a new run (number above `before`) named `name` to be set up in the worker. */
async function waitNewRun(page, before, name) {
  await page.waitForFunction(
    ([run, n]) => {
      const el = document.querySelector("#run-state");
      return (
        Number(el?.getAttribute("data-run")) > run &&
        el?.getAttribute("data-loaded") === "1" &&
        el?.getAttribute("data-name") === n
      );
    },
    [before, name],
  );
}

/** Plays the run on screen at full speed to its end, then lets the last frame paint. */
async function trainToEnd(page) {
  await page.selectOption("[aria-label=speed]", "Infinity");
  await page.click("[data-testid=play]");
  await page.waitForFunction(
    () => document.querySelector("#run-state")?.getAttribute("data-status") === "done",
    null,
    { timeout: 180_000 },
  );
  await page.waitForTimeout(500);
}

async function labShots(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => document.querySelector("#run-state")?.getAttribute("data-loaded") === "1");
  let before = Number(await page.getAttribute("#run-state", "data-run"));
  await page.selectOption("[data-testid=preset]", "c3");
  await waitNewRun(page, before, "C3 failed training");
  await trainToEnd(page);
  await page.screenshot({ path: shotPath("lab-c3") });

  before = Number(await page.getAttribute("#run-state", "data-run"));
  await page.setInputFiles("[data-testid=csv-input]", {
    name: "moons.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(moonsCsv()),
  });
  await waitNewRun(page, before, "moons");
  await trainToEnd(page);
  await page.screenshot({ path: shotPath("own-data") });

  await page.click("[data-testid=tab-gan]");
  await page.waitForSelector("[data-testid=gan-plane]");
  await page.selectOption("[data-testid=gan-speed]", "Infinity");
  await page.click("[data-testid=gan-play]");
  // To the end (the play button stops by itself): the status line reads "iteration 4000 / 4000".
  await page.waitForFunction(
    () => {
      const m = /iteration (\d+) \/ (\d+)/.exec(
        document.querySelector("[data-testid=gan-status]")?.textContent ?? "",
      );
      return m !== null && m[1] === m[2];
    },
    null,
    { timeout: 300_000 },
  );
  await page.waitForTimeout(500);
  await page.screenshot({ path: shotPath("gan") });
}

/** The report: REPORT=dir, else a fresh `learndyn reproduce` into a temporary folder. */
function reportFile() {
  if (process.env.REPORT) return resolve(process.env.REPORT, "report.html");
  const out = mkdtempSync(join(tmpdir(), "learndyn-shots-"));
  console.log(`reproduce → ${out} (the seven claims at the default scale; a few minutes)`);
  execFileSync(process.execPath, [join(ROOT, "bin/learndyn.js"), "reproduce", "-o", out, "-q"], {
    stdio: "inherit",
  });
  return join(out, "report.html");
}

async function reportShots(page, file) {
  if (!existsSync(file)) throw new Error(`${file} does not exist: run learndyn reproduce -o DIR first`);
  await page.goto(pathToFileURL(file).href);
  // The top: the paper, what you are looking at, contents and the summary row per claim.
  const summary = page.locator("table").first();
  const box = await summary.boundingBox();
  const height = Math.min(2000, Math.ceil((box?.y ?? 800) + (box?.height ?? 0) + 24));
  await page.screenshot({
    path: shotPath("report-summary"),
    fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height },
  });
  // One claim's section as a reader meets it: its text, boxes and first figures.
  const s = await page.evaluate(() => {
    const h2 = [...document.querySelectorAll("section > h2")].find((h) => /^C3\b/.test(h.textContent ?? ""));
    const r = h2?.parentElement?.getBoundingClientRect();
    return r ? { top: r.top + window.scrollY, height: r.height } : null;
  });
  if (!s) throw new Error("the report has no C3 section");
  await page.screenshot({
    path: shotPath("report"),
    fullPage: true,
    clip: { x: 0, y: s.top, width: 1280, height: Math.min(s.height, 1600) },
  });
}

async function main() {
  const { chromium } = await import("playwright-core");
  const { startLabServer } = await import("../dist/cli/lab-server.js");
  const { CHROMIUM_ARGS } = await import("../bench/lab-browser.mjs");
  mkdirSync(join(ROOT, "docs/img"), { recursive: true });
  const only = process.env.ONLY;
  const report = only === "lab" ? null : reportFile();
  const server = await startLabServer({ port: 0, host: "127.0.0.1", root: join(ROOT, "dist/web") });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 1150 }, deviceScaleFactor: 1 });
    page.on("pageerror", (e) => console.log(`[pageerror] ${e.message}`));
    page.on("console", (m) => m.type() === "error" && console.log(`[console] ${m.text()}`));
    if (only !== "report") await labShots(page, server.url);
    if (report) await reportShots(page, report);
    for (const s of SHOTS) console.log(`${s.file}  ${s.shows}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
