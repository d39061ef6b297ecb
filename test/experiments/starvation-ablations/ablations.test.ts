import { describe, expect, it } from "vitest";
import { ABLATIONS, splitSd } from "../../../src/experiments/starvation-ablations/ablations.js";

describe("the ablation list (their Figure_3/moon_fig_3.py without dropout and BatchNorm)", () => {
  it("changes one thing of the plain setting per ablation, in their order", () => {
    expect(ABLATIONS.map((a) => a.id)).toEqual([
      "none",
      "weight-decay",
      "longer",
      "adam-small-lr",
      "adam-large-lr",
      "rotation",
      "deeper",
      "sd",
    ]);
    const plain = ABLATIONS[0];
    const changed = (a: (typeof ABLATIONS)[number]) =>
      (["optimizer", "epochFactor", "rotation", "hiddenLayers", "sdCoef"] as const).filter(
        (k) => JSON.stringify(a[k]) !== JSON.stringify(plain[k]),
      );
    expect(ABLATIONS.slice(1).map(changed)).toEqual([
      ["optimizer"],
      ["epochFactor"],
      ["optimizer"],
      ["optimizer"],
      ["rotation"],
      ["hiddenLayers"],
      ["sdCoef"],
    ]);
    expect(plain.optimizer).toEqual({ kind: "sgd", lr: 0.01, momentum: 0.9, weightDecay: 0 });
    expect(ABLATIONS[1].optimizer).toEqual({ kind: "sgd", lr: 0.01, momentum: 0.9, weightDecay: 0.01 });
    expect(ABLATIONS.slice(3, 5).map((a) => a.optimizer)).toEqual([
      { kind: "adam", lr: 1e-4 },
      { kind: "adam", lr: 3e-3 },
    ]);
  });

  it("splitSd finds the SD arm and refuses a list without one", () => {
    const { sd, others } = splitSd();
    expect(sd.id).toBe("sd");
    expect(sd.sdCoef).toBe(0.003);
    expect(others).toHaveLength(7);
    expect(() => splitSd(ABLATIONS.slice(0, 3))).toThrow(/no spectral-decoupling arm/);
  });
});
