import { describe, expect, it } from "vitest";
import { createBackend } from "../../src/engine/backends.js";
import { initialize } from "../../src/engine/init.js";
import { createMlp } from "../../src/engine/mlp.js";
import { forward } from "../../src/engine/propagate.js";
import { Rng } from "../../src/engine/rng.js";
import { createWorkspace } from "../../src/engine/workspace.js";
import { GAN_LOSSES, generatorLoss } from "../../src/gan/losses.js";
import { createGanRun, generatorGradient } from "../../src/gan/train.js";

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
  for (const loss of GAN_LOSSES) {
    it(`${loss}: the generator gradient through D matches finite differences`, () => {
      const be = createBackend("js");
      // tanh keeps the finite differences smooth (ReLU kinks would need a smaller step)
      const G = createMlp(
        { inputDim: 2, hidden: [5, 4], activation: "tanh", bias: true, leakySlope: 0, outputDim: 2 },
        be,
      );
      const D = createMlp({ inputDim: 2, hidden: [6, 3], activation: "tanh", bias: true, leakySlope: 0 }, be);
      const init = {
        kind: "layers" as const,
        balanced: false,
        layers: [{ scheme: "gaussian" as const, scale: 0.8, gain: 1, diagonal: "half-normal" as const }],
      };
      initialize(G, init, new Rng(1));
      initialize(D, init, new Rng(2));
      const n = 4;
      const Z = new Float64Array(2 * n);
      const r = new Rng(3);
      for (let i = 0; i < Z.length; i++) Z[i] = r.normal();
      const wsG = createWorkspace(G, n, be);
      const wsD = createWorkspace(D, n, be);
      const grad = new Float64Array(G.size);
      const dx = new Float64Array(2 * n);
      generatorGradient(loss, G, D, Z, n, wsG, wsD, be, grad, new Float64Array(D.size), dx);
      const tmp = new Float64Array(n);
      const L = () =>
        generatorLoss(loss, forward(D, D.params, forward(G, G.params, Z, n, wsG, be), n, wsD, be), n, tmp);
      const h = 1e-6;
      for (let i = 0; i < G.size; i++) {
        const o = G.params[i];
        G.params[i] = o + h;
        const up = L();
        G.params[i] = o - h;
        const dn = L();
        G.params[i] = o;
        expect(grad[i]).toBeCloseTo((up - dn) / (2 * h), 7);
      }
    });
  }

  it("is reproducible from its config, and the wasm backend gives the js bits", () => {
    const a = createGanRun({ ...small, loss: "nonsaturating", seed: 5 }, { backend: createBackend("js") });
    a.runToEnd();
    const b = createGanRun({ ...small, loss: "nonsaturating", seed: 5 }, { backend: createBackend("js") });
    b.runToEnd();
    expect(b.history).toEqual(a.history);
    const w = createGanRun({ ...small, loss: "nonsaturating", seed: 5 }, { backend: createBackend("wasm") });
    w.runToEnd();
    expect(Array.from(w.samples())).toEqual(Array.from(a.samples()));
    const other = createGanRun(
      { ...small, loss: "nonsaturating", seed: 6 },
      { backend: createBackend("js") },
    );
    other.runToEnd();
    expect(other.history).not.toEqual(a.history);
  });

  it("records on schedule and learns: the ring's samples approach the modes", () => {
    const run = createGanRun(
      { ...small, loss: "hinge", iterations: 400, recordEvery: 100, optimizer: { lr: 2e-3 }, seed: 1 },
      { backend: createBackend("js") },
    );
    run.runToEnd();
    expect(run.history.map((r) => r.iteration)).toEqual([0, 100, 200, 300, 400]);
    const meanRadius = (s: Float64Array) => {
      let sum = 0;
      for (let i = 0; i < s.length; i += 2) sum += Math.hypot(s[i], s[i + 1]);
      return sum / (s.length / 2);
    };
    // at init the generator's outputs sit near 0; after training they spread towards the radius-2 ring
    expect(Math.abs(meanRadius(run.samples()) - 2)).toBeLessThan(0.6);
    expect(run.status).toBe("ok");
    const surface = run.discriminate([0, 0, 2, 0], 2);
    expect(surface.length).toBe(2);
    expect(Number.isFinite(surface[0])).toBe(true);
  });
});
