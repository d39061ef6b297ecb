import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { makeData } from "../../src/data/registry.js";
import { Rng } from "../../src/engine/rng.js";
import { runTraining } from "../../src/train/run.js";
import { findPreset } from "../../web/src/presets.js";
import {
  configForUrl,
  fileStem,
  MAX_URL_DATA_CHARS,
  neutralConfig,
  readCsvAsInline,
} from "../../web/src/state/csv-upload.js";
import { encodeState } from "../../web/src/state/url-state.js";

/** A 200-point 2-D CSV (two moons), as a person would upload it. */
function moonsCsv(): string {
  const ds = makeData({ kind: "moons", n: 200, noise: 0.1 }, new Rng(1)).train;
  const rows = ["x1,x2,y"];
  for (let i = 0; i < ds.n; i++) rows.push(`${ds.x[2 * i]},${ds.x[2 * i + 1]},${ds.y[i]}`);
  return `${rows.join("\n")}\n`;
}

const finalError = (config: unknown) => {
  const h = runTraining(parseRunConfig(config)).history;
  return h[h.length - 1].error;
};

describe("an uploaded CSV", () => {
  const read = readCsvAsInline(moonsCsv(), "moons200.csv");
  if ("error" in read) throw new Error(read.error);
  const data = read.data;

  it("trains badly under the preset it replaced, well under the neutral config", () => {
    // Before: the upload kept C1's diagonal ε = 0.01 init, no bias, 600 steps of GD.
    const underC1 = finalError({ ...findPreset("c1")!.config, data });
    const neutral = neutralConfig(data, "moons200.csv", 5);
    const after = finalError(neutral);
    expect(underC1).toBeGreaterThan(0.1);
    expect(after).toBeLessThan(0.02);
    expect(neutral.name).toBe("moons200");
    expect(neutral.seed).toBe(5);
    expect(neutral.model).toEqual({ hidden: [16], activation: "relu", bias: true });
  });

  it("stays out of the URL when large; the URL names the file", () => {
    const raw = neutralConfig(data, "moons200.csv", 0);
    expect(JSON.stringify(data).length).toBeGreaterThan(MAX_URL_DATA_CHARS);
    const url = configForUrl(raw);
    expect(url.data).toEqual({ kind: "file", path: "moons200.csv" });
    expect(encodeState(url).length).toBeLessThan(600);
    // Small data stays inline, so such a link is complete.
    const small = readCsvAsInline("x1,x2,y\n0,1,1\n1,0,0\n", "tiny.csv");
    if ("error" in small) throw new Error(small.error);
    const tiny = neutralConfig(small.data, "tiny.csv", 0);
    expect(configForUrl(tiny)).toBe(tiny);
  });

  it("warns, as the CLI does, when every label is one class; not for two classes", () => {
    const one = readCsvAsInline("x1,x2,y\n0,1,1\n1,0,1\n2,2,1\n", "ones.csv");
    if ("error" in one) throw new Error(one.error);
    expect(one.warning).toMatch(/every one of the 3 labels of ones\.csv is \+1 \(one class\).*label column/);
    expect(read.warning).toBeNull();
  });

  it("names a run after its file", () => {
    expect(fileStem("C:\\data\\points.v2.csv")).toBe("points.v2");
    expect(fileStem("/tmp/x.csv")).toBe("x");
  });
});
