import { describe, expect, it } from "vitest";
import { ABLATIONS } from "../../../src/experiments/starvation-ablations/ablations.js";
import {
  ablationChecks,
  finalRatio,
  separationChance,
} from "../../../src/experiments/starvation-ablations/checks.js";
import type {
  AblationMeasurement,
  AblationResult,
} from "../../../src/experiments/starvation-ablations/measure.js";
import { FIG2_ARMS } from "../../../src/experiments/starvation-ablations/ntk-features.js";
import { ABLATION_SCALES } from "../../../src/experiments/starvation-ablations/settings.js";

const s = ABLATION_SCALES.default;

/** A made-up result: only the fields the checks read. */
function result(id: string, rms: number, seedRms: number[], accuracy = 1): AblationResult {
  const ablation = ABLATIONS.find((a) => a.id === id) as AblationResult["ablation"];
  return {
    ablation,
    runs: seedRms.map(() => ({ trainAccuracy: accuracy })),
    deviation: { rms },
    seedRms,
  } as unknown as AblationResult;
}

function measurement(sdRms: number, sdSeeds: number[], adam: AblationResult): AblationMeasurement {
  const others = ABLATIONS.filter((a) => a.sdCoef === 0 && a.id !== "adam-large-lr").map((a) =>
    result(a.id, 0.02, [0.02, 0.025, 0.018]),
  );
  return {
    results: [...others, adam, result("sd", sdRms, sdSeeds)],
    features: [],
  } as unknown as AblationMeasurement;
}

/** Fig. 2 runs whose last record has z_1 = 1 and z_6 = ratio. */
const featureRuns = (...ratios: number[]) =>
  ratios.map((r) => ({
    steps: [0, 9],
    responses: [
      [1, 1],
      [1, r],
    ],
    eigenvalues: [],
  }));

describe("ablation checks", () => {
  it("the Fig. 2 check compares z_6/z_1 at the end, mean over seeds, SD against 2 × no SD", () => {
    expect(finalRatio(featureRuns(0.1, 0.3))).toBeCloseTo(0.2, 15);
    const withPair = (none: number[], sd: number[]) => {
      const m = measurement(0.15, [0.14, 0.15, 0.16], result("adam-large-lr", 0.03, [0.03, 0.04, 0.02]));
      m.features = [
        { arm: FIG2_ARMS[0], runs: featureRuns(...none) },
        { arm: FIG2_ARMS[1], runs: featureRuns(...sd) },
      ];
      return ablationChecks(m, s);
    };
    const freed = withPair([0.03], [0.28]);
    expect(freed).toHaveLength(16);
    expect(freed[15]).toMatchObject({ prediction: "GS Fig. 2", pass: true, measured: "0.28 vs 0.03" });
    expect(withPair([0.03, 0.05], [0.07, 0.08])[15].pass).toBe(false); // 0.075 < 2 × 0.04
  });

  it("separationChance is 1/C(2n, n)", () => {
    expect(separationChance(1)).toBe(1 / 2);
    expect(separationChance(3)).toBeCloseTo(1 / 20, 15);
    expect(separationChance(10)).toBeCloseTo(1 / 184756, 18);
  });

  it("one fit check, a line check per non-SD ablation, an SD check per non-SD ablation; all pass on a clear contrast", () => {
    const checks = ablationChecks(
      measurement(0.15, [0.14, 0.15, 0.16], result("adam-large-lr", 0.03, [0.03, 0.04, 0.02])),
      s,
    );
    expect(checks).toHaveLength(15);
    expect(checks.every((c) => c.pass)).toBe(true);
    expect(checks.every((c) => c.basis.length > 20 && c.finding === undefined)).toBe(true);
    expect(checks.find((c) => c.prediction === "GS Fig. 3 (SD vs none)")?.measured).toBeCloseTo(7.5, 12);
    expect(checks.find((c) => c.prediction === "GS Fig. 3 (SD vs none)")?.basis).toContain(
      "1/C(6, 3) = 0.05",
    );
  });

  it("a bent non-SD boundary fails its line check and, under a factor 2, its SD check: findings when it fitted", () => {
    const adam = result("adam-large-lr", 0.078, [0.064, 0.085, 0.097]);
    const checks = ablationChecks(measurement(0.155, [0.158, 0.161, 0.165], adam), s);
    const line = checks.find((c) => c.prediction === "GS Fig. 3 (adam-large-lr: line)");
    const sd = checks.find((c) => c.prediction === "GS Fig. 3 (SD vs adam-large-lr)");
    expect(line?.pass).toBe(false);
    expect(line?.finding).toMatch(/Adam lr 3e-3 bends the boundary measurably: RMS 0.078/);
    expect(sd?.pass).toBe(false);
    expect(sd?.finding).toMatch(/1.99× as far from a line.*fully separated/);
    expect(checks.filter((c) => !c.pass)).toHaveLength(2);
  });

  it("overlapping seeds fail the SD check even at a large ratio; an ablation that did not fit is a fault, not a finding", () => {
    const overlap = ablationChecks(
      measurement(0.15, [0.01, 0.2, 0.24], result("adam-large-lr", 0.03, [0.03, 0.04, 0.02])),
      s,
    );
    const failed = overlap.filter((c) => !c.pass).map((c) => c.prediction);
    expect(failed).toHaveLength(7);
    expect(failed.every((p) => p.startsWith("GS Fig. 3 (SD vs "))).toBe(true);
    const unfit = ablationChecks(
      measurement(0.15, [0.14, 0.15, 0.16], result("adam-large-lr", 0.08, [0.08, 0.08, 0.08], 0.97)),
      s,
    );
    expect(unfit[0].pass).toBe(false);
    expect(unfit[0].tolerance).toContain("Adam lr 3e-3");
    const line = unfit.find((c) => c.prediction === "GS Fig. 3 (adam-large-lr: line)");
    expect(line?.pass).toBe(false);
    expect(line?.finding).toBeUndefined();
  });
});
