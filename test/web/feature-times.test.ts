import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { crossingTime } from "../../src/kit/measure/feature-response.js";
import { runTraining } from "../../src/train/run.js";
import { findPreset } from "../../web/src/presets.js";
import { featureTimesGap } from "../../web/src/worker/feature-times.js";
import { LabSession } from "../../web/src/worker/session.js";

describe("C5's predicted learning times in the lab", () => {
  it("the C5 preset's features are learned apart, at the predicted times", () => {
    const preset = findPreset("c5")!;
    const predicted = new LabSession(preset.config).theory().featureTimes!;
    expect(predicted.map((f) => f.name)).toEqual(["A", "B", "C"]);
    // The same run in Node, with the feature responses in the history: when does r·f(u_j) reach 1?
    const config = parseRunConfig({
      ...preset.config,
      probes: { schedule: { kind: "every", every: 1 }, include: ["feature-responses"] },
    });
    const history = runTraining(config).history;
    const measured = [0, 1, 2].map((j) =>
      crossingTime(
        history.map((r) => ({ x: r.t, y: (r.response as number[])[j] })),
        1,
      ),
    );
    // Separate: each feature takes about twice as long as the next more frequent one.
    expect(measured[1] / measured[0]).toBeGreaterThan(1.8);
    expect(measured[2] / measured[1]).toBeGreaterThan(1.8);
    // And on time: GD with lr·p·r ≤ 0.04 follows the flow to within a few percent.
    measured.forEach((t, j) => {
      expect(Math.abs(t / predicted[j].t - 1), `feature ${predicted[j].name}`).toBeLessThan(0.05);
    });
  });

  it("draws no times where features share points (C7); says why when the carriers are disjoint", () => {
    const c7 = parseRunConfig(findPreset("c7")!.config);
    expect(featureTimesGap(c7)).toContain('carriers are not "disjoint"');
    const overlay = new LabSession(findPreset("c7")!.config).theory();
    expect(overlay.featureTimes).toBeUndefined();
    expect(overlay.notes).toEqual([]);
    const c5 = findPreset("c5")!.config;
    const relu = new LabSession({ ...c5, model: { ...c5.model, activation: "relu" } }).theory();
    expect(relu.featureTimes).toEqual([]);
    expect(relu.notes[0]).toBe("No predicted learning times: activation is not linear.");
  });
});

describe("the C7 preset", () => {
  it("starves B: it stalls two orders of magnitude below A, as its box says", () => {
    const preset = findPreset("c7")!;
    const config = parseRunConfig({
      ...preset.config,
      probes: { ...preset.config.probes, include: ["feature-responses"] },
    });
    const h = runTraining(config).history;
    const [uA, uB] = h[h.length - 1].response as number[];
    expect(uA).toBeGreaterThan(5);
    expect(uB / uA).toBeLessThan(0.02);
  });
});
