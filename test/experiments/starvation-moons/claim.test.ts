import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../../src/config/validate.js";
import { Rng } from "../../../src/engine/rng.js";
import { starvationMoonsExperiment } from "../../../src/experiments/starvation-moons/claim.js";
import { moonsConfig } from "../../../src/experiments/starvation-moons/runs.js";
import { MOONS_SCALES } from "../../../src/experiments/starvation-moons/settings.js";
import { torchLinearInit } from "../../../src/kit/measure/torch-init.js";

describe("starvation-moons", () => {
  it("reduced run (1 seed, 150 units): SD's boundary is more curved, the starved NTK feature grows", () => {
    const r = starvationMoonsExperiment.runWith(
      { ...MOONS_SCALES.default, seeds: 1, width: 150, epochs: 1000, grid: 41 },
      { seed: 1 },
    );
    const byName = Object.fromEntries(r.checks.map((c) => [c.prediction, c]));
    expect(byName["GS Fig. 1 (SD)"].measured as number).toBeGreaterThan(2);
    expect(byName["GS Fig. 1 (no SD)"].measured as number).toBeLessThan(0.08);
    expect(byName["GS Fig. 2"].pass).toBe(true);
    expect(r.figures.map((f) => f.name)).toEqual([
      "boundary-no-sd",
      "boundary-sd",
      "ntk-features",
      "ntk-spectrum",
    ]);
  }, 30000);

  it("config: PyTorch nn.Linear init (U(±1/√fan_in) for W and b), mean CE, SGD momentum, λ = 2·sd_coef", () => {
    const init = torchLinearInit([2, 500, 1], new Rng(0));
    const w0 = init[0].W.flat();
    expect(Math.max(...w0.map(Math.abs))).toBeLessThanOrEqual(1 / Math.SQRT2);
    expect(Math.max(...w0.map(Math.abs))).toBeGreaterThan(0.69);
    expect(Math.max(...init[1].W[0].map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(500));
    expect(init[0].b.some((b) => b !== 0)).toBe(true);
    const c = parseRunConfig(
      moonsConfig({
        seed: 0,
        n: 300,
        width: 500,
        epochs: 1000,
        sdCoef: 0.003,
        margin: 0.1,
        lr: 0.01,
        momentum: 0.9,
      }),
    );
    expect(c.regularization.spectralDecoupling).toBe(0.006);
    expect(c.loss.reduction).toBe("mean");
    expect(c.optimizer.momentum).toBe(0.9);
    expect(c.model.bias).toBe(true);
  });
});
