import { describe, expect, it } from "vitest";
import { createBackend } from "../../src/engine/backends.js";
import { createGanRun } from "../../src/gan/train.js";

const small = {
  generator: { hidden: [8, 8] },
  discriminator: { hidden: [8, 8] },
  batchSize: 16,
  iterations: 40,
  recordEvery: 10,
  evalSamples: 200,
  optimizer: { lr: 1e-3 },
};

describe("GAN training", () => {
  it("is reproducible from its config, and the wasm backend gives the js bits", () => {
    const a = createGanRun({ ...small, loss: "nonsaturating", seed: 5 }, { backend: createBackend("js") });
    a.run();
    const b = createGanRun({ ...small, loss: "nonsaturating", seed: 5 }, { backend: createBackend("js") });
    b.run();
    expect(b.history).toEqual(a.history);
    const w = createGanRun({ ...small, loss: "nonsaturating", seed: 5 }, { backend: createBackend("wasm") });
    w.run();
    expect(Array.from(w.samples())).toEqual(Array.from(a.samples()));
    const other = createGanRun(
      { ...small, loss: "nonsaturating", seed: 6 },
      { backend: createBackend("js") },
    );
    other.run();
    expect(other.history).not.toEqual(a.history);
  });

  it("records on schedule and learns: the ring's samples approach the modes", () => {
    const run = createGanRun(
      { ...small, loss: "hinge", iterations: 400, recordEvery: 100, optimizer: { lr: 2e-3 }, seed: 1 },
      { backend: createBackend("js") },
    );
    run.run();
    expect(run.history.map((r) => r.iteration)).toEqual([0, 100, 200, 300, 400]);
    const meanRadius = (s: Float64Array) => {
      let sum = 0;
      for (let i = 0; i < s.length; i += 2) sum += Math.hypot(s[i], s[i + 1]);
      return sum / (s.length / 2);
    };
    // at init the generator's outputs sit near 0; after training they spread towards the radius-2 ring
    expect(Math.abs(meanRadius(run.samples()) - 2)).toBeLessThan(0.6);
    expect(run.status).toBe("done");
    const surface = run.discriminate([0, 0, 2, 0], 2);
    expect(surface.length).toBe(2);
    expect(Number.isFinite(surface[0])).toBe(true);
  });
});
