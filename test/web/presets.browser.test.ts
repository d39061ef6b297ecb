/**
 * Every preset shows what its "What to watch" box names: each overlay or view the box talks about is
 * drawn (the chart canvases report how many theory curves and rules they were given).
 * Needs `npm run build` and /usr/bin/chromium, like lab.browser.test.ts.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PRESETS } from "../../web/src/presets.js";
import { chartCount, HAVE_CHROMIUM, type LabBrowser, openLab, runToEnd, waitLoaded } from "./browser.js";
import { STUDY_PROMISES } from "./study-promises.js";

let lb: LabBrowser;

const text = async (page: Page, id: string) => (await page.textContent(`[data-testid=${id}]`)) ?? "";
const visible = (page: Page, id: string) => page.isVisible(`[data-testid=${id}]`);
const logYOn = (page: Page, card: string) =>
  page.getAttribute(`[data-testid=card-${card}] button[title="logarithmic y axis"]`, "aria-pressed");

/** What each preset's box promises, checked on a finished run. */
const PROMISES: Record<string, (page: Page) => Promise<void>> = {
  ...STUDY_PROMISES,
  async c1(page) {
    expect(await page.isChecked("[data-testid=log-x]"), "C1 starts on log time").toBe(true);
    expect(await chartCount(page, "chart-error", "theory"), "this init's curve and E(t)").toBe(2);
    expect(await text(page, "card-error")).toContain("E(t) = ½[1 − gd(rt)/π]");
    expect(await visible(page, "phase-canvas"), "failure region of the phase portrait").toBe(true);
  },
  async c2(page) {
    expect(await chartCount(page, "chart-modes", "theory"), "a dashed Ei curve per mode").toBe(6);
    expect(await visible(page, "matrix-canvas"), "the off-diagonal weights view").toBe(true);
    expect(await chartCount(page, "chart-offdiag", "series")).toBe(1);
    expect(await text(page, "offdiag-value")).toContain("exactly zero");
  },
  async c3(page) {
    expect(await visible(page, "phase-canvas")).toBe(true);
    expect(await text(page, "card-phase")).toContain("fails (b < −a)");
    expect(await chartCount(page, "chart-error", "theory")).toBeGreaterThanOrEqual(1);
  },
  async c4(page) {
    expect(await text(page, "card-modes"), "one colour per norm").toContain("‖x‖ = 4");
    expect(await chartCount(page, "chart-modes", "theory")).toBe(16);
    // The population curve levels at ¼ but this draw does not: it is labelled as not applying.
    expect(await text(page, "population-note")).toMatch(
      /^Does not apply: E\(t\) is the mean over random inits/,
    );
    expect(await text(page, "card-error")).toContain("does not apply to this draw's level");
  },
  async c5(page) {
    expect(await chartCount(page, "chart-modes", "rules"), "a dotted predicted time per feature").toBe(3);
    expect(await logYOn(page, "modes"), "e^{prt} growth on a log axis").toBe("true");
    const note = await text(page, "feature-note");
    const t = [...note.replace(/Measured in this run.*/, "").matchAll(/t_([ABC]) = (\d+(?:\.\d+)?)/g)].map(
      (m) => Number(m[2]),
    );
    expect(t.length).toBe(3);
    expect(t[1] / t[0]).toBeCloseTo(2, 1); // half the frequency: twice the time
    expect(t[2] / t[1]).toBeCloseTo(2, 1);
    // A, B and C take off in that order, each near its exact predicted time (from this run's init).
    const measured = [...(await text(page, "feature-measured")).matchAll(/t_([ABC]) = (\d+(?:\.\d+)?)/g)].map(
      (m) => Number(m[2]),
    );
    expect(measured.length, "all three learned by the end").toBe(3);
    expect(measured[0]).toBeLessThan(measured[1]);
    expect(measured[1]).toBeLessThan(measured[2]);
    expect(await text(page, "no-test-note"), "features data: per-feature test sets only").toMatch(
      /^No train\/test loss: this data's test sets \(A-only, B-only, C-only, all\) are probes/,
    );
    for (const [j, m] of measured.entries()) {
      expect(Math.abs(m - t[j]) / t[j], `feature ${"ABC"[j]}`).toBeLessThan(0.1);
    }
  },
  async c6(page) {
    expect(await chartCount(page, "chart-error", "theory")).toBe(2);
    expect(await chartCount(page, "chart-modes", "theory")).toBe(32);
  },
  async c7(page) {
    expect(await text(page, "card-modes")).toContain("Feature strengths");
    expect(await logYOn(page, "modes"), "B stalls on a log y axis").toBe("true");
  },
  async saxe(page) {
    expect(await page.isChecked("[data-testid=log-x]"), "sigmoids over decades of time").toBe(true);
    expect(await visible(page, "card-modes"), "one margin per point").toBe(true);
  },
  async "implicit-bias"(page) {
    expect(await page.isChecked("[data-testid=log-x]"), "1/t and ln t on log time").toBe(true);
    expect(await visible(page, "boundary-canvas"), "the boundary settling").toBe(true);
  },
  async moons(page) {
    expect(await visible(page, "boundary-canvas")).toBe(true);
  },
  async spiral(page) {
    expect(await visible(page, "boundary-canvas")).toBe(true);
  },
  async eos(page) {
    expect(await text(page, "regime"), "the meter names the broken assumption").toContain("stability");
    const why = (await page.getAttribute("[data-testid=regime]", "title")) ?? "";
    expect(why).toMatch(/η·λ_max = [\d.]+ \(recorded at step \d+\) > 2: .*edge of stability/);
    // The box sends the reader to History CSV's lrSharpness column: ≈ 0.9 at the start, ≈ 2 from ~1000 on.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "History CSV" }).click(),
    ]);
    const rows = readFileSync((await download.path())!, "utf8")
      .trim()
      .split("\n");
    const header = rows[0].split(",");
    const col = header.indexOf("lrSharpness");
    const stepCol = header.indexOf("step");
    expect(col, "History CSV has lrSharpness").toBeGreaterThan(0);
    const cells = rows.slice(1).map((r) => r.split(","));
    const at = (step: number) => Number(cells.find((c) => Number(c[stepCol]) >= step)![col]);
    expect(at(0), "η·λ_max at the start").toBeGreaterThan(0.7);
    expect(at(0)).toBeLessThan(1.1);
    const late = cells.filter((c) => Number(c[stepCol]) >= 1000).map((c) => Number(c[col]));
    const median = [...late].sort((a, b) => a - b)[late.length >> 1];
    expect(median, "η·λ_max hovers at 2 from step 1000 on").toBeGreaterThan(1.85);
    expect(median).toBeLessThan(2.2);
  },
  async s2s(page) {
    expect(await page.isChecked("[data-testid=log-x]"), "the staircase needs log time").toBe(true);
    expect(await visible(page, "card-loss")).toBe(true);
    expect(await text(page, "card-loss")).toContain("squared");
  },
};

describe.runIf(HAVE_CHROMIUM)("every preset draws what its box names", () => {
  beforeAll(async () => {
    lb = await openLab();
  });
  afterAll(async () => {
    await lb?.close();
  });

  it("has a promise check for every preset", () => {
    expect(Object.keys(PROMISES).sort()).toEqual(PRESETS.map((p) => p.id).sort());
  });

  for (const p of PRESETS) {
    it(`${p.id}: ${p.title}`, async () => {
      const page = await lb.newPage();
      await page.selectOption("[data-testid=preset]", p.id);
      await waitLoaded(page, p.config.name!);
      await runToEnd(page);
      await PROMISES[p.id](page);
      await page.close();
    });
  }

  it("logs no console errors", () => {
    expect(lb.consoleErrors).toEqual([]);
  });
});
