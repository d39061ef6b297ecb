import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { buildData } from "../../src/train/build-data.js";
import { runTraining } from "../../src/train/run.js";
import { createTrainer } from "../../src/train/trainer.js";

const base = {
  data: { kind: "blobs", n: 64, d: 3 },
  model: { hidden: [8, 8], activation: "tanh", bias: true },
  init: { scheme: "xavier-normal" },
  optimizer: { kind: "gd", lr: 0.01 },
  train: { steps: 200 },
};

describe("trainer", () => {
  it("is deterministic: the same config gives bit-identical histories", () => {
    const a = runTraining(parseRunConfig(base));
    const b = runTraining(parseRunConfig(base));
    expect(JSON.stringify(a.history)).toBe(JSON.stringify(b.history));
    const c = runTraining(parseRunConfig({ ...base, seed: 1 }));
    expect(c.history[10].loss).not.toBe(a.history[10].loss);
  });

  it("gives the same history whether run at once or advanced in uneven chunks", () => {
    const config = parseRunConfig({
      ...base,
      optimizer: { kind: "sgd", lr: 0.01, batchSize: 10, momentum: 0.9 },
    });
    const whole = runTraining(config);
    const trainer = createTrainer(config, buildData(config));
    for (const chunk of [1, 7, 50, 3, 1000]) trainer.advance(chunk);
    expect(trainer.status).toBe("done");
    expect(JSON.stringify(trainer.history)).toBe(JSON.stringify(whole.history));
  });

  it("records at the scheduled steps, including 0 and the last", () => {
    const every = runTraining(
      parseRunConfig({ ...base, probes: { schedule: { kind: "every", every: 50 } } }),
    );
    expect(every.history.map((r) => r.step)).toEqual([0, 50, 100, 150, 200]);
    const log = runTraining(
      parseRunConfig({
        ...base,
        train: { steps: 1000 },
        probes: { schedule: { kind: "log", perDecade: 2 } },
      }),
    );
    expect(log.history.map((r) => r.step)).toEqual([0, 1, 3, 10, 32, 100, 316, 1000]);
  });

  it("records t = lr × step and a decreasing loss under small-step GD", () => {
    const r = runTraining(parseRunConfig(base));
    const last = r.history[r.history.length - 1];
    expect(last.t).toBeCloseTo(0.01 * 200, 12);
    for (let i = 1; i < r.history.length; i++)
      expect(r.history[i].loss).toBeLessThanOrEqual(r.history[i - 1].loss);
  });

  it("stops at a target error and says why", () => {
    const r = runTraining(parseRunConfig({ ...base, train: { steps: 100000, stop: { targetError: 0 } } }));
    expect(r.status).toBe("stopped");
    expect(r.stopReason).toMatch(/target error 0 reached at step \d+/);
    expect(r.history[r.history.length - 1].error).toBe(0);
    expect(r.steps).toBeLessThan(100000);
  });

  it("stops on a plateau", () => {
    const r = runTraining(
      parseRunConfig({
        ...base,
        loss: { kind: "hinge" },
        train: { steps: 100000, stop: { plateau: { window: 100, minRelativeDecrease: 1e-9 } } },
      }),
    );
    expect(r.status).toBe("stopped");
    expect(r.stopReason).toMatch(/plateau/);
  });

  it("ends an exploding run as diverged, with the bad record kept", () => {
    const r = runTraining(
      parseRunConfig({
        ...base,
        loss: { kind: "squared" },
        init: { scheme: "gaussian", scale: 3 },
        optimizer: { kind: "gd", lr: 10 },
      }),
    );
    expect(r.status).toBe("diverged");
    const last = r.history[r.history.length - 1];
    expect(!Number.isFinite(last.loss) || last.loss > 1e15).toBe(true);
  });

  it("minibatch SGD covers every point once per epoch (seeded shuffling)", () => {
    const config = parseRunConfig({
      ...base,
      optimizer: { kind: "sgd", lr: 0.05, batchSize: 16 },
      train: { steps: 400 },
    });
    const r = runTraining(config);
    expect(r.status).toBe("done");
    expect(r.history[r.history.length - 1].loss).toBeLessThan(r.history[0].loss);
  });

  it("adds the spectral-decoupling penalty to the record", () => {
    const r = runTraining(parseRunConfig({ ...base, regularization: { spectralDecoupling: 0.1 } }));
    expect(r.history[0].penalty).toBeGreaterThan(0);
  });

  it("keeps diagonal-constrained layers diagonal (a diagonal network over the features)", () => {
    const config = parseRunConfig({
      data: { kind: "features", n: 40 },
      model: { hidden: [2], activation: "linear", diagonalLayers: [0] },
      init: { scheme: "gaussian", scale: 0.1 },
      train: { steps: 300 },
    });
    const r = runTraining(config);
    const W = r.weights[0].W;
    expect(W[0][1]).toBe(0);
    expect(W[1][0]).toBe(0);
    expect(W[0][0]).not.toBe(0);
    expect(() =>
      runTraining(
        parseRunConfig({
          ...config,
          init: {
            scheme: "explicit",
            weights: [
              {
                W: [
                  [1, 0.5],
                  [0, 1],
                ],
              },
              { W: [[1, 1]] },
            ],
          },
        }),
      ),
    ).toThrow(/diagonal .* nonzero off-diagonal/);
  });
});
