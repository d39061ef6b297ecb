import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import type { RegimeCheckId, RegimeVerdict } from "../../src/regime/check.js";
import { measureRegime } from "../../src/regime/meter.js";
import { buildData } from "../../src/train/build-data.js";
import { runTraining } from "../../src/train/run.js";
import { issueCaseInput } from "./issue-case.js";

/** Two orthogonal points, one unit each, wrong-sign start a = 0.1, y·b = −0.05: gradient flow recovers it. */
function issueCase(lr: number, extra: Record<string, unknown> = {}) {
  return parseRunConfig({ ...issueCaseInput(lr, Math.ceil(20 / lr)), ...extra });
}

function verdict(raw: unknown): RegimeVerdict {
  const run = runTraining(parseRunConfig(raw), { regime: true });
  return run.regime as RegimeVerdict;
}

const check = (v: RegimeVerdict, id: RegimeCheckId) => v.checks.find((c) => c.id === id)!;

/** The theory's exact setting: orthogonal points, diagonal small init, ReLU, plain GD, small step. */
const exact = {
  data: { kind: "orthogonal", norms: [1, 2, 0.5, 1.5] },
  model: { hidden: [4] },
  init: { scheme: "diagonal", scale: 0.05 },
  optimizer: { lr: 0.01 },
  train: { steps: 2000 },
};

describe("regime meter", () => {
  it("the issue's case (η‖x‖ = 6): says the flow bound and stability break and a recovering unit was killed", () => {
    const run = runTraining(issueCase(6), { regime: true });
    const v = run.regime as RegimeVerdict;
    expect(run.status).toBe("done");
    expect(v.holds).toBe(false);
    expect(v.breaks).toEqual(["flowStep", "stability", "fates"]);
    expect(check(v, "flowStep").value).toBe(6);
    // λ_max at the saddle-like start is ≈ r·σ(0) = ½ per mode: η·λ ≈ 3.
    expect(check(v, "stability").value).toBeGreaterThan(2.9);
    expect(check(v, "fates").why).toMatch(/1 that gradient flow keeps or recovers were killed/);
    expect(v.summary).toMatch(/flowStep \(η·max‖x‖ = 6 > 1\)/);
  });

  it("below the flow bound the same unit recovers and every check holds", () => {
    for (const lr of [0.05, 0.3, 0.9]) {
      const v = runTraining(issueCase(lr), { regime: true }).regime as RegimeVerdict;
      expect(v.breaks, `lr ${lr}`).toEqual([]);
      expect(check(v, "fates").value).toBe(0);
    }
  });

  it("inside the exact setting every assumption holds and each is measured", () => {
    const v = verdict(exact);
    expect(v.holds).toBe(true);
    expect(v.unmeasured).toEqual([]);
    expect(check(v, "offDiagonal").value).toBe(0);
    expect(check(v, "flowStep").value).toBeCloseTo(0.02, 15);
  });

  it("a large init breaks only the small-init assumption", () => {
    const v = verdict({ ...exact, init: { scheme: "diagonal", scale: 2 } });
    expect(v.breaks).toEqual(["initScale"]);
    expect(check(v, "initScale").value).toBeGreaterThan(0.1);
  });

  it("non-orthogonal inputs with a dense layer break the independence of modes", () => {
    const v = verdict({ data: { kind: "blobs", n: 40 }, model: { hidden: [8] }, init: { scale: 0.01 } });
    expect(v.breaks).toContain("inputs");
    expect(v.breaks).toContain("firstLayer");
    expect(check(v, "inputs").value).toBeGreaterThan(0.5);
    expect(check(v, "offDiagonal").holds).toBeNull();
  });

  it("leaky-relu couples the modes: off-diagonal weights grow from a diagonal init", () => {
    const v = verdict({ ...exact, model: { hidden: [4], activation: "leaky-relu", leakySlope: 0.1 } });
    expect(v.breaks).toEqual(["units", "offDiagonal"]);
    expect(check(v, "units").value).toBe(0.1);
    expect(check(v, "offDiagonal").value as number).toBeGreaterThan(1e-6);
  });

  it("a dense Gaussian first layer is reported as not diagonal", () => {
    const v = verdict({ ...exact, init: { scheme: "gaussian", scale: 0.05 } });
    expect(v.breaks).toContain("firstLayer");
    expect(check(v, "fates").holds).toBeNull();
  });

  it("a diagonal network (diagonalLayers [0]) on features data needs no orthogonal inputs", () => {
    const v = verdict({
      data: { kind: "features", n: 40 },
      model: { hidden: [2], diagonalLayers: [0], activation: "linear" },
      init: { scheme: "diagonal", scale: 0.01 },
      loss: { reduction: "mean" },
      optimizer: { lr: 0.05 },
      train: { steps: 200 },
    });
    expect(check(v, "inputs").holds).toBe(true);
    expect(check(v, "units").holds).toBe(true);
    expect(check(v, "firstLayer").holds).toBe(true);
    expect(check(v, "flowStep").quantity).toMatch(/^η\/40/);
  });

  it("Adam and minibatches break the optimizer assumption; stability is then not measured", () => {
    const v = verdict({ ...exact, optimizer: { kind: "adam", lr: 0.01 } });
    expect(v.breaks).toEqual(["optimizer"]);
    expect(check(v, "stability").holds).toBeNull();
    const s = verdict({ ...exact, optimizer: { kind: "sgd", lr: 0.01, batchSize: 2 } });
    expect(s.breaks).toContain("optimizer");
  });

  it("above its budget the meter reads λ_max from a recorded sharpness probe, else says it did not measure", () => {
    const config = parseRunConfig({ ...exact, optimizer: { lr: 3 }, probes: { include: ["sharpness"] } });
    const run = runTraining(config);
    const data = buildData(config).train;
    const input = {
      config,
      data,
      spec: { inputDim: 4, ...config.model },
      initialParams: new Float64Array(run.weights.flatMap((l) => l.W.flat())),
      history: run.history,
    };
    const withProbe = measureRegime(input, { sharpnessBudget: 0 });
    const stability = check(withProbe, "stability");
    expect(stability.why).toMatch(/recorded at step/);
    expect(stability.value).toBeCloseTo(Math.max(...run.history.map((r) => r.lrSharpness as number)), 12);
    const none = measureRegime({ ...input, history: [] }, { sharpnessBudget: 0 });
    expect(check(none, "stability").holds).toBeNull();
    expect(check(none, "stability").why).toMatch(/include the sharpness probe/);
  });
});

