import { describe, expect, it } from "vitest";
import { createBackend } from "../../src/engine/backends.js";
import { ganCheckpointFromJson, ganCheckpointToJson } from "../../src/gan/checkpoint.js";
import type { GanConfigInput } from "../../src/gan/config.js";
import { createGanRun } from "../../src/gan/train.js";
import { runHash } from "./run-hash.js";

const small: GanConfigInput = {
  generator: { hidden: [8, 8] },
  discriminator: { hidden: [8, 8] },
  batchSize: 16,
  iterations: 50,
  recordEvery: 10,
  evalSamples: 200,
  optimizer: { lr: 1e-3 },
};

const CASES: Record<string, { config: GanConfigInput; k: number }> = {
  "Adam, hinge, ring": { config: { ...small, seed: 1 }, k: 23 },
  "SGD with momentum, minimax, grid, a generator lr": {
    config: {
      ...small,
      data: "grid",
      loss: "minimax",
      optimizer: { kind: "sgd", lr: 0.05, momentum: 0.9, generatorLr: 0.02 },
      seed: 2,
    },
    k: 30,
  },
  "dSteps 3, gSteps 2, cut mid-round before a record": {
    config: { ...small, dSteps: 3, gSteps: 2, seed: 3 },
    k: 19,
  },
  "cut at a record": { config: { ...small, loss: "nonsaturating", seed: 4 }, k: 20 },
};

describe("GAN checkpoints", () => {
  for (const [name, { config, k }] of Object.entries(CASES)) {
    it(`${name}: k steps, checkpoint to JSON, resume, the rest = the run that never stopped`, () => {
      const whole = createGanRun(config, { backend: createBackend("js") });
      whole.run();
      const first = createGanRun(config, { backend: createBackend("js") });
      first.advance(k);
      expect(first.iteration).toBe(k);
      const text = ganCheckpointToJson(first.checkpoint());
      first.run(); // the checkpoint is a copy: going on does not change it
      const resumed = createGanRun(config, {
        backend: createBackend("wasm"),
        resume: ganCheckpointFromJson(text),
      });
      expect(resumed.iteration).toBe(k);
      expect(resumed.history.length).toBe(Math.floor(k / 10) + 1);
      resumed.run();
      expect(resumed.status).toBe("done");
      expect(resumed.history).toEqual(whole.history);
      expect(Array.from(resumed.generator.params)).toEqual(Array.from(whole.generator.params));
      expect(Array.from(resumed.discriminator.params)).toEqual(Array.from(whole.discriminator.params));
      expect(runHash(resumed)).toBe(runHash(whole));
      expect(runHash(first)).toBe(runHash(whole));
    });
  }

  it("a checkpoint without the optimizer state would differ: the test above can fail", () => {
    const config = CASES["Adam, hinge, ring"].config;
    const whole = createGanRun(config);
    whole.run();
    const first = createGanRun(config);
    first.advance(23);
    const ck = first.checkpoint();
    const fresh = createGanRun(config).checkpoint();
    const resumed = createGanRun(config, {
      resume: { ...ck, generatorOptimizer: fresh.generatorOptimizer },
    });
    resumed.run();
    expect(runHash(resumed)).not.toBe(runHash(whole));
  });

  it("JSON keeps every float64's bits: −0, NaN, ±Infinity in arrays and numbers", () => {
    const ck = createGanRun({ ...small, iterations: 3 }).checkpoint();
    ck.generator[0] = -0;
    ck.generator[1] = Number.NaN;
    ck.generator[2] = Number.POSITIVE_INFINITY;
    ck.generator[3] = 5e-324;
    ck.last.dLoss = Number.NEGATIVE_INFINITY;
    ck.last.gLoss = -0;
    ck.history[0].kl = Number.NaN;
    const back = ganCheckpointFromJson(ganCheckpointToJson(ck));
    expect(back.generator).toBeInstanceOf(Float64Array);
    expect(Object.is(back.generator[0], -0)).toBe(true);
    expect(back.generator[1]).toBeNaN();
    expect(back.generator[2]).toBe(Number.POSITIVE_INFINITY);
    expect(back.generator[3]).toBe(5e-324);
    expect(back.last.dLoss).toBe(Number.NEGATIVE_INFINITY);
    expect(Object.is(back.last.gLoss, -0)).toBe(true);
    expect(back.history[0].kl).toBeNaN();
    expect(Array.from(back.discriminator)).toEqual(Array.from(ck.discriminator));
    expect(back.generatorOptimizer.buffers.m).toBeInstanceOf(Float64Array);
    expect(back.config).toBe(ck.config);
  });

  it("refuses another config, another format and text that is not JSON, saying what to do", () => {
    const ck = createGanRun({ ...small, seed: 1 }).checkpoint();
    expect(() => createGanRun({ ...small, seed: 2 }, { resume: ck })).toThrow(
      /another config \(differs in: seed\); resume with the same config/,
    );
    expect(() => ganCheckpointFromJson('{"format":"learndyn-trainer/1"}')).toThrow(
      /not a learndyn GAN checkpoint/,
    );
    expect(() => ganCheckpointFromJson("{oops")).toThrow(
      /not a learndyn GAN checkpoint: the text is not JSON/,
    );
  });
});
