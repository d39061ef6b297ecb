import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scatterChart } from "../../../src/figures/scatterChart.js";
import { writeFigure } from "../../../src/node/report/writeFigure.js";

describe("writeFigure", () => {
  let dir = "";
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("writes svg, png, json, csv and the spec", async () => {
    dir = await mkdtemp(join(tmpdir(), "learndyn-fig-"));
    const fig = scatterChart({
      title: "Times",
      xTitle: "x",
      yTitle: "y",
      points: [
        { x: 1, y: 2, category: "learned" },
        { x: 2, y: 3, category: "failed" },
      ],
    });
    const out = await writeFigure(join(dir, "sub"), "c4-times", fig, { scale: 1 });
    expect(await readFile(out.files.svg, "utf8")).toBe(out.svg);
    expect(out.svg).toContain("Times");
    expect(JSON.parse(await readFile(out.files.json, "utf8"))).toEqual(fig.data);
    const csv = await readFile(out.files.csv, "utf8");
    expect(csv.split("\n")[0]).toBe("layer,x,y,category");
    expect(csv).toContain("point,2,3,failed");
    const png = await readFile(out.files.png!);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(JSON.parse(await readFile(out.files.spec!, "utf8")).title).toEqual(fig.spec.title);
  });

  it("refuses names that are not plain file names", async () => {
    const fig = scatterChart({ title: "t", xTitle: "x", yTitle: "y", points: [{ x: 1, y: 1 }] });
    await expect(writeFigure(tmpdir(), "../../escape", fig)).rejects.toThrow(/must be letters/);
  });
});
