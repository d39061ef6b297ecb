import { describe, expect, it } from "vitest";
import { parseRunConfig } from "../../src/config/validate.js";
import { buildData } from "../../src/train/build-data.js";
import { joinCheckpoint, splitCheckpoint } from "../../src/train/checkpoint.js";
import { createTrainer } from "../../src/train/trainer.js";

const base = {
  seed: 4,
  data: { kind: "blobs", n: 40, d: 3 },
  model: { hidden: [6], activation: "tanh", bias: true },
  init: { scheme: "xavier-normal" },
  train: { steps: 60 },
  probes: { schedule: { kind: "every", every: 7 }, include: ["weight-norms"] },
};

const optimizers = {
  gd: { kind: "gd", lr: 0.05 },
  "sgd with shuffling": { kind: "sgd", lr: 0.05, batchSize: 7 },
  momentum: { kind: "sgd", lr: 0.05, batchSize: 7, momentum: 0.9, nesterov: true },
  adam: { kind: "adam", lr: 0.01, batchSize: 9, weightDecay: 1e-3 },
  "adam full batch, lr schedule": { kind: "adam", lr: 0.01 },
};

const bits = (a: ArrayLike<number>) => Array.from(new Uint32Array(Float64Array.from(a).buffer));

describe("trainer checkpoints", () => {
  for (const [name, optimizer] of Object.entries(optimizers)) {
    it(`${name}: a run resumed from the checkpoint at step k gives the uninterrupted run's bits`, () => {
      const schedules =
        name === "adam full batch, lr schedule"
          ? { lr: { kind: "linear", at: [0, 30], values: [0.001, 0.02] } }
          : undefined;
      const config = parseRunConfig({ ...base, optimizer, schedules });
      const data = buildData(config);
      const straight = createTrainer(config, data);
      straight.run();
      const first = createTrainer(config, data);
      first.advance(23);
      // Through the store's form (JSON meta + float64 arrays), as a killed process would reload it.
      const { meta, arrays } = splitCheckpoint(first.checkpoint());
      const ck = joinCheckpoint(JSON.parse(JSON.stringify(meta)), arrays);
      first.advance(5); // the first trainer going on must not change what was saved
      const resumed = createTrainer(config, data, { resume: ck });
      expect(resumed.step).toBe(23);
      resumed.run();
      expect(resumed.status).toBe("done");
      expect(JSON.stringify(resumed.history)).toBe(JSON.stringify(straight.history));
      expect(bits(resumed.mlp.params)).toEqual(bits(straight.mlp.params));
      // What the checkpoint had to carry for this optimizer.
      expect(ck.optimizer.steps).toBe(23);
      expect(Object.keys(ck.optimizer.buffers).length > 0).toBe(
        name === "momentum" || name.startsWith("adam"),
      );
      expect(ck.batches !== null).toBe("batchSize" in optimizer);
    });
  }

  it("refuses a checkpoint of another config, naming the field that differs", () => {
    const a = parseRunConfig({ ...base, optimizer: optimizers.gd });
    const b = parseRunConfig({ ...base, optimizer: { kind: "gd", lr: 0.1 } });
    const ck = createTrainer(a, buildData(a)).checkpoint();
    expect(() => createTrainer(b, buildData(b), { resume: ck })).toThrow(/differs in: optimizer/);
    expect(() => joinCheckpoint({ format: "other" }, { params: new Float64Array(1) })).toThrow(
      /not a learndyn trainer checkpoint/,
    );
  });

  it("carry: a trainer started with another run's optimizer state continues its momentum", () => {
    const config = parseRunConfig({ ...base, optimizer: optimizers.momentum });
    const data = buildData(config);
    const a = createTrainer(config, data);
    a.advance(10);
    const state = a.checkpoint();
    const fresh = createTrainer(config, data);
    const carried = createTrainer(config, data, {
      carry: { optimizer: state.optimizer, batches: state.batches },
    });
    fresh.advance(1);
    carried.advance(1);
    expect(bits(carried.mlp.params)).not.toEqual(bits(fresh.mlp.params));
  });
});
