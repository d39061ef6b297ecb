import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../../src/config/validate.js";
import { Rng } from "../../../src/engine/rng.js";
import { runTrainingBatch } from "../../../src/train/batched/run-batch.js";
import { batchSignature } from "../../../src/train/batched/signature.js";
import { runTraining } from "../../../src/train/run.js";

/** Random batchable configs sharing one architecture and data spec, differing in everything else. */
function randomConfigs(seed: number, count: number) {
  const rng = new Rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rng.uniform() * xs.length)];
  const model = {
    hidden: pick([[1], [3], [4, 2]]),
    activation: pick(["relu", "leaky-relu", "tanh", "linear"] as const),
    bias: pick([true, false]),
    // A diagonal first layer needs as many hidden units as inputs (3).
    ...(pick([0, 0, 1]) ? { hidden: [3], diagonalLayers: [0] } : {}),
  };
  const data = { kind: "orthogonal", norms: [1, 2, 0.5] };
  return Array.from({ length: count }, (_, r) =>
    parseRunConfig({
      seed: 100 * seed + r,
      data,
      model,
      init: { scale: pick([0.01, 0.1, 0.5, 2]) },
      loss: { kind: pick(["ce", "hinge", "squared"] as const), reduction: pick(["sum", "mean"] as const) },
      optimizer: { kind: "gd", lr: pick([0.01, 0.1, 0.5, 3]), weightDecay: pick([0, 0, 1e-3]) },
      regularization: { spectralDecoupling: pick([0, 0, 0.01]) },
      train: {
        steps: pick([50, 120, 200]),
        stop: pick([{}, { targetError: 0 }, { targetLoss: 0.3 }, { divergeAbove: 50 }]),
      },
      probes: {
        schedule: { kind: "log", perDecade: 5 },
        include: pick([[], ["margins"], ["margins", "weight-norms"]]),
      },
    }),
  );
}

describe("runTrainingBatch", () => {
  for (const fused of [true, false]) {
    it(`gives every run the bits runTraining gives it alone (random configs; ${fused ? "compiled step" : "stacked kernels"})`, () => {
      for (let seed = 1; seed <= 12; seed++) {
        const configs = randomConfigs(seed, 7);
        expect(configs.every((c) => batchSignature(c) === batchSignature(configs[0]))).toBe(true);
        const batched = runTrainingBatch(configs, undefined, { fused });
        configs.forEach((c, r) => {
          const solo = runTraining(c);
          expect(batched[r].status, `seed ${seed} run ${r}`).toBe(solo.status);
          expect(batched[r].stopReason).toBe(solo.stopReason);
          expect(batched[r].steps).toBe(solo.steps);
          expect(batched[r].history).toEqual(solo.history);
          expect(batched[r].weights).toEqual(solo.weights);
        });
      }
    });
  }

  it("refuses runs it cannot batch", () => {
    const adam = parseRunConfig({ optimizer: { kind: "adam", lr: 0.01 } });
    expect(batchSignature(adam)).toBeNull();
    expect(() => runTrainingBatch([adam])).toThrow(/cannot be batched/);
    const a = parseRunConfig({ model: { hidden: [2] } });
    const b = parseRunConfig({ model: { hidden: [3] } });
    expect(() => runTrainingBatch([a, b])).toThrow(/same batch signature/);
  });
});
