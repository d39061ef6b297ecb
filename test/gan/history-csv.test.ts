import { describe, expect, it } from "vitest";
import { ganHistoryCsv } from "../../src/gan/history-csv.js";
import { createGanRun } from "../../src/gan/train.js";

describe("ganHistoryCsv", () => {
  it("one header of the record's fields, one row per record, numbers read back exactly", () => {
    const run = createGanRun({
      generator: { hidden: [4] },
      discriminator: { hidden: [4] },
      batchSize: 8,
      iterations: 20,
      recordEvery: 10,
      evalSamples: 50,
    });
    run.run();
    const lines = ganHistoryCsv(run.history).trimEnd().split("\n");
    const header = lines[0].split(",");
    expect(header).toEqual(Object.keys(run.history[0]));
    expect(new Set(header).size).toBe(header.length);
    expect(lines.length).toBe(1 + run.history.length);
    const last = lines[lines.length - 1].split(",").map(Number);
    expect(last).toEqual(header.map((k) => run.history[run.history.length - 1][k as "kl"]));
    expect(ganHistoryCsv([])).toBe("");
  });
});