describe("regime meter on diagonal networks: the coordinates must be the theory's features", () => {
  it("the lab's saddle-to-saddle preset (u⊙v on Gaussian inputs) breaks 'inputs': y·x changes sign per coordinate", async () => {
    const { PRESETS } = await import("../../web/src/presets.js");
    const s2s = PRESETS.find((p) => p.id === "s2s")!;
    const v = verdict({ ...s2s.config, train: { steps: 50 } });
    expect(v.breaks).toContain("inputs");
    const inputs = check(v, "inputs");
    expect(inputs.value as number).toBeGreaterThan(0.1);
    expect(inputs.why).toMatch(/coordinates are not features.*saddle to saddle/);
    expect(v.summary).toMatch(/^theory's assumptions break: .*inputs/);
  });

  it("label-correlated features (independent or disjoint carriers) hold; an uncorrelated feature or noise dimensions break", () => {
    const net = {
      model: { hidden: [3], diagonalLayers: [0], activation: "linear" },
      init: { scheme: "diagonal", scale: 0.01 },
      loss: { reduction: "mean" },
      optimizer: { lr: 0.05 },
      train: { steps: 20 },
    };
    const features = (extra: Record<string, unknown>) =>
      check(verdict({ ...net, data: { kind: "features", n: 40, ...extra } }), "inputs");
    expect(features({}).holds).toBe(true);
    expect(features({}).value).toBe(0);
    expect(
      features({
        carriers: "disjoint",
        features: [
          { name: "A", frequency: 0.5 },
          { name: "B", frequency: 0.25 },
        ],
      }).holds,
    ).toBe(true);
    const unc = features({
      features: [{ name: "A" }, { name: "B", correlation: "uncorrelated", frequency: 0.5 }],
    });
    expect(unc.holds).toBe(false);
    expect(unc.why).toMatch(/coordinate 1/);
    const noisy = check(
      verdict({ ...net, data: { kind: "features", n: 40, noiseDims: 1, noiseStd: 0.3 } }),
      "inputs",
    );
    expect(noisy.holds).toBe(false);
    expect(noisy.why).toMatch(/coordinate 2/);
  });
});
