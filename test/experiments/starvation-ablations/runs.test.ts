import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../../src/config/validate.js";
import { ABLATIONS } from "../../../src/experiments/starvation-ablations/ablations.js";
import { ablationConfig, netSizes, runAblation } from "../../../src/experiments/starvation-ablations/runs.js";
import { ABLATION_SCALES } from "../../../src/experiments/starvation-ablations/settings.js";
import { runMoons } from "../../../src/experiments/starvation-moons/runs.js";
import { gridCoords } from "../../../src/kit/measure/decision-grid.js";

const byId = (id: string) => ABLATIONS.find((a) => a.id === id) as (typeof ABLATIONS)[number];
const small = { ...ABLATION_SCALES.default, width: 40, deepWidth: 12, epochs: 200, nTest: 50 };

describe("an ablation's run config", () => {
  it("maps each ablation onto the engine: torch's SGD (coupled decay), Adam, rotation, depth, λ = 2·sd_coef, 10× steps", () => {
    const cfg = (id: string) => parseRunConfig(ablationConfig(byId(id), small, 7));
    expect(cfg("none").optimizer).toMatchObject({ kind: "gd", lr: 0.01, momentum: 0.9, weightDecay: 0 });
    expect(cfg("weight-decay").optimizer.weightDecay).toBe(0.01);
    expect(cfg("adam-large-lr").optimizer).toMatchObject({
      kind: "adam",
      lr: 3e-3,
      beta1: 0.9,
      beta2: 0.999,
      eps: 1e-8,
    });
    expect(cfg("longer").train.steps).toBe(2000);
    expect(cfg("none").train.steps).toBe(200);
    expect(cfg("rotation").data).toMatchObject({ kind: "moons", rotation: 45, margin: 0.1 });
    expect(cfg("sd").regularization.spectralDecoupling).toBe(0.006);
    expect(cfg("deeper").model.hidden).toEqual([12, 12, 12, 12]);
    expect(netSizes(byId("deeper"), small)).toEqual([2, 12, 12, 12, 12, 1]);
    expect(cfg("none").model).toMatchObject({ hidden: [40], activation: "relu", bias: true });
    expect(cfg("none").probes.include).toEqual(["test-accuracy"]);
  });

  it("the plain and SD ablations are starvation-moons' two arms, bit for bit (same data, init, loss and optimizer)", () => {
    const coords = gridCoords(21);
    for (const [id, sdCoef] of [
      ["none", 0],
      ["sd", 0.003],
    ] as const) {
      const ours = runAblation(byId(id), small, 3, coords);
      const moons = runMoons(
        { seed: 3, n: 300, width: 40, epochs: 200, sdCoef, margin: 0.1, lr: 0.01, momentum: 0.9 },
        coords,
        [],
      );
      expect(ours.grid).toEqual(moons.grid);
      expect(ours.x).toEqual(moons.x);
      expect(ours.loss).toBe(moons.loss);
    }
  });

  it("runs report accuracies, the logits at the training points and the grid", () => {
    const r = runAblation(byId("adam-large-lr"), small, 1, gridCoords(11));
    expect(r.grid).toHaveLength(121);
    expect(r.logits).toHaveLength(300);
    const correct = r.logits.filter((f, i) => f * r.y[i] > 0).length / 300;
    expect(r.trainAccuracy).toBe(correct);
    expect(r.testAccuracy).toBeGreaterThan(0.9);
    expect(r.testAccuracy).toBeLessThanOrEqual(1);
  });
});
