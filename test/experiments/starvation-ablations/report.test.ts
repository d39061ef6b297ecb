import { describe, expect, it } from "vitest";
import { ABLATIONS } from "../../../src/experiments/starvation-ablations/ablations.js";
import { measureAblations } from "../../../src/experiments/starvation-ablations/measure.js";
import {
  ablationLimits,
  ablationSummary,
  protocolOf,
} from "../../../src/experiments/starvation-ablations/report.js";
import { ABLATION_SCALES } from "../../../src/experiments/starvation-ablations/settings.js";

describe("ablation report", () => {
  it("names the protocol each setting follows", () => {
    expect(protocolOf(ABLATION_SCALES.default)).toMatch(/first version of their script \(commit 67808b8/);
    expect(protocolOf(ABLATION_SCALES.full)).toMatch(/current script \(commit bc5c296/);
    expect(protocolOf({ ...ABLATION_SCALES.default, epochs: 300 })).toMatch(
      /neither of their protocols \(300 epochs/,
    );
  });

  it("a limit per ablation with its accuracies, margin and line; the protocol row names the narrower deep net", () => {
    const s = {
      ...ABLATION_SCALES.default,
      seeds: 1,
      width: 30,
      deepWidth: 8,
      epochs: 100,
      grid: 31,
      nTest: 20,
      ntkSeeds: 0,
    };
    const m = measureAblations(
      s,
      0,
      {},
      ABLATIONS.filter((a) => a.id === "none" || a.id === "sd"),
    );
    const limits = ablationLimits(m, s);
    expect(limits.map((l) => l.setting)).toEqual([
      "protocol",
      "no regularization",
      "spectral decoupling 0.003",
    ]);
    expect(limits[0].deviation).toContain(
      "the 5-layer net 8 units wide (theirs: 500), the 2-layer net 30 units wide (theirs: 500)",
    );
    expect(limits[0].deviation).toContain("with 1 seed (theirs: 10)");
    expect(limits[0].deviation).toContain("0.28–0.33");
    expect(limits[1].deviation).toMatch(/training accuracy [\d.]+.*test accuracy.*smallest distance/);
    const summary = ablationSummary(m, s).join(" ");
    expect(summary).toContain("Figure_3/moon_fig_3.py");
    expect(summary).toMatch(/of 1 non-SD ablations stay within 0.05 of a line/);
  });
});
