import { describe, expect, it } from "vitest";
import type { Dataset } from "../../../src/data/dataset.js";
import { Rng } from "../../../src/engine/rng.js";
import { memoryCheckpoints } from "../../../src/experiments/experiment-io.js";
import { cmnistConfig, lossWeights, trainCmnist } from "../../../src/experiments/starvation-cmnist/train.js";
import { valueAt } from "../../../src/train/value-schedule.js";

/** A small random problem (not MNIST): enough to exercise the loop. */
function toy(n: number, d: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const x = Float64Array.from({ length: n * d }, () => rng.uniform());
  const y = Float64Array.from({ length: n }, (_, i) => (x[i * d] + x[i * d + 1] > 1 ? 1 : -1));
  return { name: "toy", n, d, x, y };
}

const base = {
  train: toy(90, 6, 1),
  test: toy(40, 6, 2),
  method: "sd" as const,
  steps: 20,
  lr: 1e-2,
  sdCoef: 2e-5,
  anneal: 8,
  l2: 0,
  hidden: [5, 4],
  seed: 3,
  chunk: 32,
  evalEvery: 5,
};

describe("colored-MNIST training loop", () => {
  it("the loss schedule: ERM (1, 0); SD (1, c) before the switch, (c, c) from it on", () => {
    expect(lossWeights({ method: "erm", sdCoef: 2e-5, anneal: 450 }, 1000)).toEqual([1, 0]);
    expect(lossWeights({ method: "sd", sdCoef: 2e-5, anneal: 450 }, 449)).toEqual([1, 2e-5]);
    expect(lossWeights({ method: "sd", sdCoef: 2e-5, anneal: 450 }, 450)).toEqual([2e-5, 2e-5]);
  });

  it("the trainer config carries that schedule: lossWeight = w_nll, spectral decoupling λ = 2·w_sd", () => {
    for (const method of ["erm", "sd"] as const) {
      const o = { ...base, method, anneal: 8 };
      const config = cmnistConfig(o, 32);
      const w = config.schedules?.lossWeight;
      if (!w) throw new Error("no lossWeight schedule");
      for (let step = 0; step < 20; step++) {
        const [wNll, wSd] = lossWeights(o, step);
        expect(valueAt(w, step)).toBe(wNll);
        expect(config.regularization.spectralDecoupling).toBe(2 * wSd);
      }
    }
  });

  it("chunked full-batch gradient: the chunk size does not change the run beyond rounding", () => {
    const a = trainCmnist({ ...base, chunk: 7 });
    const b = trainCmnist({ ...base, chunk: 1000 });
    expect(a.history.map((h) => h.nll)).toEqual(b.history.map((h) => expect.closeTo(h.nll, 12)));
  });

  it("a killed run resumes from its checkpoint and ends bit-identical to an uninterrupted one", () => {
    const straight = trainCmnist(base);
    const store = memoryCheckpoints();
    const checkpoint = { store, key: "k", everySeconds: 0 };
    expect(() =>
      trainCmnist({
        ...base,
        checkpoint,
        onStep: (s) => {
          if (s === 11) throw new Error("killed");
        },
      }),
    ).toThrow("killed");
    expect(store.load("k")?.meta.step).toBe(10);
    const resumed = trainCmnist({ ...base, checkpoint });
    expect(resumed.resumedFrom).toBe(10);
    expect(resumed.stepsThisProcess).toBe(10);
    expect(resumed.history).toEqual(straight.history);
    // Finished: a third call only reloads the result.
    const again = trainCmnist({ ...base, checkpoint });
    expect(again.stepsThisProcess).toBe(0);
    expect(again.testAccuracy).toBe(straight.testAccuracy);
    expect(() => trainCmnist({ ...base, steps: 30, checkpoint })).toThrow(/made for sd with 20 steps/);
  });
});
