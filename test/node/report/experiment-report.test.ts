import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExperimentResult } from "../../../src/experiments/experiment.js";
import type { Figure } from "../../../src/figures/figure.js";
import { lineChart } from "../../../src/figures/lineChart.js";
import { writeExperimentReport } from "../../../src/node/report/experiment-report.js";

function result(id: string, figures: { name: string; figure: Figure }[]): ExperimentResult {
  return {
    id,
    claim: "C1",
    title: `Claim ${id}`,
    summary: ["a test"],
    checks: [
      {
        prediction: "P1",
        statement: "one is one",
        predicted: 1,
        measured: 1,
        tolerance: "exact",
        basis: "x",
        pass: true,
      },
    ],
    limits: [],
    figures: figures.map((f) => ({ ...f, caption: `the ${f.name}` })),
    configs: {},
    scale: "default",
    seed: 0,
    seconds: 0.1,
  } as ExperimentResult;
}

const curve = (k: number): Figure =>
  lineChart({
    title: `curve ${k}`,
    xTitle: "t",
    yTitle: "v",
    series: [{ name: "s", points: [0, 1, 2, 3].map((x) => ({ x, y: k * x })) }],
  });

/** A figure the renderer refuses (Vega-Lite cannot compile an unknown mark). */
const broken: Figure = { spec: { mark: "no-such-mark", data: { values: [] } } as never, data: [] };

function files(dir: string): Map<string, string> {
  const all = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else all.set(relative(dir, path), readFileSync(path, "latin1"));
    }
  };
  walk(dir);
  return all;
}

describe("writeExperimentReport", () => {
  it("writes the report and leaves no staging folder", async () => {
    const dir = mkdtempSync(join(tmpdir(), "learndyn-report-"));
    const written = await writeExperimentReport([result("one", [{ name: "a", figure: curve(1) }])], dir, {
      png: false,
    });
    expect(written.figures).toBe(1);
    expect([...files(dir).keys()].sort()).toEqual([
      "checks.csv",
      "figures/one-a.csv",
      "figures/one-a.json",
      "figures/one-a.svg",
      "figures/one-a.vl.json",
      "report.html",
      "results.json",
      "theory.html",
    ]);
    expect(JSON.parse(readFileSync(written.results, "utf8"))[0].figures).toEqual(["figures/one-a"]);
  });

  it("leaves the previous report byte for byte when writing the new one fails half-way", async () => {
    const dir = mkdtempSync(join(tmpdir(), "learndyn-report-"));
    await writeExperimentReport([result("one", [{ name: "a", figure: curve(1) }])], dir, { png: false });
    const before = files(dir);
    // The new report's first figure (same name, other data) renders; its second does not.
    const failing = writeExperimentReport(
      [
        result("one", [
          { name: "a", figure: curve(7) },
          { name: "b", figure: broken },
        ]),
      ],
      dir,
      { png: false },
    );
    await expect(failing).rejects.toThrow();
    expect(files(dir)).toEqual(before);
    expect(readdirSync(dir).filter((n) => n.startsWith("."))).toEqual([]);
  });
});
