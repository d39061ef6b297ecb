import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * scripts/screenshots.mjs (`npm run screenshots`) writes the README's images from real runs. Taking them
 * needs Chromium and minutes of training, so this test does not retake or compare them: it checks that every
 * image the script writes is committed as a real PNG of the lab's width, that the README shows each one,
 * and that every image the README shows exists.
 */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const script = readFileSync(join(ROOT, "scripts/screenshots.mjs"), "utf8");
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const targets = [...script.matchAll(/file: "(docs\/img\/[^"]+\.png)"/g)].map((m) => m[1]);

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const magic = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(magic)) return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe("the README's screenshots", () => {
  it("the script names its five images, and every shot it takes is one of them", () => {
    expect(targets).toEqual([
      "docs/img/lab-c3.png",
      "docs/img/own-data.png",
      "docs/img/gan.png",
      "docs/img/report-summary.png",
      "docs/img/report.png",
    ]);
    const taken = [...script.matchAll(/shotPath\("([^"]+)"\)/g)].map((m) => `docs/img/${m[1]}.png`);
    expect(new Set(taken)).toEqual(new Set(targets));
  });

  it.each(targets)("%s is a committed PNG of the page's width, with content", (file) => {
    const path = join(ROOT, file);
    expect(existsSync(path), `${file}: run npm run screenshots`).toBe(true);
    const bytes = readFileSync(path);
    const size = pngSize(bytes);
    expect(size, `${file} is not a PNG`).not.toBeNull();
    expect(size!.width).toBe(1280);
    expect(size!.height).toBeGreaterThan(300);
    // A blank page compresses to a few kB; a screenshot of charts and text does not.
    expect(bytes.length).toBeGreaterThan(30_000);
  });

  it("the README shows every one of them", () => {
    for (const file of targets) expect(readme, file).toContain(`](${file})`);
  });

  it("every image the README shows exists", () => {
    const shown = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThanOrEqual(targets.length);
    for (const file of shown.filter((f) => !/^https?:/.test(f)))
      expect(existsSync(join(ROOT, file)), `README shows ${file}`).toBe(true);
  });
});
